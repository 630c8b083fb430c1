package io.riposte.streams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.domain.Article;
import io.riposte.domain.DatePrecision;
import io.riposte.local.registry.LocalSchemaRegistry;
import io.riposte.mapping.AvroMapping;
import io.riposte.registry.HttpSchemaRegistryClient;
import io.riposte.registry.SchemaRegistryException;
import io.riposte.serde.GenericAvroSerializer;
import io.riposte.streams.StreamsCounters;
import io.riposte.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, schema evolution: a producer that writes Article v2 (v1 plus an optional field with a
 * default) is read by the v1 topology, which extracts exactly what it extracts from the same
 * article written as v1; and a change that breaks old readers is refused by the registry's
 * BACKWARD check with a 409 through the real HTTP client.
 */
class SchemaEvolutionTest {
    static final String SUBJECT = Topics.ARTICLES + "-value";
    static final Instant PUBLISHED = Instant.parse("2021-04-17T18:00:00Z");
    static final Article REPORT = new Article("evolution-1", "evolution.txt", null,
            "Czech Republic expels Russian diplomats",
            "The Czech Republic expelled 18 Russian diplomats on Saturday, the Czech foreign ministry said,"
                    + " citing the 2014 explosions at an ammunition depot.",
            PUBLISHED, DatePrecision.DAY, null, "en", PUBLISHED);

    @TempDir
    Path state;

    @Test
    void v2ArticlesFromAGenericProducerAreReadByTheV1TopologyAndBreakingChangesAreRefused() throws IOException {
        Schema v1 = io.riposte.avro.Article.getClassSchema();
        Schema v2 = withField(v1, new Schema.Field("translated_from",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "Language of the original, when the text is a translation.", Schema.Field.NULL_DEFAULT_VALUE));
        try (LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory(0);
                HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registry.url())) {
            int v1Id = client.register(SUBJECT, v1);
            assertThat(client.compatibility(SUBJECT)).isEqualTo("BACKWARD");
            assertThat(client.isCompatible(SUBJECT, v2)).isTrue();
            int v2Id = client.register(SUBJECT, v2);
            assertThat(v2Id).isNotEqualTo(v1Id);
            assertThat(client.latest(SUBJECT).toString()).contains(String.valueOf(v2Id));

            // The producer side: a GenericRecord of v2, written through the registry serializer.
            GenericRecord record = new GenericData.Record(v2);
            GenericRecord asV1 = genericCopy(AvroMapping.toAvro(REPORT), v1);
            for (Schema.Field f : v1.getFields()) {
                record.put(f.name(), asV1.get(f.name()));
            }
            record.put("translated_from", "cs");
            byte[] v2Bytes;
            try (GenericAvroSerializer<GenericRecord> producer = new GenericAvroSerializer<>(client)) {
                producer.configure(Map.of("schema.registry.url", registry.url(), "auto.register.schemas", false), false);
                v2Bytes = producer.serialize(Topics.ARTICLES, record);
            }
            assertThat(java.nio.ByteBuffer.wrap(v2Bytes, 1, 4).getInt()).as("written with the v2 id").isEqualTo(v2Id);

            List<String> fromV2 = run(registry.url(), state.resolve("v2"), in -> in.pipeInput(REPORT.id(), v2Bytes, PUBLISHED));
            List<String> fromV1 = run(registry.url(), state.resolve("v1"), in -> {
                try (var s = new io.riposte.serde.SpecificAvroSerializer<io.riposte.avro.Article>(client)) {
                    s.configure(Map.of("schema.registry.url", registry.url()), false);
                    in.pipeInput(REPORT.id(), s.serialize(Topics.ARTICLES, AvroMapping.toAvro(REPORT)), PUBLISHED);
                }
            });
            assertThat(fromV2).as("actions extracted from the v2 record").isNotEmpty().isEqualTo(fromV1);

            // Breaking changes: old data could not be read with them, so BACKWARD refuses both.
            Schema retyped = replaceField(v1, "origin", Schema.create(Schema.Type.LONG));
            Schema requiredField = withField(v1, new Schema.Field("severity", Schema.create(Schema.Type.INT), "no default", null));
            for (Schema breaking : List.of(retyped, requiredField)) {
                assertThat(client.isCompatible(SUBJECT, breaking)).isFalse();
                assertThatThrownBy(() -> client.register(SUBJECT, breaking))
                        .isInstanceOf(SchemaRegistryException.Incompatible.class)
                        .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409))
                        .hasMessageContaining("ncompatible");
            }
            assertThat(client.latest(SUBJECT).toString()).as("the subject still ends at v2").contains(String.valueOf(v2Id));
        }
    }

    /** The real topology, reading whatever bytes {@code feed} puts on articles; returns the actions' keys and values. */
    private static List<String> run(String registryUrl, Path stateDir, Consumer<TestInputTopic<String, byte[]>> feed) {
        try (RealTopology topology = new RealTopology(registryUrl, stateDir)) {
            TopologyTestDriver ttd = topology.ttd;
            StreamsCounters counters = topology.counters;
            feed.accept(ttd.createInputTopic(Topics.ARTICLES, new StringSerializer(), new ByteArraySerializer()));
            assertThat(counters.articlesProcessed()).isEqualTo(1);
            assertThat(counters.deadLettered()).isZero();
            List<String> out = new ArrayList<>();
            ttd.createOutputTopic(Topics.ACTIONS, new StringDeserializer(), topology.serdes.actions().deserializer())
                    .readRecordsToList().forEach(r -> out.add(r.key() + " = " + r.value()));
            return out;
        }
    }

    private static GenericRecord genericCopy(io.riposte.avro.Article article, Schema schema) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<io.riposte.avro.Article>(schema).write(article, enc);
        enc.flush();
        return new GenericDatumReader<GenericRecord>(schema).read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }

    private static Schema withField(Schema base, Schema.Field extra) {
        List<Schema.Field> fields = new ArrayList<>();
        base.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(extra);
        return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
    }

    private static Schema replaceField(Schema base, String name, Schema type) {
        List<Schema.Field> fields = new ArrayList<>();
        base.getFields().forEach(f -> fields.add(f.name().equals(name)
                ? new Schema.Field(f.name(), type, f.doc(), null)
                : new Schema.Field(f, f.schema())));
        return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
    }
}
