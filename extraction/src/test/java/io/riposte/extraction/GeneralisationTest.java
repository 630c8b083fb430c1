package io.riposte.extraction;

import static io.riposte.extraction.ExtractorHardCasesTest.only;
import static io.riposte.extraction.ExtractorHardCasesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of phrasing the first rules missed on articles written after them (orders to leave with
 * an apposition, juntas as actors, recall idioms, ...). The sentences are written for these tests
 * about plausible situations; none comes from the corpus, the held-out set or the seeds.
 */
class GeneralisationTest {

    @Test
    void orderToLeaveSkipsAnAppositionBetweenTheNounAndToLeave() {
        // 2021-10-08 is a Friday
        ExtractedAction a = only(run("2021-10-08",
                "On Thursday Mali ordered the Danish envoy, Karl Jensen, to leave the country within three days."),
                ActionType.EXPEL_DIPLOMATS);
        assertThat(a.source()).isEqualTo("MLI");
        assertThat(a.target()).isEqualTo("DNK");
        assertThat(a.date()).isEqualTo(FuzzyDate.ofDay(LocalDate.of(2021, 10, 7)));
    }

    @Test
    void givenHoursToLeaveWithARelativeClauseInBetween() {
        ExtractedAction a = only(run("2019-03-05",
                "Chad gave the four Sudanese officials, who ran the consular section, 72 hours to leave."),
                ActionType.EXPEL_DIPLOMATS);
        assertThat(a.source()).isEqualTo("TCD");
        assertThat(a.target()).isEqualTo("SDN");
        assertThat(a.count()).isEqualTo(4);
    }

    @Test
    void aJuntaActsForItsState() {
        ExtractedAction a = only(run("2022-02-01", "Burkina Faso's junta gives Belgian ambassador two days to leave."),
                ActionType.EXPEL_DIPLOMATS);
        assertThat(a.source()).isEqualTo("BFA");
        assertThat(a.target()).isEqualTo("BEL");
        ExtractedAction b = only(run("2022-02-01",
                "The officers who took power in Guinea last year told the Ghanaian ambassador to leave within a week."),
                ActionType.EXPEL_DIPLOMATS);
        assertThat(b.source()).isEqualTo("GIN");
        assertThat(b.target()).isEqualTo("GHA");
    }

    @Test
    void bringingOnesAmbassadorHomeIsARecall() {
        ExtractedAction a = only(run("2020-06-02", "Sweden said it would bring its ambassador home from Iran."), ActionType.RECALL_ENVOY);
        assertThat(a.source()).isEqualTo("SWE");
        assertThat(a.target()).isEqualTo("IRN");
        ExtractedAction b = only(run("2020-06-02", "Chile has decided to bring back its ambassador from Bolivia."),
                ActionType.RECALL_ENVOY);
        assertThat(b.source()).isEqualTo("CHL");
        assertThat(b.target()).isEqualTo("BOL");
        // bringing things or people other than one's envoy is nothing diplomatic
        assertThat(run("2020-06-02", "Sweden brought home 40 citizens from Iran.")).isEmpty();
    }

    @Test
    void breakingOffRelationsIsARecall() {
        ExtractedAction a = only(run("2018-05-02", "Morocco broke off diplomatic relations with Iran on Tuesday."),
                ActionType.RECALL_ENVOY);
        assertThat(a.source()).isEqualTo("MAR");
        assertThat(a.target()).isEqualTo("IRN");
        assertThat(run("2018-05-02", "Morocco broke a record for exports to Iran.")).isEmpty();
    }

    @Test
    void theAbilityToLiftIsNoAgreement() {
        List<ExtractedAction> all = run("2019-01-10",
                "The law, which would curb the Brazilian president's ability to lift sanctions on Venezuela, passed.");
        assertThat(all).noneMatch(x -> x.type() == ActionType.AGREE);
    }
}
