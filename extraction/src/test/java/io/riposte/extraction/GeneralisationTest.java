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

    private static List<String> pairs(List<ExtractedAction> all, ActionType type) {
        return all.stream().filter(a -> a.type() == type).map(a -> a.source() + ">" + a.target()).sorted().toList();
    }

    @Test
    void aMeasureOnAListOfStatesIsOneActionPerState() {
        List<ExtractedAction> all = run("2022-04-06",
                "Russia expelled diplomats of Latvia, Lithuania and Estonia on Tuesday, the foreign ministry said.");
        assertThat(pairs(all, ActionType.EXPEL_DIPLOMATS)).containsExactly("RUS>EST", "RUS>LTU", "RUS>LVA");
        assertThat(all).allMatch(a -> a.date().equals(FuzzyDate.ofDay(LocalDate.of(2022, 4, 5))));
        assertThat(pairs(run("2020-01-15", "Bolivia recalled its envoys to Mexico and Spain."), ActionType.RECALL_ENVOY))
                .containsExactly("BOL>ESP", "BOL>MEX");
    }

    @Test
    void coordinatedActorsEachAct() {
        assertThat(pairs(run("2022-04-06", "Slovenia and Croatia expelled Russian diplomats on Monday."), ActionType.EXPEL_DIPLOMATS))
                .containsExactly("HRV>RUS", "SVN>RUS");
    }

    @Test
    void aTotalIsNotTheCountOfEachState() {
        List<ExtractedAction> all = run("2022-04-06", "Moscow expelled ten diplomats of Latvia and Estonia.");
        assertThat(pairs(all, ActionType.EXPEL_DIPLOMATS)).containsExactly("RUS>EST", "RUS>LVA");
        assertThat(all).allMatch(a -> a.count() == null);
    }

    @Test
    void theNCountriesStandsForTheListOfNStatesNearby() {
        List<ExtractedAction> all = run("2021-09-10", "Mali criticised Senegal, Ghana and Togo over their support for sanctions. "
                + "On Thursday the envoys of the three countries were summoned to the foreign ministry in Bamako.");
        assertThat(pairs(all, ActionType.SUMMON_ENVOY)).containsExactly("MLI>GHA", "MLI>SEN", "MLI>TGO");
        // a list ahead: the headline counts the states the body names
        List<ExtractedAction> ahead = run("2021-09-10", "Sudan expels diplomats of four neighbouring countries\n\n"
                + "The ministry said it was expelling diplomats of Chad, Egypt, Eritrea and Ethiopia.");
        assertThat(pairs(ahead, ActionType.EXPEL_DIPLOMATS)).containsExactly("SDN>EGY", "SDN>ERI", "SDN>ETH", "SDN>TCD");
        // no list of that size: the phrase stands for nothing
        assertThat(run("2021-09-10", "Mali summoned the envoys of two countries.")).isEmpty();
    }

    @Test
    void aBareMinistryActsForTheDatelineState() {
        List<ExtractedAction> all = run("2019-02-20", "Tensions rise\n\nBELGRADE — The foreign ministry on Tuesday ordered Zagreb to cut "
                + "the staff of its embassy to 10 diplomats, an official said.");
        ExtractedAction a = only(all, ActionType.RESTRICT_STAFF);
        assertThat(a.source()).isEqualTo("SRB");
        assertThat(a.target()).isEqualTo("HRV");
        // without a dateline a bare ministry names no state: Zagreb is still the one told, never the actor
        assertThat(run("2019-02-20", "The foreign ministry on Tuesday ordered Zagreb to cut the staff of its embassy."))
                .noneMatch(x -> x.source().equals("HRV"));
    }

    @Test
    void aBareMinistryIsTheMinistryNamedBefore() {
        List<ExtractedAction> all = run("2019-02-20", "Tensions rise\n\nWASHINGTON — Iran's foreign ministry criticised the report. "
                + "The ministry later ordered two British diplomats to leave within a week.");
        ExtractedAction a = only(all, ActionType.EXPEL_DIPLOMATS);
        assertThat(a.source()).isEqualTo("IRN");
        assertThat(a.target()).isEqualTo("GBR");
    }

    @Test
    void anEnvoyWhoThreatensSpeaksForTheStateHeRepresents() {
        List<ExtractedAction> all = run("2023-03-02", "Latvia expels eight Belarusian diplomats; Minsk's envoy threatens to close embassy");
        ExtractedAction t = only(all, ActionType.THREATEN_RETALIATION);
        assertThat(t.source()).isEqualTo("BLR");
        assertThat(t.target()).isEqualTo("LVA");
    }

    @Test
    void otherwiseAfterADemandMakesTheMeasureAThreat() {
        List<ExtractedAction> all = run("2023-03-02", "Cuba's ambassador demanded an apology from Panama by Friday. "
                + "Otherwise, he said, Havana would close the Panamanian embassy.");
        ExtractedAction t = only(all, ActionType.THREATEN_RETALIATION);
        assertThat(t.source()).isEqualTo("CUB");
        assertThat(t.target()).isEqualTo("PAN");
        assertThat(all).noneMatch(x -> x.type() == ActionType.CLOSE_MISSION);
    }

    @Test
    void aRequestToLetSomeoneActIsNoAct() {
        assertThat(run("2021-06-01", "Bolivian officials asked Peru to allow its police to arrest the former minister.")).isEmpty();
        // the demand that the other side itself act is a measure
        ExtractedAction a = only(run("2021-06-01", "Bolivia asked Peru to reduce the staff of its embassy."), ActionType.RESTRICT_STAFF);
        assertThat(a.source()).isEqualTo("BOL");
        assertThat(a.target()).isEqualTo("PER");
    }

    @Test
    void aProposalIsNoAct() {
        assertThat(run("2018-03-20", "The defence minister proposed to the cabinet that Norway expel four Russian diplomats."))
                .noneMatch(a -> a.type() == ActionType.EXPEL_DIPLOMATS);
        // a proposal in another clause leaves the act alone
        ExtractedAction a = only(run("2018-03-20", "After Oslo proposed new talks, Russia expelled four Norwegian diplomats."),
                ActionType.EXPEL_DIPLOMATS);
        assertThat(a.source()).isEqualTo("RUS");
    }

    @Test
    void aRecognisedStateIsNoPartyToTheDispute() {
        List<ExtractedAction> all = run("2008-02-20",
                "Serbia recalled its ambassador from Washington after the United States said it would recognise an independent Kosovo.");
        assertThat(all).noneMatch(a -> a.target().equals("XKX") || a.source().equals("XKX"));
        ExtractedAction a = only(all, ActionType.RECALL_ENVOY);
        assertThat(a.source()).isEqualTo("SRB");
        assertThat(a.target()).isEqualTo("USA");
    }

    @Test
    void chargingAForeignOfficialIsADetention() {
        // 2024-03-15 is a Friday
        ExtractedAction a = only(run("2024-03-15",
                "Dutch prosecutors on Thursday charged two men, one of them an employee of the Iranian embassy, with spying."),
                ActionType.DETAIN);
        assertThat(a.source()).isEqualTo("NLD");
        assertThat(a.target()).isEqualTo("IRN");
        assertThat(a.date()).isEqualTo(FuzzyDate.ofDay(LocalDate.of(2024, 3, 14)));
        assertThat(run("2024-03-15", "Iran's embassy charged that the Dutch report was biased.")).isEmpty();
    }

    @Test
    void withdrawingTheDiplomaticStaffFromStatesIsARecallFromEach() {
        List<ExtractedAction> all = run("2019-01-24", "Nicaragua said it was withdrawing its diplomatic staff from Honduras and Costa Rica.");
        assertThat(pairs(all, ActionType.RECALL_ENVOY)).containsExactly("NIC>CRI", "NIC>HND");
    }

    @Test
    void theStatementAnActAnswersIsItsProvocation() {
        List<ExtractedAction> all = run("2019-07-12",
                "Peru recalled its ambassadors to Chile and Bolivia on Thursday after the two countries said they would recognise "
                        + "the rival government.");
        assertThat(pairs(all, ActionType.RECALL_ENVOY)).containsExactly("PER>BOL", "PER>CHL");
        assertThat(pairs(all, ActionType.OTHER)).containsExactly("BOL>PER", "CHL>PER");
        ExtractedAction recall = all.stream().filter(a -> a.type() == ActionType.RECALL_ENVOY && a.target().equals("CHL"))
                .findFirst().orElseThrow();
        ExtractedAction statement = all.stream().filter(a -> a.type() == ActionType.OTHER && a.source().equals("CHL"))
                .findFirst().orElseThrow();
        assertThat(recall.respondsTo()).containsExactly(statement.id());
        // an act after an act is linked, not turned into a statement
        assertThat(run("2019-07-12", "Peru expelled two Chilean diplomats after Chile expelled two Peruvians."))
                .noneMatch(a -> a.type() == ActionType.OTHER);
    }

    @Test
    void stormingAnEmbassyIsAnActOfThePoliceState() {
        ExtractedAction a = only(run("2019-07-12", "Bolivian police stormed the Argentine embassy in La Paz on Thursday."),
                ActionType.OTHER);
        assertThat(a.source()).isEqualTo("BOL");
        assertThat(a.target()).isEqualTo("ARG");
        // an unnamed actor in an after clause is nobody we know
        assertThat(run("2019-07-12", "Argentina cut ties with Bolivia after police stormed its embassy."))
                .noneMatch(x -> x.type() == ActionType.OTHER);
    }

    @Test
    void losingAccessToPropertyIsASeizure() {
        ExtractedAction a = only(run("2019-07-12", "The Canadian embassy will lose access to two villas near Havana, Cuba said."),
                ActionType.CLOSE_MISSION);
        assertThat(a.source()).isEqualTo("CUB");
        assertThat(a.target()).isEqualTo("CAN");
    }

    @Test
    void aMeasureApprovedBySomeoneIsTheirs() {
        ExtractedAction a = only(run("2019-07-12", "Tehran vowed revenge for the sanctions approved by the Canadian parliament."),
                ActionType.SANCTION);
        assertThat(a.source()).isEqualTo("CAN");
        assertThat(a.target()).isEqualTo("IRN");
    }

    @Test
    void byANameIsTheAgentNotADeadline() {
        // 2023-02-14 is a Tuesday: "on Friday" is 2023-02-10
        List<ExtractedAction> all = run("2023-02-14", "Iran and Syria were hit with new sanctions by Britain on Friday.");
        assertThat(pairs(all, ActionType.SANCTION)).containsExactly("GBR>IRN", "GBR>SYR");
        assertThat(all).allMatch(a -> a.date().equals(FuzzyDate.ofDay(LocalDate.of(2023, 2, 10))));
        // "by Friday" still is one: the order is dated by the publication it is the news of, not by Friday
        ExtractedAction a = only(run("2023-02-14", "Iran told two British diplomats to leave by Friday."), ActionType.EXPEL_DIPLOMATS);
        assertThat(a.date().iso()).isEqualTo("2023-02-14");
        assertThat(a.date().basis()).isEqualTo(io.riposte.domain.DateBasis.PUBLICATION_FALLBACK);
    }

    @Test
    void anUndatedArticleNeverGetsADayForItsFannedOutActions() {
        List<ExtractedAction> all = run(null, "On Friday Azerbaijan recalled its envoys to France and Belgium. In March it had "
                + "expelled two French diplomats.");
        assertThat(pairs(all, ActionType.RECALL_ENVOY)).containsExactly("AZE>BEL", "AZE>FRA");
        assertThat(all).noneMatch(a -> a.date().precision() == io.riposte.domain.DatePrecision.DAY);
        ExtractedAction expel = only(all, ActionType.EXPEL_DIPLOMATS);
        assertThat(expel.date()).isEqualTo(FuzzyDate.ofMonthWithoutYear(3, null));
    }

    @Test
    void anAmbassadorsWarningIsHisStatesThreatAgainstTheHost() {
        List<ExtractedAction> all = run("2021-05-20",
                "Iran's ambassador to Sweden, Ali Karimi, warned that Tehran would retaliate against any new listing.");
        ExtractedAction t = only(all, ActionType.THREATEN_RETALIATION);
        assertThat(t.source()).isEqualTo("IRN");
        assertThat(t.target()).isEqualTo("SWE");
        // who will pay the price is threatened, not threatening
        ExtractedAction p = only(run("2021-05-20", "Stockholm warned that Tehran would pay a price for the arrests."),
                ActionType.THREATEN_RETALIATION);
        assertThat(p.source()).isEqualTo("SWE");
        assertThat(p.target()).isEqualTo("IRN");
    }

    @Test
    void bringingHomeBeforeTheEnvoy() {
        ExtractedAction a = only(run("2021-05-20", "Slovakia brought home its ambassador from Belgrade on Tuesday."),
                ActionType.RECALL_ENVOY);
        assertThat(a.source()).isEqualTo("SVK");
        assertThat(a.target()).isEqualTo("SRB");
    }

    @Test
    void anEmbassyEmployeeArrestedIsADetentionOfHisState() {
        ExtractedAction a = only(run("2022-09-16", "Venezuelan police arrested a Colombian consulate employee on Wednesday."),
                ActionType.DETAIN);
        assertThat(a.source()).isEqualTo("VEN");
        assertThat(a.target()).isEqualTo("COL");
    }

    @Test
    void statesThatFollowSuitDoTheSameToTheSameTarget() {
        List<ExtractedAction> all = run("2020-01-10", "Estonia expelled two Russian diplomats on Monday. "
                + "Latvia and Lithuania followed suit on Wednesday.");
        assertThat(pairs(all, ActionType.EXPEL_DIPLOMATS)).containsExactly("EST>RUS", "LTU>RUS", "LVA>RUS");
        ExtractedAction lva = all.stream().filter(a -> a.source().equals("LVA")).findFirst().orElseThrow();
        assertThat(lva.date()).isEqualTo(FuzzyDate.ofDay(LocalDate.of(2020, 1, 8)));
        assertThat(lva.count()).isNull();
        // no hostile act before: nothing to follow
        assertThat(run("2020-01-10", "Estonia held talks with Russia. Latvia followed suit.")).noneMatch(a -> a.source().equals("LVA"));
    }

    @Test
    void theLastCommaOfAListIsNoClauseBoundary() {
        // 2021-11-12 is a Friday: "on Wednesday" is 2021-11-10
        List<ExtractedAction> all = run("2021-11-12", "Minsk expelled diplomats from Latvia, Estonia, and Lithuania on Wednesday.");
        assertThat(pairs(all, ActionType.EXPEL_DIPLOMATS)).containsExactly("BLR>EST", "BLR>LTU", "BLR>LVA");
        assertThat(all).allMatch(a -> a.date().equals(FuzzyDate.ofDay(LocalDate.of(2021, 11, 10))));
    }

    @Test
    void anAmbassadorRecalledIsRecalledByHisOwnState() {
        ExtractedAction a = only(run("2021-11-12", "Chile's ambassador to Bolivia was recalled on Thursday."), ActionType.RECALL_ENVOY);
        assertThat(a.source()).isEqualTo("CHL");
        assertThat(a.target()).isEqualTo("BOL");
    }

    @Test
    void refusingToActIsNoAct() {
        assertThat(run("2021-11-12", "Serbia refused to expel Russian diplomats.")).isEmpty();
        assertThat(run("2021-11-12", "Austria declined to impose sanctions on Belarus.")).isEmpty();
    }

    @Test
    void theReasonsCitedForAnActAreItsProvocationsWithTheirOwnDates() {
        List<ExtractedAction> all = run("2023-11-20", "Nicaragua said on Sunday it would close its embassy in Taipei. "
                + "Its foreign minister cited Taiwan's criticism of the election in August and its decision earlier this month "
                + "to host an opposition leader.");
        ExtractedAction close = only(all, ActionType.CLOSE_MISSION);
        assertThat(close.source()).isEqualTo("NIC");
        assertThat(close.target()).isEqualTo("TWN");
        List<ExtractedAction> others = all.stream().filter(a -> a.type() == ActionType.OTHER).toList();
        assertThat(others).extracting(a -> a.source() + ">" + a.target() + " " + a.date().iso())
                .containsExactlyInAnyOrder("TWN>NIC 2023-08", "TWN>NIC 2023-11");
        assertThat(close.respondsTo()).hasSize(1).isSubsetOf(others.stream().map(ExtractedAction::id).toList());
        // "citing" reasons that are no grievance noun cite nothing
        assertThat(run("2023-11-20", "Nicaragua closed its embassy in Taipei. It cited security reasons."))
                .noneMatch(a -> a.type() == ActionType.OTHER);
    }

    @Test
    void orderingPeopleOutIsAnExpulsion() {
        // 2023-12-28 is a Thursday: "on Wednesday" is 2023-12-27
        ExtractedAction a = only(run("2023-12-28", "Armenia on Wednesday ordered three Georgian diplomats out of the country."),
                ActionType.EXPEL_DIPLOMATS);
        assertThat(a.source()).isEqualTo("ARM");
        assertThat(a.target()).isEqualTo("GEO");
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.date()).isEqualTo(FuzzyDate.ofDay(LocalDate.of(2023, 12, 27)));
        assertThat(run("2023-12-28", "Armenia ordered a review of its trade with Georgia, officials pointed out.")).isEmpty();
    }

    @Test
    void theObjectOfAnotherVerbIsNotTheActor() {
        ExtractedAction a = only(run("2023-12-28", "Yerevan has accused Baku of aggression and recalled its ambassador in May."),
                ActionType.RECALL_ENVOY);
        assertThat(a.source()).isEqualTo("ARM");
        assertThat(a.target()).isEqualTo("AZE");
    }

    @Test
    void anAnswerAfterAListOfActsAnswersTheOneAgainstIt() {
        List<ExtractedAction> all = run("2022-04-08",
                "Minsk expelled two Latvian diplomats, a week after Lithuania, Poland and Latvia expelled Belarusian diplomats.");
        ExtractedAction answer = all.stream().filter(a -> a.source().equals("BLR")).findFirst().orElseThrow();
        ExtractedAction latvia = all.stream().filter(a -> a.source().equals("LVA")).findFirst().orElseThrow();
        assertThat(answer.target()).isEqualTo("LVA");
        assertThat(answer.respondsTo()).containsExactly(latvia.id());
    }

    @Test
    void aPronounSubjectIsThePreviousSentencesActor() {
        List<ExtractedAction> all = run("2019-02-25", "Colombia and Venezuela have quarrelled for months; Colombia accused Venezuela "
                + "of blocking aid. Colombia said talks were over. Peru issued a statement on Sunday. "
                + "It said it was breaking off relations with Caracas.");
        assertThat(pairs(all, ActionType.RECALL_ENVOY)).containsExactly("PER>VEN");
    }
}
