package io.riposte.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.domain.Article;
import io.riposte.domain.input.ArticleFormatException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonArticleParserTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void readsJsonLines() throws Exception {
        Article a = JsonArticleParser.parse(
                "{\"url\":\"https://e.org/2\",\"published\":\"2021-04-15\",\"title\":\"T\",\"body\":\"B\",\"outlet\":\"O\",\"extra\":1}",
                "f.jsonl:1", NOW);
        assertThat(a.origin()).isEqualTo("https://e.org/2");
        assertThat(a.publishedDate()).hasToString("2021-04-15");
        assertThat(a.outlet()).isEqualTo("O");
    }

    @Test
    void rejectsBadInputWithAReason() {
        assertThatThrownBy(() -> JsonArticleParser.parse("{oops", "j:1", NOW))
                .isInstanceOfSatisfying(ArticleFormatException.class, e -> assertThat(e.reason()).isEqualTo("BAD_JSON"));
        assertThatThrownBy(() -> JsonArticleParser.parse("{\"title\":\"t\",\"published\":\"yesterday\"}", "j:2", NOW))
                .isInstanceOfSatisfying(ArticleFormatException.class, e -> assertThat(e.reason()).isEqualTo("BAD_DATE"));
    }
}
