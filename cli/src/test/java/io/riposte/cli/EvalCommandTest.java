package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code riposte eval --predictions}: scoring a file as it is, its JSON, and what it does with bad lines. */
class EvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHARED = Path.of(System.getProperty("riposte.shared.dir", "../../shared"));
    private static final String GOLD =
            "{\"id\":\"G1\",\"tier\":\"core\",\"date\":\"2022-03-09\",\"source\":\"NOR\",\"target\":\"RUS\",\"type\":\"EXPEL_DIPLOMATS\",\"count\":3,\"responds_to\":[]}\n"
            + "{\"id\":\"G2\",\"tier\":\"core\",\"date\":\"2022-03\",\"source\":\"RUS\",\"target\":\"NOR\",\"type\":\"EXPEL_DIPLOMATS\",\"count\":3,\"responds_to\":[\"G1\"]}\n";
    private static final String P1 =
            "{\"id\":\"a\",\"date\":\"2022-03-09\",\"date_precision\":\"DAY\",\"source\":\"NOR\",\"target\":\"RUS\",\"type\":\"EXPEL_DIPLOMATS\",\"count\":3,\"responds_to\":[],\"chain_id\":\"c\"}";
    private static final String P2 =
            "{\"id\":\"b\",\"date\":\"2022\",\"date_precision\":\"YEAR\",\"source\":\"RUS\",\"target\":\"NOR\",\"type\":\"EXPEL_DIPLOMATS\",\"count\":3,\"responds_to\":[\"a\"],\"chain_id\":\"c\"}";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "dates,    eval/conformance/dates-gold.jsonl, eval/conformance/dates-chains.jsonl",
        "seeds,    seeds/gold.jsonl,                  seeds/chains.jsonl",
        "realnews, realnews/gold.jsonl,               realnews/chains.jsonl",
    })
    void jsonIsTheReferenceScorersOutputOnEachConformanceCase(String name, String gold, String chains) throws Exception {
        Path cases = SHARED.resolve("eval/conformance");
        assumeTrue(Files.isDirectory(cases), cases + " is absent: conformance through the command line skipped");
        CommandLineTest.Run run = CommandLineTest.run("eval", "--predictions", cases.resolve(name + "-pred.jsonl").toString(),
                "--gold", SHARED.resolve(gold).toString(), "--chains", SHARED.resolve(chains).toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree(cases.resolve(name + "-expected.json").toFile()));
    }

    @Test
    void scoresAPredictionFileWithoutADirectoryAndShowsDateExactness() throws Exception {
        Path gold = Files.writeString(tmp.resolve("gold.jsonl"), GOLD);
        Path pred = Files.write(tmp.resolve("pred.jsonl"), List.of(P1, P2));
        CommandLineTest.Run run = CommandLineTest.run("eval", "--predictions", pred.toString(), "--gold", gold.toString());
        assertThat(run.code()).as(run.err()).isZero();
        // b's year is compatible with G2's month but less precise
        assertThat(run.out()).contains("date exactness    0.500  (1/2").contains("G2 gold 2022-03, predicted 2022 (b)")
                .contains("links             precision 1.000 (1/1)").doesNotContain("chain pair");
        JsonNode json = JSON.readTree(CommandLineTest.run("eval", "--predictions", pred.toString(), "--gold", gold.toString(), "--json").out());
        assertThat(json.get("date_exact_core").asDouble()).isEqualTo(0.5);
        assertThat(json.has("chain_pair_f1")).isFalse();
    }

    @Test
    void needsEitherADirectoryOrAPredictionFile() throws Exception {
        Path gold = Files.writeString(tmp.resolve("gold.jsonl"), GOLD);
        CommandLineTest.Run none = CommandLineTest.run("eval", "--gold", gold.toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("give either DIR (to extract) or --predictions FILE");
        CommandLineTest.Run both = CommandLineTest.run("eval", tmp.toString(), "--predictions", gold.toString(), "--gold", gold.toString());
        assertThat(both.code()).isEqualTo(1);
        CommandLineTest.Run correlated = CommandLineTest.run("eval", "--predictions", gold.toString(), "--gold", gold.toString(), "--correlate");
        assertThat(correlated.code()).isEqualTo(1);
        assertThat(correlated.err()).contains("--correlate applies to extracting DIR");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing field    | \"source\":\"RUS\",            | ''                          | missing field 'source'",
        "bad date         | \"date\":\"2022\"              | \"date\":\"2022-3\"         | date \"2022-3\" is not YYYY-MM-DD, YYYY-MM, YYYY, --MM or null",
        "bad precision    | \"date_precision\":\"YEAR\"    | \"date_precision\":\"yearly\" | date_precision \"yearly\" is not DAY, MONTH, YEAR or UNKNOWN",
        "duplicate id     | \"id\":\"b\"                   | \"id\":\"a\"                | duplicate id 'a' (first on line 1)",
    })
    void aBadPredictionLineIsOneLineNamingFileAndLineWithExitCode2(String what, String from, String to, String message) throws Exception {
        Path gold = Files.writeString(tmp.resolve("gold.jsonl"), GOLD);
        Path pred = Files.write(tmp.resolve("pred.jsonl"), List.of(P1, P2.replace(from, to)));
        CommandLineTest.Run run = CommandLineTest.run("eval", "--predictions", pred.toString(), "--gold", gold.toString(), "--json");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("riposte eval: error: " + pred + ":2: " + message + System.lineSeparator());
    }

    @Test
    void aBadGoldLineIsOneLineNamingFileAndLineWithExitCode2() throws Exception {
        Path gold = Files.writeString(tmp.resolve("gold.jsonl"), GOLD.replace("\"date\":\"2022-03\"", "\"date\":\"March 2022\""));
        Path pred = Files.write(tmp.resolve("pred.jsonl"), List.of(P1));
        CommandLineTest.Run run = CommandLineTest.run("eval", "--predictions", pred.toString(), "--gold", gold.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("riposte eval: error: " + gold + ":2: date \"March 2022\"");
    }
}
