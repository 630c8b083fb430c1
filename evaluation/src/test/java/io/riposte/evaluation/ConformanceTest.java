package io.riposte.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conformance cases of {@code ../shared/eval/conformance/} (its README lists them): the Java scorer
 * must give the reference scorer's verbose output, every figure to 3 decimals and the same lists.
 */
class ConformanceTest {
    static final Path SHARED = Path.of(System.getProperty("riposte.shared.dir", "../../shared"));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "dates,    eval/conformance/dates-gold.jsonl, eval/conformance/dates-chains.jsonl",
        "seeds,    seeds/gold.jsonl,                  seeds/chains.jsonl",
        "realnews, realnews/gold.jsonl,               realnews/chains.jsonl",
    })
    void reproducesTheReferenceOutput(String name, String goldFile, String chainsFile) throws Exception {
        Path cases = SHARED.resolve("eval/conformance");
        Path expectedFile = cases.resolve(name + "-expected.json");
        assumeTrue(Files.isRegularFile(expectedFile), expectedFile + " is absent (no ../shared): conformance case skipped");
        List<GoldAction> gold = ScoringFiles.readGold(SHARED.resolve(goldFile));
        Report report = Scorer.score(gold, ScoringFiles.readChains(SHARED.resolve(chainsFile), gold),
                ScoringFiles.readPredictions(cases.resolve(name + "-pred.jsonl")));
        ObjectNode actual = report.toJson();
        JsonNode expected = ScoringFiles.JSON.readTree(expectedFile.toFile());

        assertThat(names(actual)).as("keys").containsExactlyElementsOf(names(expected));
        for (String key : names(expected)) {
            JsonNode e = expected.get(key);
            if (e.isNumber()) {
                assertThat(actual.get(key).asDouble()).as(key).isEqualTo(Scorer.round(e.asDouble()));
            } else {
                // lists and the matches in the order the reference took them
                assertThat(actual.get(key).toString()).as(key).isEqualTo(e.toString());
            }
        }
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
