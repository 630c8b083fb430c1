package io.riposte.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riposte.domain.Action;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bounded evidence (issue 15): an action carries its first {@link Action#SHOWN_EVIDENCE} reports and their total,
 * and {@link Correlator#allEvidence} reads the full list back from the stored mentions: exactly the reports merging
 * put together, checked against the correlator's own total and first reports on real prose and on a dense exchange.
 */
class AllEvidenceTest {

    @Test
    void aDenselyReportedActionCarriesItsFirstReportsAndTheirTotal() {
        List<ExtractedAction> reports = new ArrayList<>();
        for (int r = 0; r < 120; r++) {
            reports.add(EpisodeSizeCostTest.report("r" + r, r % 4));
        }
        List<Action> actions = checkFullListsAgainstTheCorrelator(reports);
        assertThat(actions).hasSize(4);
        for (Action a : actions) {
            assertThat(a.evidence()).hasSize(Action.SHOWN_EVIDENCE);
            assertThat(a.evidenceTotal()).isEqualTo(30);
            assertThat(a.evidenceTruncated()).isTrue();
        }
    }

    @Test
    void realNews() throws Exception {
        Path dir = Path.of(System.getProperty("riposte.shared.dir", "../../shared"), "realnews");
        assumeTrue(Files.isDirectory(dir.resolve("articles")), "no real-news set at " + dir.toAbsolutePath() + ": skipped");
        checkFullListsAgainstTheCorrelator(EndToEndEvaluationTest.extract(dir));
    }

    @Test
    void ourCorpus() throws Exception {
        Path dir = Path.of(System.getProperty("riposte.corpus.dir", "../corpus"));
        assumeTrue(Files.isDirectory(dir.resolve("articles")), "no corpus at " + dir.toAbsolutePath() + ": skipped");
        checkFullListsAgainstTheCorrelator(EndToEndEvaluationTest.extract(dir));
    }

    /** Correlates the reports; each final action's list read back has the action's total and starts with its reports. */
    private static List<Action> checkFullListsAgainstTheCorrelator(List<ExtractedAction> reports) {
        CorrelationStores stores = InMemorySortedStore.newStores();
        Correlator c = new Correlator(CorrelationSettings.defaults(), stores);
        Fixtures.Topics topics = new Fixtures.Topics();
        reports.forEach(m -> topics.apply(c.add(m)));
        int claimed = 0;
        Map<String, String> keys = new java.util.HashMap<>();
        for (String dyad : topics.actions.values().stream().map(Action::dyad).distinct().toList()) {
            stores.actions().range(dyad + "|", dyad + "}").forEach(e -> keys.put(e.getValue().id(), e.getKey()));
        }
        for (Action a : topics.actions.values()) {
            List<Evidence> all = c.allEvidence(keys.get(a.id()), a);
            assertThat(all).as("reports of %s", a.id()).hasSize(a.evidenceTotal());
            assertThat(all.subList(0, a.evidence().size())).as("first reports of %s", a.id()).isEqualTo(a.evidence());
            assertThat(a.evidence()).hasSize(Math.min(a.evidenceTotal(), Action.SHOWN_EVIDENCE));
            claimed += all.size();
        }
        assertThat(claimed).as("reports claimed by some action").isPositive();
        return List.copyOf(topics.actions.values());
    }
}
