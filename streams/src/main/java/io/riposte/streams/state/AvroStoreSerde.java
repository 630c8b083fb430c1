package io.riposte.streams.state;

import io.riposte.mapping.AvroMapping;
import io.riposte.domain.Action;
import io.riposte.domain.Chain;
import io.riposte.domain.ExtractedAction;
import io.riposte.avro.ActionMention;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Value serde of the correlation stores: the domain record, mapped to its Avro class and written in
 * Avro's single-object encoding ({@code C3 01} + schema fingerprint + binary).
 *
 * <p>State is private to the application, so it does not go through the schema registry: a store
 * restores from its changelog even when the registry is down. The fingerprint still makes a schema
 * change detectable: a decoder fails clearly on an unknown fingerprint instead of misreading bytes.
 */
public final class AvroStoreSerde<D, A extends SpecificRecord> implements Serde<D> {
    private final Function<D, A> toAvro;
    private final Function<A, D> toDomain;
    private final BinaryMessageEncoder<A> encoder;
    private final BinaryMessageDecoder<A> decoder;

    public AvroStoreSerde(Function<D, A> toAvro, Function<A, D> toDomain, BinaryMessageEncoder<A> encoder, BinaryMessageDecoder<A> decoder) {
        this.toAvro = toAvro;
        this.toDomain = toDomain;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    public static AvroStoreSerde<ExtractedAction, ActionMention> mentions() {
        BinaryMessageDecoder<ActionMention> decoder = ActionMention.createDecoder(null);
        // Mentions stored before the cross-dyad cue fields existed stay readable (the fields read as null), so an
        // upgrade needs no reset of the correlation stores.
        decoder.addSchema(withoutFields(ActionMention.getClassSchema(), "cross_source", "cross_target", "cross_kind"));
        return new AvroStoreSerde<>(e -> AvroMapping.toAvro(e, null), AvroMapping::toDomain,
                ActionMention.getEncoder(), decoder);
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
        BinaryMessageDecoder<io.riposte.avro.Action> decoder = io.riposte.avro.Action.createDecoder(null);
        // Actions stored before bounded evidence (every report, no total) stay readable: the total reads as 0,
        // which the mapping takes as "all of them".
        decoder.addSchema(withoutFields(io.riposte.avro.Action.getClassSchema(), "evidence_total"));
        return new AvroStoreSerde<>(AvroMapping::toAvro, AvroMapping::toDomain, io.riposte.avro.Action.getEncoder(), decoder);
    }

    public static AvroStoreSerde<Chain, io.riposte.avro.Chain> chains() {
        return new AvroStoreSerde<>(AvroMapping::toAvro, AvroMapping::toDomain,
                io.riposte.avro.Chain.getEncoder(), io.riposte.avro.Chain.getDecoder());
    }

    @Override
    public Serializer<D> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                ByteBuffer buf = encoder.encode(toAvro.apply(value));
                byte[] out = new byte[buf.remaining()];
                buf.get(out);
                return out;
            } catch (IOException e) {
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
                return toDomain.apply(decoder.decode(bytes));
            } catch (IOException | AvroRuntimeException e) {
                // Includes MissingSchemaException: bytes of a schema this decoder does not know.
                throw new SerializationException("cannot decode store value from " + topic, e);
            }
        };
    }
}
