package io.riposte.extraction;

import static io.riposte.extraction.ExtractorHardCasesTest.only;
import static io.riposte.extraction.ExtractorHardCasesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.ExtractedAction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Response cues of {@code cues.tsv} added for phrasings of wire and translated state-media copy. */
class ResponseCueDataTest {

    @Test
    void aProtestInConnectionWithAnActNamesItAsTheProvocation() {
        // the calque of translated ministry statements: "to express protest in connection with ..."
        List<ExtractedAction> as = run("2022-09-14", "On Wednesday Bratislava summoned Hungary's ambassador and lodged a "
                + "protest in connection with Budapest's plan to expel two Slovak diplomats.");
        ExtractedAction summons = only(as, ActionType.SUMMON_ENVOY);
        ExtractedAction expulsion = only(as, ActionType.EXPEL_DIPLOMATS);
        assertThat(expulsion.source()).isEqualTo("HUN");
        assertThat(summons.respondsTo()).containsExactly(expulsion.id());
        assertThat(summons.cue()).isEqualTo("protest in connection with");
    }

    @Test
    void inReturnLinksTheAnswerToTheOtherSidesEarlierAct() {
        List<ExtractedAction> as = run("2022-09-14", "Hungary expelled two Slovak diplomats on Monday. Slovakia in return "
                + "expelled two Hungarian diplomats on Wednesday.");
        ExtractedAction first = as.stream().filter(a -> a.source().equals("HUN")).findFirst().orElseThrow();
        ExtractedAction answer = as.stream().filter(a -> a.source().equals("SVK")).findFirst().orElseThrow();
        assertThat(answer.respondsTo()).containsExactly(first.id());
        assertThat(first.respondsTo()).isEmpty();
    }
}
