package io.riposte.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.DateBasis;
import io.riposte.domain.FuzzyDate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * The typed range and basis were added to FuzzyDate after records were written without them: both
 * directions must stay readable (old data by new readers, new data by readers not yet upgraded).
 * The released schema is kept as a test resource, taken from git before the change.
 */
class FuzzyDateSchemaEvolutionTest {

    static Schema oldSchema() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        parser.parse(resource("avro-history/DatePrecision-0.1.0.avsc"));
        return parser.parse(resource("avro-history/FuzzyDate-0.1.0.avsc"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FuzzyDateSchemaEvolutionTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static final Schema NEW = io.riposte.avro.FuzzyDate.getClassSchema();

    @Test
    void newReaderReadsOldDataAndOldReaderReadsNewData() throws IOException {
        Schema old = oldSchema();
        assertThat(old.getField("basis")).isNull(); // really the schema before the change
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(NEW, old).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(old, NEW).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void oldRecordDecodesAsStatedDateWithoutRange() throws IOException {
        Schema old = oldSchema();
        GenericRecord r = new GenericData.Record(old);
        r.put("year", 2021);
        r.put("month", 4);
        r.put("precision", new GenericData.EnumSymbol(old.getField("precision").schema(), "MONTH"));
        r.put("note", "this month");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(old).write(r, enc);
        enc.flush();

        io.riposte.avro.FuzzyDate read = new SpecificDatumReader<io.riposte.avro.FuzzyDate>(old, NEW)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        FuzzyDate d = AvroMapping.toDomain(read);
        assertThat(d).isEqualTo(FuzzyDate.ofMonth(2021, 4).withNote("this month"));
        assertThat(d.basis()).isEqualTo(DateBasis.STATED);
        assertThat(d.hasRange()).isFalse();
    }

    @Test
    void newRecordRoundTripsInBinaryAndOldReaderKeepsTheCommonFields() throws IOException {
        FuzzyDate week = FuzzyDate.ofMonth(2023, 2).withNote("last week")
                .withRange(LocalDate.of(2023, 2, 17), LocalDate.of(2023, 3, 2)).withBasis(DateBasis.PUBLICATION_FALLBACK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(io.riposte.avro.FuzzyDate.class).write(AvroMapping.toAvro(week), enc);
        enc.flush();
        byte[] bytes = out.toByteArray();

        io.riposte.avro.FuzzyDate back = new SpecificDatumReader<>(io.riposte.avro.FuzzyDate.class)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        assertThat(AvroMapping.toDomain(back)).isEqualTo(week);

        Schema old = oldSchema();
        GenericRecord seenByOld = new GenericDatumReader<GenericRecord>(NEW, old)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        assertThat(seenByOld.get("year")).isEqualTo(2023);
        assertThat(seenByOld.get("month")).isEqualTo(2);
        assertThat(seenByOld.get("precision").toString()).isEqualTo("MONTH");
        assertThat(seenByOld.get("note").toString()).isEqualTo("last week");
        assertThat(seenByOld.getSchema().getField("range_start")).isNull();
    }
}
