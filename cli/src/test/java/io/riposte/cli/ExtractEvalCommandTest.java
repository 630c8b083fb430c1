package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code riposte extract} and {@code riposte eval DIR} as a user runs them, and the quality floors of each evaluation set. */
class ExtractEvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROJECT = Path.of(System.getProperty("riposte.project.dir", ".."));
    private static final Path SHARED = Path.of(System.getProperty("riposte.shared.dir", "../../shared"));

    /**
     * The quality floors of {@code riposte eval DIR --chains} (extraction then correlation, scored as
     * {@code ../shared/eval/score.py} scores): the figures measured on each set, asserted less
     * {@link #MARGIN}. README's quality table gives the same measurements. Raise a row when a change
     * improves its set; a set under {@code ../shared} is skipped where that folder is absent.
     */
    static final double MARGIN = 0.02;

    record Measured(String set, Path dir, double actionF1, double coreRecall, double dateExactness, double linkF1,
                    double chainPairF1) {
        @Override
        public String toString() {
            return set;
        }
    }

    static final List<Measured> MEASURED = List.of(
            // set, directory; measured action F1, core recall, date exactness, link F1, chain-pair F1
            new Measured("seeds", SHARED.resolve("seeds"), 0.970, 1.000, 1.000, 0.909, 1.000),
            new Measured("corpus", PROJECT.resolve("corpus"), 0.915, 0.912, 0.952, 0.848, 1.000),
            new Measured("corpus/holdout", PROJECT.resolve("corpus/holdout"), 0.950, 0.929, 0.953, 0.578, 0.971),
            new Measured("realnews", SHARED.resolve("realnews"), 0.869, 0.871, 0.918, 0.633, 0.972));

    static List<Measured> measured() {
        return MEASURED;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("measured")
    void evalMeetsTheFloorsOfEachSet(Measured m) throws Exception {
        assumeTrue(Files.isRegularFile(m.dir().resolve("gold.jsonl")), m.dir() + " is absent: " + m.set() + " floors skipped");
        JsonNode r = evalJson(m.dir(), m.dir().resolve("gold.jsonl"), m.dir().resolve("chains.jsonl"));
        assertThat(r.get("action_f1_core").asDouble()).as("action F1").isGreaterThanOrEqualTo(m.actionF1() - MARGIN);
        assertThat(r.get("action_recall_core").asDouble()).as("core recall").isGreaterThanOrEqualTo(m.coreRecall() - MARGIN);
        assertThat(r.get("date_exact_core").asDouble()).as("date exactness").isGreaterThanOrEqualTo(m.dateExactness() - MARGIN);
        assertThat(r.get("link_f1").asDouble()).as("link F1").isGreaterThanOrEqualTo(m.linkF1() - MARGIN);
        assertThat(r.get("chain_pair_f1").asDouble()).as("chain-pair F1").isGreaterThanOrEqualTo(m.chainPairF1() - MARGIN);
        // ../shared/EVALUATION.md's bar for correlation, not a measured floor
        assertThat(r.get("duplicate_rate").asDouble()).as("duplicate rate").isLessThanOrEqualTo(0.05);
    }

    private static JsonNode evalJson(Path dir, Path gold, Path chains) throws Exception {
        CommandLineTest.Run run = CommandLineTest.run("eval", dir.toString(), "--gold", gold.toString(),
                "--chains", chains.toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void extractPrintsOneJsonLinePerActionAndCorrelateAddsLinksAndChains() throws Exception {
        Path articles = PROJECT.resolve("corpus/articles");
        List<JsonNode> plain = lines(CommandLineTest.run("extract", articles.toString()));
        List<JsonNode> correlated = lines(CommandLineTest.run("extract", "--correlate", articles.toString()));
        assertThat(plain).isNotEmpty().allSatisfy(a -> assertThat(a.get("chain_id").isNull()).isTrue());
        // Correlation merges the reports of one action across articles: fewer lines, several origins.
        assertThat(correlated.size()).isLessThan(plain.size());
        assertThat(correlated).anySatisfy(a -> assertThat(a.get("articles").size()).isGreaterThan(1));
        assertThat(correlated).anySatisfy(a -> assertThat(a.get("responds_to").size()).isPositive());
        assertThat(correlated).anySatisfy(a -> assertThat(a.get("chain_id").isTextual()).isTrue());
        for (JsonNode a : correlated) {
            assertThat(a.get("source").asText()).matches("[A-Z]{3}");
            assertThat(a.get("date_precision").asText()).isIn("DAY", "MONTH", "YEAR", "UNKNOWN");
        }
    }

    @Test
    void aMissingPathIsAClearErrorNotAnEmptyResult() {
        CommandLineTest.Run run = CommandLineTest.run("extract", "no/such/dir");
        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("no such file or directory: no/such/dir");
    }

    @Test
    void unreadableInputIsReportedAndSetsTheExitCode(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Files.write(tmp.resolve("binary.txt"), new byte[] {0, 1, 2, 3});
        Files.writeString(tmp.resolve("ok.txt"), " date 2023-05-08 Canada expels a Chinese diplomat\nOttawa declared him persona non grata on Monday.");
        CommandLineTest.Run run = CommandLineTest.run("extract", tmp.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("binary.txt").contains("binary data");
        assertThat(lines(run)).anySatisfy(a -> assertThat(a.get("type").asText()).isEqualTo("EXPEL_DIPLOMATS"));
    }

    private static List<JsonNode> lines(CommandLineTest.Run run) {
        return Arrays.stream(run.out().split("\n")).filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
    }
}
