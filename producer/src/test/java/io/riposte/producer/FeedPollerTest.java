package io.riposte.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Article;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.input.ArticleIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
    static Article article(InputItem i) {
        return ((InputItem.Parsed) i).article();
    }

    @Test
    void threePollsWithA304InTheMiddleYieldEachItemOnce() throws Exception {
        try (FeedServer server = new FeedServer()) {
            FeedPoller poller = new FeedPoller(server.uri("/feed.xml"), Duration.ofSeconds(5), 1000, Clock.systemUTC());
            List<InputItem> all = new ArrayList<>();
            FeedPoller.Poll p1 = poller.poll();
            FeedPoller.Poll p2 = poller.poll();
            FeedPoller.Poll p3 = poller.poll();
            assertThat(List.of(p1.status(), p2.status(), p3.status())).containsExactly(200, 304, 200);
            assertThat(p1.items()).hasSize(2);
            assertThat(p2.items()).isEmpty();
            assertThat(p3.items()).hasSize(1);
            all.addAll(p1.items());
            all.addAll(p3.items());
            // Poll 1 sends no validators; polls 2 and 3 send those of the last 200.
            assertThat(server.requests.get(0)).containsEntry("If-None-Match", null).containsEntry("If-Modified-Since", null);
            assertThat(server.requests.get(1)).containsEntry("If-None-Match", "\"v1\"")
                    .containsEntry("If-Modified-Since", "Wed, 15 May 2024 09:00:00 GMT");
            assertThat(server.requests.get(2)).containsEntry("If-None-Match", "\"v1\"");

            Article a = article(all.get(0));
            assertThat(a.id()).isEqualTo(ArticleIds.of("https://news.example.org/2024/05/expulsion", "x", "y"));
            assertThat(a.url()).isEqualTo("https://news.example.org/2024/05/expulsion");
            assertThat(a.origin()).isEqualTo(a.url());
            assertThat(a.title()).isEqualTo("Diplomats expelled");
            assertThat(a.body()).isEqualTo("The ministry ordered two diplomats to leave & gave them a week.");
            assertThat(a.outlet()).isEqualTo("Example Wire");
            assertThat(a.language()).isEqualTo("en");
            assertThat(a.published()).isEqualTo(Instant.parse("2024-05-14T00:00:00Z"));
            assertThat(a.publishedPrecision()).isEqualTo(DatePrecision.DAY);
            assertThat(article(all.get(2)).published()).isEqualTo(Instant.parse("2024-05-16T00:00:00Z"));
            assertThat(all.stream().map(i -> article(i).id()).distinct()).hasSize(3);
        }
    }

    @Test
    void aRestartedPollerGivesTheSameIdsForTheSameItems() throws Exception {
        try (FeedServer s1 = new FeedServer(); FeedServer s2 = new FeedServer()) {
            List<String> first = new FeedPoller(s1.uri("/feed.xml"), Duration.ofSeconds(5), 10, Clock.systemUTC())
                    .poll().items().stream().map(i -> article(i).id()).toList();
            List<String> again = new FeedPoller(s2.uri("/feed.xml"), Duration.ofSeconds(5), 10, Clock.systemUTC())
                    .poll().items().stream().map(i -> article(i).id()).toList();
            assertThat(again).hasSize(2).isEqualTo(first);
        }
    }

    @Test
    void atomEntriesBecomeArticlesWithTheirContentAsBody() throws Exception {
        try (FeedServer server = new FeedServer()) {
            FeedPoller.Poll p = new FeedPoller(server.uri("/atom.xml"), Duration.ofSeconds(5), 10, Clock.systemUTC()).poll();
            assertThat(p.items()).hasSize(1);
            Article a = article(p.items().get(0));
            assertThat(a.title()).isEqualTo("Ambassador recalled");
            assertThat(a.body()).isEqualTo("The ambassador was recalled for consultations.");
            assertThat(a.url()).isEqualTo("https://atom.example.org/recall");
            assertThat(a.outlet()).isEqualTo("Atom Wire");
            assertThat(a.published()).isEqualTo(Instant.parse("2024-05-17T00:00:00Z"));
        }
    }

    @Test
    void aBrokenFeedIsARejectionAndAnUnreachableOneAClearError() throws Exception {
        try (FeedServer server = new FeedServer()) {
            FeedPoller.Poll p = new FeedPoller(server.uri("/broken.xml"), Duration.ofSeconds(5), 10, Clock.systemUTC()).poll();
            assertThat(p.items()).singleElement().isInstanceOfSatisfying(InputItem.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo("BAD_FEED"));
        }
        FeedPoller.Poll dead = new FeedPoller(java.net.URI.create("http://127.0.0.1:1/feed.xml"), Duration.ofSeconds(2), 10,
                Clock.systemUTC()).poll();
        assertThat(dead.items()).isEmpty();
        assertThat(dead.error()).startsWith("feed http://127.0.0.1:1/feed.xml: ");
    }
}
