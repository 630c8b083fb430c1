package io.riposte.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Chain;
import io.riposte.domain.ChainStatus;
import io.riposte.domain.ChainStep;
import io.riposte.domain.Evidence;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import io.riposte.domain.Modality;
import io.riposte.mapping.AvroMapping;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class CustomCodersTest {

    @Test
    void theGeneratedEncodersWriteTheBytesOfAvrosGenericWriter() throws Exception {
        Evidence ev = new Evidence("w1", "lisbon.txt", "Lisbon told two attaches to leave within a week.", 0, 48,
                FuzzyDate.ofMonth(2022, 3));
        Action action = new Action("act-7", "NOR-PRT", "PRT", "NOR", ActionType.EXPEL_DIPLOMATS,
                FuzzyDate.ofDay(LocalDate.of(2022, 3, 9)), 2, Modality.ASSERTED, 0.8, List.of("lisbon.txt"), List.of(ev),
                List.of(new Link("act-6", LinkReason.EXPLICIT_CUE, 0.9)), "chain-7");
        Chain chain = new Chain("chain-7", "NOR-PRT", ChainStatus.ACTIVE, 4.5, FuzzyDate.ofMonth(2022, 3), FuzzyDate.ofYear(2022),
                List.of(new ChainStep("act-7", "PRT", "NOR", ActionType.EXPEL_DIPLOMATS, FuzzyDate.ofMonth(2022, 3), 2, List.of("act-6"))));
        io.riposte.domain.Alert alert = new io.riposte.domain.Alert("al-7", io.riposte.domain.AlertType.RETALIATION, "NOR-PRT",
                "chain-7", "act-7", -5.0, FuzzyDate.ofDay(LocalDate.of(2022, 3, 9)), "PRT expelled 2 NOR diplomats", "PRT", "NOR",
                ActionType.EXPEL_DIPLOMATS, 2, 1, "act-6", List.of("lisbon.txt"));
        io.riposte.domain.Alert bare = new io.riposte.domain.Alert("al-8", io.riposte.domain.AlertType.THREAT, "NOR-PRT", null, null,
                -4.4, FuzzyDate.UNKNOWN, "a warning", null, null, null, null, null, null, List.of());
        var mention = AvroMapping.toAvro(new io.riposte.domain.ExtractedAction("m7", "w1", "lisbon.txt", "PRT", "NOR",
                ActionType.EXPEL_DIPLOMATS, FuzzyDate.ofMonth(2022, 3), 2, Modality.ASSERTED, 0.8, List.of(ev), List.of("m6"), "in return"),
                new io.riposte.avro.Provenance("articles", 2, 41L));
        for (SpecificRecord r : List.<SpecificRecord>of(AvroMapping.toAvro(action), AvroMapping.toAvro(chain), AvroMapping.toAvro(alert),
                AvroMapping.toAvro(bare), mention)) {
            SpecificData model = CustomCoders.forSchema(r.getSchema());
            assertThat(model.useCustomCoders()).as(r.getSchema().getName()).isTrue();
            assertThat(bytes(r, model)).isEqualTo(bytes(r, SpecificData.getForSchema(r.getSchema())));
        }
    }

    @Test
    void aClassWithLogicalTypesKeepsItsOwnModel() throws Exception {
        var article = AvroMapping.toAvro(new io.riposte.domain.Article("id3", "rome.txt", "https://example.org/r", "T", "Body",
                Instant.parse("2022-03-09T08:00:00Z"), io.riposte.domain.DatePrecision.DAY, "Outlet", "en",
                Instant.parse("2022-03-09T09:00:00Z")));
        SpecificData model = CustomCoders.forSchema(article.getSchema());
        assertThat(model).isSameAs(SpecificData.getForSchema(article.getSchema()));
        assertThat(model.useCustomCoders()).isFalse();
        assertThat(bytes(article, model)).isNotEmpty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] bytes(SpecificRecord r, SpecificData model) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter(r.getSchema(), model).write(r, enc);
        enc.flush();
        return out.toByteArray();
    }
}
