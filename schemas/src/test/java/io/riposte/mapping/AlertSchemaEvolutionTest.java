package io.riposte.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Alert;
import io.riposte.domain.AlertType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

/**
 * The routing fields and the AlertType default were added after alerts had been written: the current
 * schema must read every alert written with the released one (BACKWARD, what the registry enforces by
 * default), and a reader must survive alert types added after it was built. The released Alert and
 * AlertType are test resources taken from git before the change.
 */
class AlertSchemaEvolutionTest {
    static final Schema NEW = io.riposte.avro.Alert.getClassSchema();

    static Schema oldSchema() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        parser.parse(resource("avro-history/AlertType-0.1.0.avsc"));
        // FuzzyDate has its own evolution test; the released Alert is resolved against today's.
        parser.parse(io.riposte.avro.FuzzyDate.getClassSchema().toString());
        return parser.parse(resource("avro-history/Alert-0.1.0.avsc"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AlertSchemaEvolutionTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] write(Schema schema, GenericRecord r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(r, enc);
        enc.flush();
        return out.toByteArray();
    }

    private static GenericRecord alert(Schema schema, String type) {
        Schema date = schema.getField("action_date").schema();
        GenericRecord d = new GenericData.Record(date);
        d.put("year", 2019);
        d.put("precision", new GenericData.EnumSymbol(date.getField("precision").schema(), "YEAR"));
        d.put("basis", new GenericData.EnumSymbol(date.getField("basis").schema(), "STATED"));
        GenericRecord r = new GenericData.Record(schema);
        r.put("id", "alert-1");
        r.put("type", new GenericData.EnumSymbol(schema.getField("type").schema(), type));
        r.put("dyad", "AUS-CHN");
        r.put("chain_id", "chain-9");
        r.put("action_id", "act-9");
        r.put("severity", -6.5);
        r.put("action_date", d);
        r.put("summary", "a tariff answers a ban");
        return r;
    }

    @Test
    void theCurrentSchemaReadsAlertsWrittenWithTheReleasedOne() throws IOException {
        Schema old = oldSchema();
        SchemaCompatibility.SchemaPairCompatibility backward = SchemaCompatibility.checkReaderWriterCompatibility(NEW, old);
        assertThat(backward.getType()).as(backward.getDescription()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(old.getField("source")).as("the released schema, before the routing fields").isNull();

        io.riposte.avro.Alert read = new SpecificDatumReader<io.riposte.avro.Alert>(old, NEW)
                .read(null, DecoderFactory.get().binaryDecoder(write(old, alert(old, "ESCALATION")), null));
        Alert a = AvroMapping.toDomain(read);
        assertThat(a.type()).isEqualTo(AlertType.ESCALATION);
        assertThat(a.summary()).isEqualTo("a tariff answers a ban");
        assertThat(a.source()).isNull();
        assertThat(a.actionType()).isNull();
        assertThat(a.chainStep()).isNull();
        assertThat(a.provocationId()).isNull();
        assertThat(a.articleOrigins()).isEmpty();
    }

    @Test
    void anAlertTypeAddedLaterReadsAsOther() throws IOException {
        Schema newer = new Schema.Parser().parse(NEW.toString().replace("\"OTHER\"]", "\"OTHER\",\"SANCTIONS_LIFTED\"]"));
        assertThat(newer.getField("type").schema().getEnumSymbols()).contains("SANCTIONS_LIFTED");
        GenericRecord r = alert(newer, "SANCTIONS_LIFTED");
        r.put("article_origins", List.of());
        io.riposte.avro.Alert read = new SpecificDatumReader<io.riposte.avro.Alert>(newer, NEW)
                .read(null, DecoderFactory.get().binaryDecoder(write(newer, r), null));
        assertThat(AvroMapping.toDomain(read).type()).isEqualTo(AlertType.OTHER);
    }

    @Test
    void everyEnumOfEveryTopicSchemaHasADefault() {
        List<String> missing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Schema s : List.of(io.riposte.avro.Article.getClassSchema(), io.riposte.avro.ActionMention.getClassSchema(),
                io.riposte.avro.Action.getClassSchema(), io.riposte.avro.Chain.getClassSchema(), NEW)) {
            collectEnumsWithoutDefault(s, seen, missing);
        }
        assertThat(seen).contains("io.riposte.avro.AlertType", "io.riposte.avro.ActionType");
        assertThat(missing).isEmpty();
    }

    private static void collectEnumsWithoutDefault(Schema s, Set<String> seen, List<String> missing) {
        switch (s.getType()) {
            case ENUM -> {
                if (seen.add(s.getFullName()) && s.getEnumDefault() == null) {
                    missing.add(s.getFullName());
                }
            }
            case RECORD -> {
                if (seen.add(s.getFullName())) {
                    s.getFields().forEach(f -> collectEnumsWithoutDefault(f.schema(), seen, missing));
                }
            }
            case UNION -> s.getTypes().forEach(t -> collectEnumsWithoutDefault(t, seen, missing));
            case ARRAY -> collectEnumsWithoutDefault(s.getElementType(), seen, missing);
            case MAP -> collectEnumsWithoutDefault(s.getValueType(), seen, missing);
            default -> { }
        }
    }
}
