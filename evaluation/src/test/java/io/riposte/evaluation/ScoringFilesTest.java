package io.riposte.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.domain.DatePrecision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The files are read as written, and a line that cannot be is an error naming the file and line. */
class ScoringFilesTest {
    static final String PRED_OK = "{\"id\":\"p1\",\"date\":\"2021-04\",\"date_precision\":\"MONTH\",\"source\":\"RUS\",\"target\":\"USA\","
            + "\"type\":\"EXPEL_DIPLOMATS\",\"count\":10,\"responds_to\":[\"p0\"],\"chain_id\":\"c\",\"articles\":[\"a.txt\"],\"confidence\":0.8}";
    static final String GOLD_OK = "{\"id\":\"G1\",\"tier\":\"core\",\"date\":\"--10\",\"source\":\"RUS\",\"target\":\"USA\","
            + "\"type\":\"EXPEL_DIPLOMATS\",\"count\":null,\"responds_to\":[],\"articles\":[\"a.txt\"]}";

    @TempDir
    Path dir;

    Path file(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    @Test
    void readsTheFormatsAndRoundTripsAPrediction() throws IOException {
        PredictedAction p = ScoringFiles.readPredictions(file("p.jsonl", PRED_OK, "", "  ")).get(0);
        assertThat(p.date().precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(p.respondsTo()).containsExactly("p0");
        assertThat(ScoringFiles.toJson(p).toString()).isEqualTo(PRED_OK);
        List<GoldAction> gold = ScoringFiles.readGold(file("g.jsonl", GOLD_OK));
        assertThat(gold.get(0).date().hasYear()).isFalse();
        assertThat(ScoringFiles.readChains(file("c.jsonl", "{\"chain_id\":\"K\",\"steps\":[\"G1\"]}"), gold))
                .containsExactly(new GoldChain("K", List.of("G1")));
    }

    @Test
    void aGoldLineWithoutTierIsCoreAsInTheReference() throws IOException {
        assertThat(ScoringFiles.readGold(file("g.jsonl", GOLD_OK.replace("\"tier\":\"core\",", ""))).get(0).tier())
                .isEqualTo(GoldAction.Tier.CORE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing source    | \"source\":\"RUS\",                | ''                           | missing field 'source'",
        "missing id        | \"id\":\"p1\",                     | ''                           | missing field 'id'",
        "bad date          | \"date\":\"2021-04\"               | \"date\":\"April 2021\"      | is not YYYY-MM-DD, YYYY-MM, YYYY, --MM or null",
        "impossible date   | \"date\":\"2021-04\"               | \"date\":\"2021-13\"         | is not a calendar date",
        "bad precision     | \"date_precision\":\"MONTH\"       | \"date_precision\":\"WEEK\"  | is not DAY, MONTH, YEAR or UNKNOWN",
        "wrong precision   | \"date_precision\":\"MONTH\"       | \"date_precision\":\"DAY\"   | does not match date",
        "count not integer | \"count\":10                       | \"count\":\"ten\"            | is not a whole number",
        "not JSON          | \"id\":\"p1\",                     | \"id\":\"p1\",,              | not JSON",
    })
    void aBadPredictionLineIsAnErrorNamingFileAndLine(String what, String from, String to, String message) throws IOException {
        Path f = file("pred.jsonl", PRED_OK.replace("\"id\":\"p1\"", "\"id\":\"p0\""), "", PRED_OK.replace(from, to));
        assertThatThrownBy(() -> ScoringFiles.readPredictions(f))
                .isInstanceOfSatisfying(EvaluationFileException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageStartingWith(f + ":3: ")
                .hasMessageContaining(message);
    }

    @Test
    void aFileThatIsNotUtf8IsAnErrorNotAStackTrace() throws IOException {
        Path f = dir.resolve("latin1.jsonl");
        Files.write(f, (PRED_OK + "\n{\"id\":\"caf\u00e9\"}\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ScoringFiles.readPredictions(f)).isInstanceOf(EvaluationFileException.class)
                .hasMessage(f + ":2: not UTF-8 text");
    }

    @Test
    void aDuplicatePredictionIdIsAnError() throws IOException {
        Path f = file("pred.jsonl", PRED_OK, PRED_OK);
        assertThatThrownBy(() -> ScoringFiles.readPredictions(f)).isInstanceOf(EvaluationFileException.class)
                .hasMessage(f + ":2: duplicate id 'p1' (first on line 1)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing type  | \"type\":\"EXPEL_DIPLOMATS\",  | ''                     | missing field 'type'",
        "bad date      | \"date\":\"--10\"             | \"date\":\"2021/10\"   | is not YYYY-MM-DD",
        "bad precision | \"date\":\"--10\"             | \"date\":\"--10\",\"date_precision\":\"YEAR\" | does not match date",
        "bad tier      | \"tier\":\"core\"             | \"tier\":\"central\"   | tier 'central' is not core, minor or ignore",
    })
    void aBadGoldLineIsAnErrorNamingFileAndLine(String what, String from, String to, String message) throws IOException {
        Path f = file("gold.jsonl", GOLD_OK.replace("G1", "G0"), GOLD_OK.replace(from, to));
        assertThatThrownBy(() -> ScoringFiles.readGold(f)).isInstanceOf(EvaluationFileException.class)
                .hasMessageStartingWith(f + ":2: ").hasMessageContaining(message);
    }

    @Test
    void aDuplicateGoldIdAndAnUnknownProvocationOrChainStepAreErrors() throws IOException {
        Path g = file("gold.jsonl", GOLD_OK, GOLD_OK);
        assertThatThrownBy(() -> ScoringFiles.readGold(g)).hasMessage(g + ":2: duplicate id 'G1' (first on line 1)");
        List<GoldAction> gold = ScoringFiles.readGold(file("ok.jsonl", GOLD_OK));
        Path c = file("chains.jsonl", "{\"chain_id\":\"K\",\"steps\":[\"G1\",\"G7\"]}");
        assertThatThrownBy(() -> ScoringFiles.readChains(c, gold)).hasMessage(c + ":1: step 'G7' is not a gold id");
        Path dangling = file("dangling.jsonl", GOLD_OK, GOLD_OK.replace("G1", "G2").replace("[]", "[\"G1\",\"G3\"]"));
        assertThatThrownBy(() -> ScoringFiles.readGold(dangling)).hasMessage(dangling + ":2: responds_to 'G3' is not a gold id");
        Path noSteps = file("nosteps.jsonl", "{\"chain_id\":\"K\"}");
        assertThatThrownBy(() -> ScoringFiles.readChains(noSteps, gold)).hasMessage(noSteps + ":1: missing field 'steps'");
    }
}
