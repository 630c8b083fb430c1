package io.riposte.extraction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.ExtractedAction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The passes that act on the actions of a whole sentence or article: fan-out, dates, provocations, merging. */
class PassesTest {
    private static List<ExtractedAction> extract(String text) {
        return PassFixture.extract(text, false);
    }

    @Test
    void enumerationFanOutGivesOneActionPerStateOfAList() {
        List<ExtractedAction> out = extract("On May 6, Norway expelled diplomats of Latvia, Lithuania and Estonia.");
        assertThat(out).extracting(ExtractedAction::target).containsExactlyInAnyOrder("LVA", "LTU", "EST");
        assertThat(out).allSatisfy(a -> assertThat(a.source()).isEqualTo("NOR"));
    }

    @Test
    void aStateInsideAnOpeningPhraseIsNoMemberOfTheSubjectsList() {
        for (String opening : List.of("In support of Ecuador", "Like Ecuador", "Following Ecuador")) {
            List<ExtractedAction> out = extract(opening + ", Chile expelled four Peruvian diplomats on May 6.");
            assertThat(out).as(opening).extracting(a -> a.source() + ">" + a.target() + " " + a.count())
                    .containsExactly("CHL>PER 4");
        }
        // a real list after an opening phrase stays a list
        List<ExtractedAction> out = extract("After Ecuador, Chile and Bolivia expelled Peruvian diplomats on May 6.");
        assertThat(out).extracting(ExtractedAction::source).contains("CHL", "BOL");
    }

    @Test
    void enumerationFanOutOfAReciprocalAction() {
        List<ExtractedAction> out = extract("On May 6, Chile and Peru expelled each other's ambassadors.");
        assertThat(out).extracting(a -> a.source() + ">" + a.target()).containsExactlyInAnyOrder("CHL>PER", "PER>CHL");
    }

    @Test
    void datesStatedRelativeAndInherited() {
        List<ExtractedAction> out = extract("On Tuesday, Chile expelled two Peruvian diplomats. Then Peru expelled a Chilean envoy.");
        assertThat(out).hasSize(2);
        ExtractedAction first = out.stream().filter(a -> a.source().equals("CHL")).findFirst().orElseThrow();
        assertThat(first.date().precision()).isEqualTo(DatePrecision.DAY);
        assertThat(first.date().earliest()).isEqualTo(LocalDate.of(2024, 5, 7));
        ExtractedAction second = out.stream().filter(a -> a.source().equals("PER")).findFirst().orElseThrow();
        assertThat(second.date().precision()).as("'Then' continues at month precision").isEqualTo(DatePrecision.MONTH);
    }

    @Test
    void provocationCueLinksTheAnswerToTheAct() {
        List<ExtractedAction> out = extract(
                "On May 8, Peru expelled two Chilean diplomats in retaliation for Chile's expulsion of three Peruvian diplomats.");
        ExtractedAction answer = out.stream().filter(a -> a.source().equals("PER")).findFirst().orElseThrow();
        ExtractedAction cause = out.stream().filter(a -> a.source().equals("CHL")).findFirst().orElseThrow();
        assertThat(answer.respondsTo()).containsExactly(cause.id());
        assertThat(cause.type()).isEqualTo(ActionType.EXPEL_DIPLOMATS);
    }

    @Test
    void mergingJoinsTwoMentionsOfOneAct() {
        List<ExtractedAction> out = extract("On May 8, Peru expelled two Chilean diplomats. Peru's expulsion of the two Chilean "
                + "diplomats on May 8 angered Santiago.");
        assertThat(out).hasSize(1);
        assertThat(out.get(0).evidence()).hasSize(2);
        assertThat(out.get(0).count()).isEqualTo(2);
    }
}
