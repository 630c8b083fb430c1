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

/** {@code riposte extract} and {@code riposte eval} as a user runs them, on our corpus and on the shared seeds. */
class ExtractEvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROJECT = Path.of(System.getProperty("riposte.project.dir", ".."));
    private static final Path SEEDS = Path.of(System.getProperty("riposte.shared.dir", "../../shared")).resolve("seeds");

    @Test
    void evalOnOurCorpusMeetsTheExtractionAndCorrelationFloors() throws Exception {
        Path corpus = PROJECT.resolve("corpus");
        JsonNode r = evalJson(corpus, corpus.resolve("gold.jsonl"), corpus.resolve("chains.jsonl"));
        assertFloors(r);
    }

    @Test
    void evalOnTheSharedSeedsMeetsTheFloors() throws Exception {
        assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds is absent: skipping the seed evaluation");
        JsonNode r = evalJson(SEEDS, SEEDS.resolve("gold.jsonl"), SEEDS.resolve("chains.jsonl"));
        assertFloors(r);
        assertThat(r.get("precision").asDouble()).as("core precision on seeds").isGreaterThanOrEqualTo(0.9);
        assertThat(r.get("recall_core").asDouble()).as("core recall on seeds").isGreaterThanOrEqualTo(0.9);
    }

    private static void assertFloors(JsonNode r) {
        assertThat(r.get("f1").asDouble()).as("action F1").isGreaterThanOrEqualTo(0.85);
        assertThat(r.get("duplicate_rate").asDouble()).as("duplicate rate").isLessThanOrEqualTo(0.05);
        assertThat(r.get("link_f1").asDouble()).as("link F1").isGreaterThanOrEqualTo(0.8);
        assertThat(r.get("chain_pair_f1").asDouble()).as("chain-pair F1").isGreaterThanOrEqualTo(0.9);
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
