package io.riposte.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.avro.Action;
import io.riposte.avro.ActionType;
import io.riposte.avro.Chain;
import io.riposte.avro.ChainStatus;
import io.riposte.avro.ChainStep;
import io.riposte.avro.DatePrecision;
import io.riposte.avro.FuzzyDate;
import io.riposte.avro.Link;
import io.riposte.avro.LinkReason;
import io.riposte.avro.Modality;
import java.util.List;
import org.junit.jupiter.api.Test;

class DyadViewTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static FuzzyDate day(int y, int m, int d) {
        return FuzzyDate.newBuilder().setYear(y).setMonth(m).setDay(d).setPrecision(DatePrecision.DAY).build();
    }

    static ChainStep step(String id, String src, String tgt, FuzzyDate date, Integer count, List<String> respondsTo) {
        return ChainStep.newBuilder().setActionId(id).setSource(src).setTarget(tgt).setType(ActionType.EXPEL_DIPLOMATS)
                .setDate(date).setCount(count).setRespondsTo(respondsTo).build();
    }

    static Chain chain(String id, String dyad, double escalation, List<ChainStep> steps) {
        return Chain.newBuilder().setId(id).setDyad(dyad).setStatus(ChainStatus.ACTIVE).setEscalation(escalation)
                .setFirstDate(steps.get(0).getDate()).setLastDate(steps.get(steps.size() - 1).getDate()).setSteps(steps).build();
    }

    static Action action(String id, String src, String tgt, ActionType type, Modality modality, List<String> respondsTo) {
        return Action.newBuilder().setId(id).setDyad(io.riposte.domain.Dyad.of(src, tgt)).setSource(src).setTarget(tgt)
                .setType(type).setSeverity(-4.4).setDate(day(2018, 3, 13)).setModality(modality).setConfidence(0.9)
                .setArticles(List.of("x.txt")).setEvidence(List.of())
                .setRespondsTo(respondsTo.stream().map(r -> Link.newBuilder().setActionId(r).setReason(LinkReason.EXPLICIT_CUE)
                        .setConfidence(0.9).build()).toList())
                .build();
    }

    final Chain gbrRus = chain("c1", "GBR-RUS", 14.0, List.of(
            step("a1", "GBR", "RUS", day(2018, 3, 14), 23, List.of()),
            step("a2", "RUS", "GBR", day(2018, 3, 17), 23, List.of("a1"))));

    @Test
    void aDyadRecordCarriesChainsLastStepEscalationAndChangeTime() throws Exception {
        DyadView v = new DyadView();
        v.applyChain("c1", gbrRus, 1_521_244_800_000L);
        assertThat(v.drainDirty()).containsExactly("GBR-RUS");
        JsonNode n = JSON.readTree(v.json("GBR-RUS"));
        assertThat(n.get("dyad").asText()).isEqualTo("GBR-RUS");
        assertThat(n.get("chains")).hasSize(1);
        assertThat(n.at("/chains/0/steps/1/responds_to/0").asText()).isEqualTo("a1");
        assertThat(n.at("/last_step/action_id").asText()).isEqualTo("a2");
        assertThat(n.at("/last_step/date").asText()).isEqualTo("2018-03-17");
        assertThat(n.get("escalation_level").asDouble()).isEqualTo(14.0);
        assertThat(n.get("updated_at").asText()).isEqualTo("2018-03-17T00:00:00Z");
        assertThat(v.dyads()).containsExactly("GBR-RUS");
    }

    @Test
    void aTombstoneRemovesTheChainAndTheDyadBecomesATombstone() {
        DyadView v = new DyadView();
        v.applyChain("c1", gbrRus, 1L);
        v.drainDirty();
        v.applyChain("c1", null, 2L);
        assertThat(v.drainDirty()).containsExactly("GBR-RUS");
        assertThat(v.json("GBR-RUS")).isNull();
        assertThat(v.dyads()).isEmpty();
        assertThat(v.chains()).isEmpty();
    }

    @Test
    void aTouchedDyadWithNothingLeftRendersAsATombstone() {
        DyadView v = new DyadView();
        v.touch(java.util.List.of("FRA-GBR"));
        assertThat(v.drainDirty()).containsExactly("FRA-GBR");
        assertThat(v.json("FRA-GBR")).isNull();
    }

    @Test
    void theSameLatestValuesGiveTheSameJsonWhateverTheOrder() {
        Chain other = chain("c0", "GBR-RUS", 5.0, List.of(step("b1", "RUS", "GBR", day(2010, 1, 5), 1, List.of())));
        Chain older = chain("c1", "GBR-RUS", 3.0, List.of(step("a1", "GBR", "RUS", day(2018, 3, 14), 23, List.of())));
        DyadView one = new DyadView();
        one.applyChain("c1", older, 1L);
        one.applyChain("c0", other, 5L);
        one.applyChain("c1", gbrRus, 9L);
        DyadView two = new DyadView();
        two.applyChain("c1", gbrRus, 9L);
        two.applyChain("c0", other, 5L);
        assertThat(one.json("GBR-RUS")).isEqualTo(two.json("GBR-RUS"));
        assertThat(one.chains()).extracting(Chain::getId).containsExactly("c0", "c1");
    }

    @Test
    void aThreatIsPendingUntilAnActionOfTheSameSideLinksToIt() throws Exception {
        DyadView v = new DyadView();
        v.applyAction("t1", action("t1", "RUS", "GBR", ActionType.THREATEN_RETALIATION, Modality.THREATENED, List.of()), 10L);
        JsonNode n = JSON.readTree(v.json("GBR-RUS"));
        assertThat(n.get("pending_threats")).hasSize(1);
        assertThat(n.at("/pending_threats/0/action_id").asText()).isEqualTo("t1");
        assertThat(n.get("last_step").isNull()).isTrue();
        // The other side answering does not carry the threat out.
        v.applyAction("g1", action("g1", "GBR", "RUS", ActionType.SANCTION, Modality.ASSERTED, List.of("t1")), 11L);
        assertThat(JSON.readTree(v.json("GBR-RUS")).get("pending_threats")).hasSize(1);
        v.applyAction("r1", action("r1", "RUS", "GBR", ActionType.EXPEL_DIPLOMATS, Modality.ASSERTED, List.of("t1")), 12L);
        assertThat(v.json("GBR-RUS")).isNull();
    }

    @Test
    void theAvroTwinSaysWhatTheJsonSaysAndIsATombstoneWithIt() {
        DyadView v = new DyadView();
        Chain other = chain("c0", "GBR-RUS", 5.0, List.of(step("b1", "RUS", "GBR", day(2010, 1, 5), 1, List.of())));
        v.applyChain("c1", gbrRus, 1_521_244_800_000L);
        v.applyChain("c0", other, 1_262_649_600_000L);
        v.applyAction("t1", action("t1", "RUS", "GBR", ActionType.THREATEN_RETALIATION, Modality.THREATENED, List.of()), 1_600_000_000_000L);
        io.riposte.avro.DyadView a = v.avro("GBR-RUS");
        assertThat(a.getDyad()).isEqualTo("GBR-RUS");
        assertThat(a.getChains()).containsExactly(other, gbrRus);
        assertThat(a.getEscalationLevel()).isEqualTo(14.0);
        assertThat(a.getLastStep().getActionId()).isEqualTo("a2");
        assertThat(a.getLastStepChainId()).isEqualTo("c1");
        assertThat(a.getPendingThreats()).extracting(io.riposte.avro.PendingThreat::getActionId).containsExactly("t1");
        assertThat(a.getUpdatedAt()).isEqualTo(java.time.Instant.ofEpochMilli(1_600_000_000_000L));
        assertThat(a.getUpdatedAt().toString()).isEqualTo(readText(v.json("GBR-RUS"), "updated_at"));

        v.applyChain("c1", null, 2L);
        v.applyChain("c0", null, 3L);
        v.applyAction("t1", null, 4L);
        assertThat(v.json("GBR-RUS")).isNull();
        assertThat(v.avro("GBR-RUS")).isNull();
    }

    private static String readText(String json, String field) {
        try {
            return JSON.readTree(json).get(field).asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
