package io.riposte.streams.state;

import io.riposte.mapping.AvroMapping;
import io.riposte.domain.Action;
import io.riposte.domain.Chain;
import io.riposte.domain.ExtractedAction;
import io.riposte.avro.ActionMention;
import io.riposte.serde.CustomCoders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Value serde of the correlation stores: the domain record, mapped to its Avro class and written in
 * Avro's single-object encoding ({@code C3 01} + the schema's 64-bit fingerprint, little-endian + binary).
 *
 * <p>State is private to the application, so it does not go through the schema registry: a store
 * restores from its changelog even when the registry is down. The fingerprint still makes a schema
 * change detectable: a decoder fails clearly on an unknown fingerprint instead of misreading bytes.
 *
 * <p>The bytes are those of Avro's {@code BinaryMessageEncoder}; the codec is written out here because the
 * correlation step reads and writes these values many times per mention. Each stream thread keeps its own
 * buffered encoder and decoder, and a {@link DecodedValues} cache: decoding is a function of the bytes and the
 * domain records are immutable, so the value that bytes decoded to (or, for bytes just written, the value mapped
 * back from the Avro record written) is handed out again instead of decoded again (the correlator reads back most
 * of what it wrote in the steps that follow).
 */
public final class AvroStoreSerde<D, A extends SpecificRecord> implements Serde<D> {
    /** Encoded bytes of recently decoded or encoded values each stream thread keeps per store serde. */
    static final int CACHED_BYTES_PER_THREAD = 2 * 1024 * 1024;
    private static final int HEADER = 10;

    private final Function<D, A> toAvro;
    private final Function<A, D> toDomain;
    private final Schema schema;
    private final long fingerprint;
    private final SpecificData model;
    /** The writer schemas this serde reads, by fingerprint: the current one and older ones it still knows. */
    private final Map<Long, Schema> readable = new HashMap<>();
    private final ThreadLocal<Codec> codecs = ThreadLocal.withInitial(Codec::new);

    AvroStoreSerde(Function<D, A> toAvro, Function<A, D> toDomain, Class<A> type, Schema schema, Schema... older) {
        this.toAvro = toAvro;
        this.toDomain = toDomain;
        this.schema = schema;
        this.model = CustomCoders.forClass(type);
        this.fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        readable.put(fingerprint, schema);
        for (Schema s : older) {
            readable.put(SchemaNormalization.parsingFingerprint64(s), s);
        }
    }

    public static AvroStoreSerde<ExtractedAction, ActionMention> mentions() {
        // Mentions stored before the cross-dyad cue fields existed stay readable (the fields read as null), so an
        // upgrade needs no reset of the correlation stores.
        return new AvroStoreSerde<>(e -> AvroMapping.toAvro(e, null), AvroMapping::toDomain, ActionMention.class,
                ActionMention.getClassSchema(),
                withoutFields(ActionMention.getClassSchema(), "cross_source", "cross_target", "cross_kind"));
    }

    /** The record schema as it was before the named (optional, defaulted) fields were added. */
    static Schema withoutFields(Schema record, String... added) {
        java.util.Set<String> drop = java.util.Set.of(added);
        java.util.List<Schema.Field> kept = new java.util.ArrayList<>();
        for (Schema.Field f : record.getFields()) {
            if (!drop.contains(f.name())) {
                kept.add(new Schema.Field(f, f.schema()));
            }
        }
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, kept);
    }

    public static AvroStoreSerde<Action, io.riposte.avro.Action> actions() {
        // Actions stored before bounded evidence (every report, no total) stay readable: the total reads as 0,
        // which the mapping takes as "all of them".
        return new AvroStoreSerde<>(AvroMapping::toAvro, AvroMapping::toDomain, io.riposte.avro.Action.class,
                io.riposte.avro.Action.getClassSchema(), withoutFields(io.riposte.avro.Action.getClassSchema(), "evidence_total"));
    }

    public static AvroStoreSerde<Chain, io.riposte.avro.Chain> chains() {
        return new AvroStoreSerde<>(AvroMapping::toAvro, AvroMapping::toDomain, io.riposte.avro.Chain.class,
                io.riposte.avro.Chain.getClassSchema());
    }

    @Override
    public Serializer<D> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return codecs.get().encode(value);
            } catch (IOException | AvroRuntimeException e) {
                throw new SerializationException("cannot encode store value for " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<D> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return codecs.get().decode(bytes);
            } catch (IOException | AvroRuntimeException e) {
                throw new SerializationException("cannot decode store value from " + topic, e);
            }
        };
    }

    /** One thread's encoder, decoders and cache: Avro's encoders and decoders are not thread-safe. */
    private final class Codec {
        private final SpecificDatumWriter<A> writer = new SpecificDatumWriter<>(schema, model);
        private final Map<Long, SpecificDatumReader<A>> readers = new HashMap<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        private final DecodedValues<D> cache = new DecodedValues<>(CACHED_BYTES_PER_THREAD);
        private BinaryEncoder encoder;
        private BinaryDecoder decoder;

        byte[] encode(D value) throws IOException {
            out.reset();
            out.write(0xC3);
            out.write(0x01);
            for (int i = 0; i < 8; i++) {
                out.write((int) (fingerprint >>> (8 * i)));
            }
            encoder = EncoderFactory.get().binaryEncoder(out, encoder);
            A avro = toAvro.apply(value);
            writer.write(avro, encoder);
            encoder.flush();
            byte[] bytes = out.toByteArray();
            // What decoding these bytes gives, not the value handed in: the mapping is not one to one everywhere
            // (a null date reads back as UNKNOWN), and a hit must be what a restored store would read.
            cache.put(bytes, toDomain.apply(avro));
            return bytes;
        }

        D decode(byte[] bytes) throws IOException {
            D cached = cache.get(bytes);
            if (cached != null) {
                return cached;
            }
            if (bytes.length < HEADER || bytes[0] != (byte) 0xC3 || bytes[1] != 0x01) {
                throw new SerializationException("not Avro single-object encoding (no C3 01 header)");
            }
            long fp = 0;
            for (int i = 0; i < 8; i++) {
                fp |= (bytes[2 + i] & 0xFFL) << (8 * i);
            }
            SpecificDatumReader<A> reader = readers.get(fp);
            if (reader == null) {
                Schema written = readable.get(fp);
                if (written == null) {
                    throw new SerializationException(String.format(
                            "store value written with an unknown schema (fingerprint %016x): not a %s", fp, schema.getFullName()));
                }
                reader = new SpecificDatumReader<>(written, schema, model);
                readers.put(fp, reader);
            }
            decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER, bytes.length - HEADER, decoder);
            D value = toDomain.apply(reader.read(null, decoder));
            cache.put(bytes, value);
            return value;
        }
    }
}
