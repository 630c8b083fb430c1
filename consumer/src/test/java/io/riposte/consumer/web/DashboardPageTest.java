package io.riposte.consumer.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.avro.Action;
import io.riposte.avro.ActionType;
import io.riposte.avro.Alert;
import io.riposte.avro.AlertType;
import io.riposte.avro.Chain;
import io.riposte.avro.ChainStatus;
import io.riposte.avro.ChainStep;
import io.riposte.avro.DatePrecision;
import io.riposte.avro.Evidence;
import io.riposte.avro.FuzzyDate;
import io.riposte.avro.Modality;
import io.riposte.consumer.DyadView;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The server-rendered page: structure of the timeline, and hostile article text kept inert. */
class DashboardPageTest {
    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMG = "<img src=x onerror=\"window.__xss=2\">";

    static FuzzyDate day(int y, int m, int d) {
        return FuzzyDate.newBuilder().setYear(y).setMonth(m).setDay(d).setPrecision(DatePrecision.DAY).build();
    }

    static ChainStep step(String id, String src, String tgt, FuzzyDate date, Integer count, List<String> respondsTo) {
        return ChainStep.newBuilder().setActionId(id).setSource(src).setTarget(tgt).setType(ActionType.EXPEL_DIPLOMATS)
                .setDate(date).setCount(count).setRespondsTo(respondsTo).build();
    }

    static Action action(String id, String src, String tgt, int count, String sentence, String origin) {
        return Action.newBuilder().setId(id).setDyad(io.riposte.domain.Dyad.of(src, tgt)).setSource(src).setTarget(tgt)
                .setType(ActionType.EXPEL_DIPLOMATS).setSeverity(-5).setDate(day(2018, 3, 14)).setCount(count)
                .setModality(Modality.ASSERTED).setConfidence(0.9).setArticles(List.of(origin))
                .setEvidence(List.of(Evidence.newBuilder().setArticleId("art-" + id).setOrigin(origin).setSentence(sentence)
                        .setStart(0).setEnd(sentence.length()).setDate(day(2018, 3, 14)).build(),
                        Evidence.newBuilder().setArticleId("art2-" + id).setOrigin(origin + "#2").setSentence(sentence)
                        .setStart(0).setEnd(sentence.length())
                        .setDate(FuzzyDate.newBuilder().setYear(2018).setMonth(3).setPrecision(DatePrecision.MONTH).build()).build()))
                .build();
    }

    DyadView view() {
        DyadView v = new DyadView();
        List<ChainStep> steps = List.of(step("a1", "GBR", "RUS", day(2018, 3, 14), 23, List.of()),
                step("a2", "RUS", "GBR", day(2018, 3, 17), 23, List.of("a1")));
        v.applyChain("c1", Chain.newBuilder().setId("c1").setDyad("GBR-RUS").setStatus(ChainStatus.ACTIVE).setEscalation(12.5)
                .setFirstDate(steps.get(0).getDate()).setLastDate(steps.get(1).getDate()).setSteps(steps).build(), 1L);
        v.applyAction("a1", action("a1", "GBR", "RUS", 23, "London expelled 23 diplomats " + SCRIPT + " " + IMG,
                "https://news.example.org/a?x=1&y=2"), 1L);
        v.applyAction("a2", action("a2", "RUS", "GBR", 23, "Moscow answered in kind.", "javascript:alert(1)"), 1L);
        return v;
    }

    final Alert alert = Alert.newBuilder().setId("al1").setType(AlertType.ESCALATION).setDyad("GBR-RUS").setSeverity(-7.5)
            .setActionDate(day(2018, 3, 17)).setSummary("answer " + SCRIPT).build();

    @Test
    void everyStepShowsDateTypeCountAndEvidenceAndTheSidesFaceEachOther() {
        String html = DashboardPage.render(view(), List.of(alert), "2026-01-01T00:00:00Z");
        assertThat(html).contains("<svg class=\"timeline\"", "GBR ▲", "RUS ▼", "2018-03-14", "2018-03-17", "expel diplomats",
                "count 23", "Moscow answered in kind.", "answers step 1", "Dyads by escalation");
        // the date each report gave, finest first (issue 13)
        assertThat(html).contains("reported: 2018-03-14 (1 report) · 2018-03 (1 report)");
        // GBR acts first and is the top side: its card sits above the axis; RUS's card below it.
        List<Double> cardYs = numbers(html, "<rect class=\"card\" x=\"[0-9.]+\" y=\"([0-9.]+)\"");
        double axis = numbers(html, "<line class=\"axis\" x1=\"[0-9.]+\" y1=\"([0-9.]+)\"").get(0);
        assertThat(cardYs).hasSize(2);
        assertThat(cardYs.get(0)).isLessThan(axis);
        assertThat(cardYs.get(1)).isGreaterThan(axis);
    }

    @Test
    void hostileArticleTextIsEscapedInHtmlSvgAndAttributes() {
        String html = DashboardPage.render(view(), List.of(alert), "2026-01-01T00:00:00Z");
        // Our only script element is the external file; the article's markup is text.
        assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(1);
        assertThat(html).contains("<script src=\"/dashboard.js\" defer></script>");
        assertThat(html).doesNotContain("<img", "onerror=\"", SCRIPT);
        assertThat(html).contains("&lt;script&gt;window.__xss=1&lt;/script&gt;", "&lt;img src=x onerror=&#34;window.__xss=2&#34;&gt;");
        // An https origin becomes a link with its attribute escaped; a javascript: origin stays text.
        assertThat(html).contains("href=\"https://news.example.org/a?x=1&amp;y=2\"");
        assertThat(html).doesNotContain("href=\"javascript:");
        assertThat(html).contains("<span class=\"source\">javascript:alert(1)</span>");
        assertThat(html).doesNotContain("style=");
    }

    @Test
    void onlyHttpUrlsWithAHostAreLinks() {
        assertThat(Html.safeHttpUrl("https://example.org/x")).isEqualTo("https://example.org/x");
        assertThat(Html.safeHttpUrl("HTTP://example.org")).isNotNull();
        assertThat(Html.safeHttpUrl("javascript:alert(1)")).isNull();
        assertThat(Html.safeHttpUrl("data:text/html,<b>")).isNull();
        assertThat(Html.safeHttpUrl("cz-ru-1.txt")).isNull();
        assertThat(Html.safeHttpUrl("https:///nohost")).isNull();
        assertThat(Html.esc("a'b\"c<d>&\u0000")).isEqualTo("a&#39;b&#34;c&lt;d&gt;&amp; ");
    }

    static List<Double> numbers(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        List<Double> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }
}
