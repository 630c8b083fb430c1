package io.riposte.domain.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.domain.Article;
import io.riposte.domain.DatePrecision;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleParserTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void readsTheDateLineAndTheHeadlineThatFollowsIt() throws Exception {
        Article a = ArticleParser.parseText(" date 2018-03-14 Britain orders 23 Russian diplomats out\n\nBody text.", "a.txt", NOW);
        assertThat(a.publishedDate()).hasToString("2018-03-14");
        assertThat(a.publishedPrecision()).isEqualTo(DatePrecision.DAY);
        assertThat(a.title()).isEqualTo("Britain orders 23 Russian diplomats out");
        assertThat(a.body()).isEqualTo("Body text.");
        assertThat(a.url()).isNull();
        assertThat(a.origin()).isEqualTo("a.txt");
    }

    @Test
    void readsAUrlAfterTheDateAndTakesTheNextLineAsHeadline() throws Exception {
        Article a = ArticleParser.parseText(" date 2020-07-22 https://example.org/news/1\n\nHouston consulate told to close\nMore.", "b.txt", NOW);
        assertThat(a.url()).isEqualTo("https://example.org/news/1");
        assertThat(a.title()).isEqualTo("Houston consulate told to close");
        assertThat(a.body()).isEqualTo("More.");
        assertThat(a.id()).isEqualTo(ArticleIds.of("http://EXAMPLE.org/news/1/", null, null));
    }

    @Test
    void anUndatedArticleHasNoPublicationDate() throws Exception {
        Article a = ArticleParser.parseText("Canada expels Chinese diplomat\nOttawa said on Monday...", "c.txt", NOW);
        assertThat(a.published()).isNull();
        assertThat(a.publishedPrecision()).isEqualTo(DatePrecision.UNKNOWN);
        assertThat(a.title()).isEqualTo("Canada expels Chinese diplomat");
    }

    @Test
    void theSameTextGetsTheSameIdWhateverItsFileName() throws Exception {
        String t = " date 2023-05-08 Canada expels a Chinese diplomat\nOttawa declared him persona non grata.";
        assertThat(ArticleParser.parseText(t, "x.txt", NOW).id()).isEqualTo(ArticleParser.parseText(t, "y.txt", NOW).id());
    }

    @Test
    void rejectsBadInputWithAReason() {
        assertThatThrownBy(() -> ArticleParser.decode(new byte[0], "e.txt"))
                .isInstanceOfSatisfying(ArticleFormatException.class, e -> assertThat(e.reason()).isEqualTo("EMPTY"));
        assertThatThrownBy(() -> ArticleParser.decode(new byte[] {1, 0, 2}, "b.bin"))
                .isInstanceOfSatisfying(ArticleFormatException.class, e -> assertThat(e.reason()).isEqualTo("BINARY"));
        assertThatThrownBy(() -> ArticleParser.decode(new byte[] {(byte) 0xC3, (byte) 0x28}, "u.txt"))
                .isInstanceOfSatisfying(ArticleFormatException.class, e -> assertThat(e.reason()).isEqualTo("BAD_ENCODING"));
        assertThatThrownBy(() -> ArticleParser.parseText("   \n ", "w.txt", NOW))
                .isInstanceOfSatisfying(ArticleFormatException.class, e -> assertThat(e.reason()).isEqualTo("EMPTY"));
    }

    @Test
    void decodesValidUtf8() throws Exception {
        assertThat(ArticleParser.decode("Moscow’s response".getBytes(StandardCharsets.UTF_8), "q.txt")).isEqualTo("Moscow’s response");
    }
}
