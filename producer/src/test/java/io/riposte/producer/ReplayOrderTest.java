package io.riposte.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Article;
import io.riposte.domain.input.ArticleParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayOrderTest {
    static InputItem article(String date, String title) {
        try {
            Article a = ArticleParser.parseText(" date " + date + " https://example.org/" + title + " " + title
                    + "\nBody of " + title + ".", title, Instant.parse("2026-01-01T00:00:00Z"));
            return new InputItem.Parsed(title, a);
        } catch (io.riposte.domain.input.ArticleFormatException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> origins(List<InputItem> items) {
        return items.stream().map(InputItem::origin).toList();
    }

    static List<InputItem> input() {
        return List.of(article("2020-05-03", "c"), article("2018-03-14", "a"),
                new InputItem.Rejected("bad.txt", "EMPTY", "bad.txt: empty", new byte[0]),
                article("2019-01-02", "b"), article("2018-03-14", "a2"));
    }

    @Test
    void chronologicalSortsByPublicationTimeKeepingReadingOrderForTiesAndRejectionsFirst() {
        List<InputItem> items = new ArrayList<>(input());
        ArticlePublisher.order(items, new ReplayOptions(ReplayOptions.Order.CHRONOLOGICAL, 0, 0, 0));
        assertThat(origins(items)).containsExactly("bad.txt", "a", "a2", "b", "c");
    }

    @Test
    void shuffleIsAPermutationThatTheSeedRepeats() {
        List<List<String>> orders = new ArrayList<>();
        for (long seed : new long[] {1, 1, 2, 3, 4}) {
            List<InputItem> items = new ArrayList<>(input());
            ArticlePublisher.order(items, new ReplayOptions(ReplayOptions.Order.SHUFFLE, seed, 0, 0));
            assertThat(origins(items)).containsExactlyInAnyOrderElementsOf(origins(input()));
            orders.add(origins(items));
        }
        assertThat(orders.get(0)).isEqualTo(orders.get(1));
        assertThat(orders.subList(1, 5).stream().distinct().count()).as("different seeds, different orders").isGreaterThan(1);
    }

    @Test
    void asReadKeepsTheOrder() {
        List<InputItem> items = new ArrayList<>(input());
        ArticlePublisher.order(items, ReplayOptions.AS_FAST_AS_POSSIBLE);
        assertThat(origins(items)).isEqualTo(origins(input()));
    }
}
