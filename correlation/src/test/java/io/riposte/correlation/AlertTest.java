package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static io.riposte.domain.ActionType.EXPEL_DIPLOMATS;
import static io.riposte.domain.ActionType.NEGOTIATE;
import static io.riposte.domain.ActionType.RECALL_ENVOY;
import static io.riposte.domain.ActionType.SANCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.domain.Alert;
import io.riposte.domain.AlertType;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Modality;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTest {

    private static List<Alert> alerts(List<ExtractedAction> in) {
        Correlator c = new Correlator(CorrelationSettings.defaults(), InMemorySortedStore.newStores());
        List<Alert> out = new ArrayList<>();
        for (ExtractedAction m : in) {
            out.addAll(c.add(m).alerts());
        }
        return out;
    }

    @Test
    void aRetaliationIsAnnouncedOnceHoweverManyArticlesReportIt() {
        List<Alert> out = alerts(List.of(
                m("us", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 10),
                m("ru1", "b", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04", 10),
                m("ru2", "c", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-16", 10), // refines the date: new action id
                m("ru3", "d", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-16", null)));
        assertThat(out).extracting(Alert::type).containsExactly(AlertType.NEW_CHAIN, AlertType.RETALIATION);
        assertThat(out).extracting(Alert::id).doesNotHaveDuplicates();
        assertThat(out.get(1).summary()).contains("RUS expels diplomats of USA").contains("in response to");
        assertThat(out.get(1).dyad()).isEqualTo("RUS-USA");
        assertThat(out.get(1).chainId()).isNotNull();
    }

    @Test
    void aMentionsMarkersShareItsIndexEntryAndOutliveItsRevision() {
        CorrelationStores stores = InMemorySortedStore.newStores();
        Correlator c = new Correlator(CorrelationSettings.defaults(), stores);
        c.add(m("us", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 10));
        List<Alert> first = c.add(m("ru", "b", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-16", 10)).alerts();
        assertThat(first).extracting(Alert::type).containsExactly(AlertType.NEW_CHAIN, AlertType.RETALIATION);
        String entry = stores.index().get(Keys.mentionIndex("ru"));
        assertThat(Keys.keyOfEntry(entry)).isEqualTo(Keys.mentionKey(MentionInput.normalize(m("ru", "b", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-16", 10))));
        assertThat(Keys.marked(entry, "NEW_CHAIN")).isTrue();
        assertThat(Keys.marked(entry, "RETALIATION")).isTrue();
        assertThat(Keys.marked(entry, "ESCALATION")).isFalse();
        assertThat(Keys.marked(entry, "CHAIN")).isFalse(); // a whole type name, not a part of one
        assertThat(stores.index().range("mark|", "mark}")).isEmpty(); // no key of its own per marker

        // the revision moves the report to another day (another key, another action id): still announced once
        ExtractedAction revised = m("ru", "b", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-18", 10);
        assertThat(c.add(revised).alerts()).isEmpty();
        String after = stores.index().get(Keys.mentionIndex("ru"));
        assertThat(Keys.keyOfEntry(after)).isEqualTo(Keys.mentionKey(MentionInput.normalize(revised))).isNotEqualTo(Keys.keyOfEntry(entry));
        assertThat(Keys.marked(after, "RETALIATION")).isTrue();
    }

    @Test
    void storesWrittenWithMarkersOfTheirOwnAreRefusedBeforeAnythingIsRead() {
        CorrelationStores current = InMemorySortedStore.newStores();
        new Correlator(CorrelationSettings.defaults(), current).add(m("us", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 10));
        current.requireCurrentLayout(); // what this version writes passes

        CorrelationStores earlier = InMemorySortedStore.newStores();
        earlier.index().put("mark|RETALIATION|ru", "1");
        assertThatThrownBy(earlier::requireCurrentLayout)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mark|")
                .hasMessageContaining("riposte reset");
    }

    @Test
    void alertIdsAreDeterministic() {
        List<ExtractedAction> in = List.of(
                m("us", "a", "USA", "RUS", SANCTION, "2021-04-15", null),
                m("ru", "b", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-20", 10));
        assertThat(alerts(in)).extracting(Alert::id).isEqualTo(alerts(in).stream().map(Alert::id).toList())
                .allSatisfy(id -> assertThat(id).startsWith("alert-"));
    }

    @Test
    void escalationWhenHarsherOrLargerThanWhatItAnswers() {
        List<Alert> harsher = alerts(List.of(
                m("us", "a", "USA", "RUS", RECALL_ENVOY, "2021-04-15", null),
                m("ru", "b", "RUS", "USA", SANCTION, "2021-04-20", null)));
        assertThat(harsher).extracting(Alert::type).contains(AlertType.ESCALATION);
        List<Alert> larger = alerts(List.of(
                m("us", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 2),
                m("ru", "b", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-20", 20)));
        assertThat(larger).extracting(Alert::type).contains(AlertType.ESCALATION);
        List<Alert> mirror = alerts(List.of(
                m("us", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 2),
                m("ru", "b", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-20", 2)));
        assertThat(mirror).extracting(Alert::type).doesNotContain(AlertType.ESCALATION).contains(AlertType.RETALIATION);
    }

    @Test
    void talksDuringAChainAreADeEscalation() {
        List<Alert> out = alerts(List.of(
                m("us", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 2),
                m("ru", "b", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-20", 2),
                m("talk", "c", "RUS", "USA", NEGOTIATE, "2021-05-19", null),
                m("talk2", "d", "USA", "RUS", NEGOTIATE, "2021-05-19", null)));
        assertThat(out).filteredOn(a -> a.type() == AlertType.DE_ESCALATION).hasSize(2)
                .allSatisfy(a -> assertThat(a.chainId()).isNotNull());
        List<Alert> noChain = alerts(List.of(m("talk", "c", "RUS", "USA", NEGOTIATE, "2021-05-19", null)));
        assertThat(noChain).isEmpty();
    }

    @Test
    void aThreatIsAnnouncedEvenOutsideAChain() {
        List<Alert> out = alerts(List.of(m("t", "a", "RUS", "USA", io.riposte.domain.ActionType.THREATEN_RETALIATION, "2021-11-29", null)));
        assertThat(out).extracting(Alert::type).containsExactly(AlertType.THREAT);
        assertThat(out.get(0).severity()).isNegative();
    }

    @Test
    void anAlertCarriesTheFactsToRouteOnBesideItsSummary() {
        List<Alert> out = alerts(List.of(
                m("us", "a", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 2),
                m("ru", "b", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-20", 20),
                m("ru2", "c", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-20", 20)));
        Alert first = out.stream().filter(a -> a.type() == AlertType.NEW_CHAIN).findFirst().orElseThrow();
        assertThat(first.source()).isEqualTo("USA");
        assertThat(first.target()).isEqualTo("RUS");
        assertThat(first.chainStep()).isEqualTo(1);
        assertThat(first.provocationId()).isNull();

        Alert escalation = out.stream().filter(a -> a.type() == AlertType.ESCALATION).findFirst().orElseThrow();
        assertThat(escalation.source()).isEqualTo("RUS");
        assertThat(escalation.target()).isEqualTo("USA");
        assertThat(escalation.actionType()).isEqualTo(EXPEL_DIPLOMATS);
        assertThat(escalation.count()).isEqualTo(20);
        assertThat(escalation.actionDate().iso()).isEqualTo("2021-04-20");
        assertThat(escalation.chainId()).isEqualTo(first.chainId());
        assertThat(escalation.chainStep()).isEqualTo(2);
        assertThat(escalation.provocationId()).isEqualTo(first.actionId());
        assertThat(escalation.articleOrigins()).containsExactly("b.txt");

        Alert threat = alerts(List.of(
                m("x", "a", "USA", "RUS", SANCTION, "2021-11-20", null),
                m("t", "b", "RUS", "USA", io.riposte.domain.ActionType.THREATEN_RETALIATION, "2021-11-29", null, Modality.THREATENED, "x")))
                .stream().filter(a -> a.type() == AlertType.THREAT).findFirst().orElseThrow();
        assertThat(threat.actionType()).isEqualTo(io.riposte.domain.ActionType.THREATEN_RETALIATION);
        assertThat(threat.provocationId()).isNotNull();
    }
}
