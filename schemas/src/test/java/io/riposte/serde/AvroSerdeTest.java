package io.riposte.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.avro.Article;
import io.riposte.registry.FakeRegistry;
import io.riposte.registry.HttpSchemaRegistryClient;
import io.riposte.registry.RegistryConfig;
import io.riposte.registry.SchemaRegistryException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
    private FakeRegistry registry;
    private Map<String, Object> config;

    @BeforeEach
    void start() throws Exception {
        registry = new FakeRegistry("");
        config = new HashMap<>(Map.of(RegistryConfig.URL, registry.url()));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private SpecificAvroSerde<Article> serde(boolean isKey) {
        var serde = new SpecificAvroSerde<>(Article.class);
        serde.configure(config, isKey);
        return serde;
    }

    @Test
    void roundTripsThroughTheHttpRegistry() {
        try (var serde = serde(false)) {
            Article article = SerdeTestSupport.article("a1");
            byte[] bytes = serde.serializer().serialize("articles", article);
            assertThat(serde.deserializer().deserialize("articles", bytes)).isEqualTo(article);
            assertThat(registry.requests()).extracting(FakeRegistry.Request::rawPath)
                    .containsExactly("/subjects/articles-value/versions", "/schemas/ids/1");
        }
    }

    @Test
    void nullStaysNull() {
        try (var serde = serde(false)) {
            assertThat(serde.serializer().serialize("articles", null)).isNull();
            assertThat(serde.deserializer().deserialize("articles", null)).isNull();
            assertThat(registry.requests()).isEmpty();
        }
    }

    @Test
    void keySerdeUsesTheKeySubject() {
        try (var serde = serde(true)) {
            serde.serializer().serialize("articles", SerdeTestSupport.article("k"));
            assertThat(registry.requests().get(0).rawPath()).isEqualTo("/subjects/articles-key/versions");
        }
    }

    @Test
    void subjectStrategyComesFromConfluentConfigKey() {
        config.put("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
        try (var serde = serde(false)) {
            serde.serializer().serialize("articles", SerdeTestSupport.article("s"));
            assertThat(registry.requests().get(0).rawPath())
                    .isEqualTo("/subjects/articles-io.riposte.avro.Article/versions");
        }
    }

    @Test
    void warmSerdeMakesNoHttpCallPerRecord() {
        try (var producerSide = serde(false); var consumerSide = serde(false)) {
            byte[] first = producerSide.serializer().serialize("articles", SerdeTestSupport.article("warm"));
            consumerSide.deserializer().deserialize("articles", first);
            int warmedUp = registry.requests().size();
            assertThat(warmedUp).isEqualTo(2);
            for (int i = 0; i < 500; i++) {
                Article a = SerdeTestSupport.article("a" + i);
                byte[] bytes = producerSide.serializer().serialize("articles", a);
                assertThat(consumerSide.deserializer().deserialize("articles", bytes)).isEqualTo(a);
            }
            assertThat(registry.requests()).hasSize(warmedUp);
        }
    }

    @Test
    void withoutAutoRegisterItLooksUpAndFailsClearlyWhenAbsent() {
        config.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
        try (var serde = serde(false)) {
            assertThatThrownBy(() -> serde.serializer().serialize("articles", SerdeTestSupport.article("x")))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("articles-value")
                    .hasCauseInstanceOf(SchemaRegistryException.NotFound.class);
            assertThat(registry.requests()).extracting(FakeRegistry.Request::rawPath)
                    .containsExactly("/subjects/articles-value");

            new HttpSchemaRegistryClient(registry.url()).register("articles-value", Article.getClassSchema());
            Article a = SerdeTestSupport.article("y");
            assertThat(serde.deserializer().deserialize("articles", serde.serializer().serialize("articles", a)))
                    .isEqualTo(a);
        }
    }

    @Test
    void useLatestVersionWritesWithTheLatestId() {
        int id = new HttpSchemaRegistryClient(registry.url()).register("articles-value", Article.getClassSchema());
        config.put(SerdeConfig.USE_LATEST_VERSION, "true");
        config.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
        try (var serde = serde(false)) {
            registry.clearRequests();
            byte[] bytes = serde.serializer().serialize("articles", SerdeTestSupport.article("l"));
            assertThat(WireFormat.schemaId("articles", bytes)).isEqualTo(id);
            assertThat(registry.requests()).extracting(FakeRegistry.Request::rawPath)
                    .containsExactly("/subjects/articles-value/versions/latest");
        }
    }

    @Test
    void unknownSchemaIdIsAClearError() {
        try (var serde = serde(false)) {
            byte[] bytes = new byte[] {0, 0, 0, 0, 77, 2, 'x'};
            assertThatThrownBy(() -> serde.deserializer().deserialize("articles", bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("articles")
                    .hasMessageContaining("schema id 77 is unknown");
        }
    }

    @Test
    void badFramingIsRejectedBeforeAnyRegistryCall() {
        try (var serde = serde(false)) {
            assertThatThrownBy(() -> serde.deserializer().deserialize("articles", new byte[] {0, 0, 1}))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("shorter than");
            assertThatThrownBy(() -> serde.deserializer().deserialize("articles", "{\"json\":1}".getBytes()))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
            assertThat(registry.requests()).isEmpty();
        }
    }

    @Test
    void truncatedPayloadIsAClearError() {
        try (var serde = serde(false)) {
            byte[] bytes = serde.serializer().serialize("articles", SerdeTestSupport.article("t"));
            byte[] cut = java.util.Arrays.copyOf(bytes, 12);
            assertThatThrownBy(() -> serde.deserializer().deserialize("articles", cut))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("schema id 1");
        }
    }

    /** An older writer (fewer fields) and a newer one (an extra field) both resolve to the class's schema. */
    @Test
    void specificReaderResolvesEvolvedWriters() {
        Schema current = Article.getClassSchema();
        Schema older = withFields(current, current.getFields().stream()
                .filter(f -> !f.name().equals("language")).map(f -> new Schema.Field(f, f.schema())).toList());
        assertThat(older.getField("language")).isNull();
        java.util.List<Schema.Field> more = new java.util.ArrayList<>(current.getFields().stream()
                .map(f -> new Schema.Field(f, f.schema())).toList());
        more.add(new Schema.Field("extra", Schema.create(Schema.Type.STRING), null, ""));
        Schema newer = withFields(current, more);
        assertThat(newer.getField("extra")).isNotNull();

        try (var generic = new GenericAvroSerde(); var specific = serde(false)) {
            generic.configure(config, false);
            for (Schema writer : new Schema[] {older, newer}) {
                GenericRecordBuilder b = new GenericRecordBuilder(writer)
                        .set("id", "e1").set("origin", "o").set("title", "t").set("body", "b")
                        .set("published_precision", new GenericData.EnumSymbol(writer.getField("published_precision").schema(), "YEAR"))
                        .set("ingested_at", 5L);
                if (writer.getField("extra") != null) {
                    b.set("extra", "ignored by the old reader");
                }
                GenericRecord record = b.build();
                byte[] bytes = generic.serializer().serialize("articles", record);
                Article read = specific.deserializer().deserialize("articles", bytes);
                assertThat(read.getId()).isEqualTo("e1");
                assertThat(read.getLanguage()).isNull();
                assertThat(read.getPublishedPrecision().name()).isEqualTo("YEAR");
                assertThat(generic.deserializer().deserialize("articles", bytes)).isEqualTo(record);
            }
        }
    }

    private static Schema withFields(Schema base, java.util.List<Schema.Field> fields) {
        return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
    }
}
