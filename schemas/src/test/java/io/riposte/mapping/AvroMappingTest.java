package io.riposte.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.avro.ActionMention;
import io.riposte.avro.Provenance;
import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Alert;
import io.riposte.domain.AlertType;
import io.riposte.domain.Article;
import io.riposte.domain.Chain;
import io.riposte.domain.ChainStatus;
import io.riposte.domain.ChainStep;
import io.riposte.domain.DateBasis;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import io.riposte.domain.Modality;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvroMappingTest {

    static final Evidence EV1 = new Evidence("a1", "prague.txt", "Prague ordered 18 Russian diplomats out.", 0, 41);
    static final Evidence EV2 = new Evidence("a2", "moscow.txt", "Moscow sent 20 Czech diplomats home.", 10, 46,
            FuzzyDate.ofMonth(2021, 4)); // a report's own date survives the round trip

    static ExtractedAction extracted() {
        return new ExtractedAction("m1", "a1", "prague.txt", "CZE", "RUS", ActionType.EXPEL_DIPLOMATS,
                FuzzyDate.ofDay(LocalDate.of(2021, 4, 17)), 18, Modality.ASSERTED, 0.9, List.of(EV1), List.of("m0"), "in response to");
    }

    static Action action() {
        return new Action("act-2", "CZE-RUS", "RUS", "CZE", ActionType.EXPEL_DIPLOMATS, FuzzyDate.ofDay(LocalDate.of(2021, 4, 18)),
                20, Modality.ASSERTED, 0.85, List.of("moscow.txt", "wire.txt"), List.of(EV2, EV1),
                List.of(new Link("act-1", LinkReason.EXPLICIT_CUE, 0.95), new Link("act-0", LinkReason.INFERRED, 0.4)), "chain-1");
    }

    static Chain chain() {
        return new Chain("chain-1", "CZE-RUS", ChainStatus.DORMANT, 12.5, FuzzyDate.ofMonth(2021, 4), FuzzyDate.ofMonthWithoutYear(5, "in May"),
                List.of(new ChainStep("act-1", "CZE", "RUS", ActionType.EXPEL_DIPLOMATS, FuzzyDate.ofDay(LocalDate.of(2021, 4, 17)), 18, List.of()),
                        new ChainStep("act-2", "RUS", "CZE", ActionType.RESTRICT_STAFF, FuzzyDate.ofYear(2021), null, List.of("act-1"))));
    }

    @Test
    void articleRoundTripsExactlyAtMillisecondPrecision() {
        Article a = new Article("id1", "prague.txt", "https://example.org/x", "Title", "Body", Instant.parse("2021-04-17T10:15:30.123Z"),
                DatePrecision.DAY, "Outlet", "en", Instant.parse("2024-01-01T00:00:00.001Z"));
        assertThat(AvroMapping.toDomain(AvroMapping.toAvro(a))).isEqualTo(a);
        io.riposte.avro.Article avro = AvroMapping.toAvro(a);
        assertThat(avro.getPublishedPrecision()).isEqualTo(io.riposte.avro.DatePrecision.DAY);
        assertThat(avro.getPublished()).isEqualTo(a.published());
    }

    @Test
    void articleWithoutPublicationDateKeepsUnknownPrecisionAndNulls() {
        Article a = new Article("id2", "undated.txt", null, "", "Only body", null, null, null, null, Instant.parse("2024-01-01T00:00:00Z"));
        io.riposte.avro.Article avro = AvroMapping.toAvro(a);
        assertThat(avro.getPublished()).isNull();
        assertThat(avro.getPublishedPrecision()).isEqualTo(io.riposte.avro.DatePrecision.UNKNOWN);
        assertThat(AvroMapping.toDomain(avro)).isEqualTo(a);
    }

    @Test
    void instantsAreTruncatedToMilliseconds() {
        Article a = new Article("id3", "o", null, "t", "b", Instant.parse("2021-04-17T10:15:30.123456789Z"), DatePrecision.DAY, null, null,
                Instant.parse("2024-01-01T00:00:00.999999Z"));
        Article back = AvroMapping.toDomain(AvroMapping.toAvro(a));
        assertThat(back.published()).isEqualTo(Instant.parse("2021-04-17T10:15:30.123Z"));
        assertThat(back.ingestedAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00.999Z"));
    }

    @Test
    void articleWithoutIngestionTimeIsRefusedClearly() {
        Article a = new Article("id4", "o", null, "t", "b", null, null, null, null, null);
        assertThatThrownBy(() -> AvroMapping.toAvro(a)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ingestion time");
    }

    @Test
    void mentionCarriesProvenanceAndRoundTrips() {
        Provenance where = new Provenance("articles", 2, 41L);
        ActionMention m = AvroMapping.toAvro(extracted(), where);
        assertThat(m.getProvenance()).isEqualTo(where);
        assertThat(m.getType()).isEqualTo(io.riposte.avro.ActionType.EXPEL_DIPLOMATS);
        assertThat(m.getRespondsTo()).containsExactly("m0");
        assertThat(AvroMapping.toDomain(m)).isEqualTo(extracted());
    }

    @Test
    void aCrossDyadCueRoundTripsWithAndWithoutItsKind() throws java.io.IOException {
        ExtractedAction x = extracted();
        for (ActionType kind : new ActionType[] {ActionType.EXPEL_DIPLOMATS, null}) {
            ExtractedAction cued = new ExtractedAction(x.id(), x.articleId(), x.origin(), x.source(), x.target(), x.type(),
                    x.date(), x.count(), x.modality(), x.confidence(), x.evidence(), x.respondsTo(), x.cue(),
                    new io.riposte.domain.CrossDyadCue("RUS", "POL", kind));
            ActionMention m = AvroMapping.toAvro(cued, null);
            assertThat(m.getCrossSource() + ">" + m.getCrossTarget()).isEqualTo("RUS>POL");
            ActionMention back = ActionMention.getDecoder().decode(ActionMention.getEncoder().encode(m));
            assertThat(AvroMapping.toDomain(back)).isEqualTo(cued);
        }
        assertThat(AvroMapping.toAvro(x, null).getCrossSource()).isNull();
    }

    @Test
    void actionRoundTripsAndCarriesDerivedCodes() {
        io.riposte.avro.Action avro = AvroMapping.toAvro(action());
        assertThat(avro.getCameo()).isEqualTo("174");
        assertThat(avro.getPloverType()).isEqualTo("SANCTION");
        assertThat(avro.getPloverMode()).isEqualTo("expel");
        assertThat(avro.getSeverity()).isEqualTo(ActionType.EXPEL_DIPLOMATS.severity());
        assertThat(avro.getRespondsTo()).extracting(io.riposte.avro.Link::getReason)
                .containsExactly(io.riposte.avro.LinkReason.EXPLICIT_CUE, io.riposte.avro.LinkReason.INFERRED);
        assertThat(AvroMapping.toDomain(avro)).isEqualTo(action());
    }

    @Test
    void actionOfTypeWithoutCameoCodeMapsNulls() {
        Action other = new Action("o1", "CZE-RUS", "CZE", "RUS", ActionType.OTHER, FuzzyDate.UNKNOWN, null, Modality.HYPOTHETICAL, 0.1,
                List.of(), List.of(), List.of(), null);
        io.riposte.avro.Action avro = AvroMapping.toAvro(other);
        assertThat(avro.getCameo()).isNull();
        assertThat(avro.getDate().getPrecision()).isEqualTo(io.riposte.avro.DatePrecision.UNKNOWN);
        assertThat(AvroMapping.toDomain(avro)).isEqualTo(other);
    }

    @Test
    void chainRoundTripsWithEveryDatePrecision() {
        assertThat(AvroMapping.toDomain(AvroMapping.toAvro(chain()))).isEqualTo(chain());
        assertThat(AvroMapping.toAvro(chain()).getLastDate().getNote()).isEqualTo("in May");
    }

    @Test
    void alertRoundTrips() {
        Alert alert = new Alert("al-1", AlertType.RETALIATION, "CZE-RUS", "chain-1", "act-2", -5.0,
                FuzzyDate.ofDay(LocalDate.of(2021, 4, 18)), "RUS expelled 20 CZE diplomats",
                "RUS", "CZE", ActionType.EXPEL_DIPLOMATS, 20, 2, "act-1", List.of("a.txt", "https://example.org/b"));
        assertThat(AvroMapping.toDomain(AvroMapping.toAvro(alert))).isEqualTo(alert);
        Alert noChain = new Alert("al-2", AlertType.THREAT, "CZE-RUS", null, null, -4.4, FuzzyDate.UNKNOWN, "a warning",
                null, null, null, null, null, null, List.of());
        assertThat(AvroMapping.toDomain(AvroMapping.toAvro(noChain))).isEqualTo(noChain);
    }

    @Test
    void fuzzyDateRangeAndBasisRoundTrip() {
        FuzzyDate fallback = FuzzyDate.ofMonth(2019, 1).withNote("no date in the text")
                .withRange(LocalDate.of(2019, 1, 24), LocalDate.of(2019, 1, 31)).withBasis(DateBasis.PUBLICATION_FALLBACK);
        io.riposte.avro.FuzzyDate avro = AvroMapping.toAvro(fallback);
        assertThat(avro.getRangeStart()).isEqualTo((int) LocalDate.of(2019, 1, 24).toEpochDay());
        assertThat(avro.getRangeEnd()).isEqualTo((int) LocalDate.of(2019, 1, 31).toEpochDay());
        assertThat(avro.getBasis()).isEqualTo(io.riposte.avro.DateBasis.PUBLICATION_FALLBACK);
        assertThat(AvroMapping.toDomain(avro)).isEqualTo(fallback);

        FuzzyDate sameDay = FuzzyDate.unknown("the same day").withBasis(DateBasis.AFTER_EARLIER_ACT);
        assertThat(AvroMapping.toDomain(AvroMapping.toAvro(sameDay))).isEqualTo(sameDay);

        io.riposte.avro.FuzzyDate plain = AvroMapping.toAvro(FuzzyDate.ofYear(2021));
        assertThat(plain.getRangeStart()).isNull();
        assertThat(plain.getBasis()).isEqualTo(io.riposte.avro.DateBasis.STATED);
    }

    @Test
    void avroFuzzyDateBuiltWithoutTheNewFieldsIsAStatedDate() {
        io.riposte.avro.FuzzyDate avro = io.riposte.avro.FuzzyDate.newBuilder().setYear(2021).setMonth(4)
                .setPrecision(io.riposte.avro.DatePrecision.MONTH).build();
        assertThat(AvroMapping.toDomain(avro)).isEqualTo(FuzzyDate.ofMonth(2021, 4));
    }

    @Test
    void recordsThatEmbedAFuzzyDateCarryItsRangeAndBasisInBinary() throws java.io.IOException {
        // every record embeds FuzzyDate's schema in its generated class: a stale one would drop the new fields
        FuzzyDate week = FuzzyDate.ofMonth(2021, 4).withNote("this week")
                .withRange(LocalDate.of(2021, 4, 11), LocalDate.of(2021, 4, 17)).withBasis(DateBasis.PUBLICATION_FALLBACK);
        ExtractedAction e = extracted();
        ExtractedAction ranged = new ExtractedAction(e.id(), e.articleId(), e.origin(), e.source(), e.target(), e.type(), week,
                e.count(), e.modality(), e.confidence(), e.evidence(), e.respondsTo(), e.cue());
        ActionMention m = AvroMapping.toAvro(ranged, null);
        ActionMention back = ActionMention.getDecoder().decode(ActionMention.getEncoder().encode(m));
        assertThat(AvroMapping.toDomain(back)).isEqualTo(ranged);

        Action a = action();
        Action ra = new Action(a.id(), a.dyad(), a.source(), a.target(), a.type(), week, a.count(), a.modality(), a.confidence(),
                a.articles(), a.evidence(), a.respondsTo(), a.chainId());
        io.riposte.avro.Action avro = AvroMapping.toAvro(ra);
        assertThat(AvroMapping.toDomain(io.riposte.avro.Action.getDecoder().decode(io.riposte.avro.Action.getEncoder().encode(avro))))
                .isEqualTo(ra);

        // a chain holds its dates inside an array of steps: decoded and compared as Avro records too
        Chain c = chain();
        Chain rc = new Chain(c.id(), c.dyad(), c.status(), c.escalation(), week, c.lastDate(),
                List.of(new ChainStep("act-1", "CZE", "RUS", ActionType.EXPEL_DIPLOMATS, week, 18, List.of())));
        io.riposte.avro.Chain avroChain = AvroMapping.toAvro(rc);
        io.riposte.avro.Chain decoded = io.riposte.avro.Chain.getDecoder().decode(io.riposte.avro.Chain.getEncoder().encode(avroChain));
        assertThat(decoded).isEqualTo(avroChain);
        assertThat(AvroMapping.toDomain(decoded)).isEqualTo(rc);
    }
}
