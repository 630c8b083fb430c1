package io.riposte.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.MockAdminClient;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

/**
 * The describe after a creation: a broker that has not yet learnt of a topic it just created answers
 * "unknown topic or partition" for a moment (seen on a loaded machine); that is waited out until the
 * deadline, while any other describe failure is reported at once.
 */
class TopicAdminRetryTest {
    private static final List<TopicSpec> SPECS = List.of(
            new TopicSpec("t-articles", 3, Map.of(), "article id", "Article"),
            new TopicSpec("t-actions", 1, Map.of("cleanup.policy", "compact"), "action id", "Action"));

    private static final Node BROKER = new Node(0, "localhost", 9092);

    /** A mock cluster whose first {@code failures} describes fail with {@code error}. */
    private static final class FlakyDescribe extends MockAdminClient {
        final AtomicInteger describes = new AtomicInteger();
        private final int failures;
        private final RuntimeException error;

        FlakyDescribe(int failures, RuntimeException error) {
            super(List.of(BROKER), BROKER);
            this.failures = failures;
            this.error = error;
        }

        @Override
        public synchronized DescribeTopicsResult describeTopics(TopicCollection topics, DescribeTopicsOptions options) {
            if (describes.incrementAndGet() > failures) {
                return super.describeTopics(topics, options);
            }
            Map<String, KafkaFuture<org.apache.kafka.clients.admin.TopicDescription>> failed = new HashMap<>();
            for (String name : ((TopicCollection.TopicNameCollection) topics).topicNames()) {
                KafkaFutureImpl<org.apache.kafka.clients.admin.TopicDescription> f = new KafkaFutureImpl<>();
                f.completeExceptionally(error);
                failed.put(name, f);
            }
            return new DescribeTopicsResult(null, failed) { };
        }
    }

    @Test
    void aTopicTheBrokerHasNotLearntYetIsWaitedOut() {
        try (FlakyDescribe admin = new FlakyDescribe(3, new UnknownTopicOrPartitionException("not hosted yet"))) {
            List<String> created = TopicAdmin.createAll(admin, SPECS, Duration.ofSeconds(30));

            assertThat(created).containsExactlyInAnyOrder("t-articles", "t-actions");
            assertThat(admin.describes.get()).isEqualTo(4);
        }
    }

    @Test
    void anUnknownTopicThatStaysUnknownFailsAtTheDeadlineNamingTheCause() {
        try (FlakyDescribe admin = new FlakyDescribe(Integer.MAX_VALUE, new UnknownTopicOrPartitionException("not hosted yet"))) {
            assertThatThrownBy(() -> TopicAdmin.createAll(admin, SPECS, Duration.ofMillis(800)))
                    .isInstanceOf(KafkaException.class)
                    .hasMessageContaining("describe topics")
                    .hasMessageContaining("not hosted yet");
            assertThat(admin.describes.get()).isGreaterThan(1);
        }
    }

    @Test
    void anyOtherDescribeFailureIsReportedWithoutRetrying() {
        try (FlakyDescribe admin = new FlakyDescribe(Integer.MAX_VALUE, new TopicAuthorizationException("not allowed"))) {
            assertThatThrownBy(() -> TopicAdmin.createAll(admin, SPECS, Duration.ofSeconds(30)))
                    .isInstanceOf(KafkaException.class)
                    .hasMessageContaining("not allowed");
            assertThat(admin.describes.get()).isEqualTo(1);
        }
    }

    @Test
    void anExistingTopicWithOtherPartitionsIsAnErrorNotARetry() {
        try (FlakyDescribe admin = new FlakyDescribe(0, new IllegalStateException("unused"))) {
            TopicAdmin.createAll(admin, List.of(new TopicSpec("t-articles", 6, Map.of(), "k", "v")), Duration.ofSeconds(30));

            assertThatThrownBy(() -> TopicAdmin.createAll(admin, SPECS, Duration.ofSeconds(30)))
                    .isInstanceOf(KafkaException.class)
                    .hasMessageContaining("'t-articles'")
                    .hasMessageContaining("with 6 partitions but Riposte expects 3");
        }
    }

    @Test
    void aTopicThatAcceptsAnyCountIsUsedWithTheCountItHas() throws Exception {
        try (FlakyDescribe admin = new FlakyDescribe(0, new IllegalStateException("unused"))) {
            TopicAdmin.createAll(admin, List.of(new TopicSpec("t-articles", 3, Map.of(), "k", "v")), Duration.ofSeconds(30));
            TopicSpec six = new TopicSpec("t-articles", 6, Map.of(), "article id", "Article", true);

            assertThat(TopicAdmin.createAll(admin, List.of(six, SPECS.get(1)), Duration.ofSeconds(30)))
                    .containsExactly("t-actions");
            assertThat(admin.describeTopics(List.of("t-articles")).allTopicNames().get().get("t-articles").partitions()).hasSize(3);
        }
    }
}
