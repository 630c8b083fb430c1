package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.avro.ActionType;
import io.riposte.avro.Chain;
import io.riposte.avro.ChainStatus;
import io.riposte.avro.ChainStep;
import io.riposte.avro.DatePrecision;
import io.riposte.avro.DyadView;
import io.riposte.avro.FuzzyDate;
import io.riposte.avro.PendingThreat;
import io.riposte.local.registry.LocalSchemaRegistry;
import io.riposte.registry.HttpSchemaRegistryClient;
import io.riposte.registry.SchemaRegistryException;
import io.riposte.serde.GenericAvroSerializer;
import io.riposte.serde.SpecificAvroDeserializer;
import io.riposte.serde.SpecificAvroSerializer;
import io.riposte.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * The typed sink's schema evolves like the others: through the registry's BACKWARD check, a v2 with an
 * optional field is accepted and its records are read by today's DyadView class; a field old records
 * lack, without a default, is refused with a 409.
 */
class DyadViewSchemaEvolutionTest {
    static final String SUBJECT = Topics.DYADS_AVRO + "-value";
    static final ObjectMapper JSON = new ObjectMapper();

    static DyadView sample() {
        FuzzyDate march = FuzzyDate.newBuilder().setYear(2019).setMonth(3).setPrecision(DatePrecision.MONTH).build();
        ChainStep step = ChainStep.newBuilder().setActionId("act-1").setSource("AAA").setTarget("BBB")
                .setType(ActionType.EXPEL_DIPLOMATS).setDate(march).setCount(4).build();
        Chain chain = Chain.newBuilder().setId("chain-act-1").setDyad("AAA-BBB").setStatus(ChainStatus.ACTIVE).setEscalation(3.5)
                .setFirstDate(march).setLastDate(march).setSteps(List.of(step)).build();
        return DyadView.newBuilder().setDyad("AAA-BBB").setChains(List.of(chain)).setEscalationLevel(3.5)
                .setLastStep(step).setLastStepChainId("chain-act-1")
                .setPendingThreats(List.of(new PendingThreat("act-2", "BBB", "AAA", march, -4.0)))
                .setUpdatedAt(Instant.parse("2019-03-20T10:00:00Z")).build();
    }

    /** DyadView's schema with one more field, built from its JSON form. */
    static Schema plusField(String name, String type, boolean withNullDefault) throws Exception {
        ObjectNode schema = (ObjectNode) JSON.readTree(DyadView.getClassSchema().toString());
        ObjectNode field = ((ArrayNode) schema.get("fields")).addObject().put("name", name);
        if (withNullDefault) {
            field.putArray("type").add("null").add(type);
            field.putNull("default");
        } else {
            field.put("type", type);
        }
        return new Schema.Parser().parse(schema.toString());
    }

    @Test
    void anOptionalFieldPassesTheBackwardCheckAndOldReadersReadItsRecordsARequiredOneIsRefused() throws Exception {
        DyadView v1Record = sample();
        try (LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory(0);
                HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registry.url());
                SpecificAvroSerializer<DyadView> writer = new SpecificAvroSerializer<>(client);
                SpecificAvroDeserializer<DyadView> reader = new SpecificAvroDeserializer<>(DyadView.class)) {
            Map<String, String> config = Map.of("schema.registry.url", registry.url());
            writer.configure(config, false);
            reader.configure(config, false);
            byte[] v1Bytes = writer.serialize(Topics.DYADS_AVRO, v1Record);
            assertThat(reader.deserialize(Topics.DYADS_AVRO, v1Bytes)).isEqualTo(v1Record);
            assertThat(client.compatibility(SUBJECT)).isEqualTo("BACKWARD");

            Schema v2 = plusField("region", "string", true);
            assertThat(client.isCompatible(SUBJECT, v2)).isTrue();
            int v2Id = client.register(SUBJECT, v2);

            // A v2 producer's record: today's record seen through v2 (region defaults to null), then set.
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            BinaryEncoder enc = EncoderFactory.get().binaryEncoder(plain, null);
            new SpecificDatumWriter<>(DyadView.class).write(v1Record, enc);
            enc.flush();
            GenericRecord v2Record = new GenericDatumReader<GenericRecord>(DyadView.getClassSchema(), v2)
                    .read(null, DecoderFactory.get().binaryDecoder(plain.toByteArray(), null));
            v2Record.put("region", "somewhere");
            byte[] v2Bytes;
            try (GenericAvroSerializer<GenericRecord> v2Writer = new GenericAvroSerializer<>(client)) {
                v2Writer.configure(Map.of("schema.registry.url", registry.url(), "auto.register.schemas", false), false);
                v2Bytes = v2Writer.serialize(Topics.DYADS_AVRO, v2Record);
            }
            assertThat(java.nio.ByteBuffer.wrap(v2Bytes, 1, 4).getInt()).as("written with the v2 id").isEqualTo(v2Id);
            assertThat(reader.deserialize(Topics.DYADS_AVRO, v2Bytes)).as("read by today's class").isEqualTo(v1Record);

            Schema required = plusField("region_code", "string", false);
            assertThat(client.isCompatible(SUBJECT, required)).isFalse();
            assertThatThrownBy(() -> client.register(SUBJECT, required))
                    .isInstanceOf(SchemaRegistryException.Incompatible.class)
                    .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409));
        }
    }
}
