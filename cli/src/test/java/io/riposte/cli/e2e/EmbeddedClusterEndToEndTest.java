package io.riposte.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.local.EmbeddedCluster;
import io.riposte.producer.ArticleFiles;
import io.riposte.producer.ArticlePublisher;
import io.riposte.producer.ProduceSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walking skeleton on a real in-process KRaft broker and the local registry over HTTP. */
class EmbeddedClusterEndToEndTest {
    static EmbeddedCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = EmbeddedCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void sampleArticlesBecomeChainsAlertsAndOneDyadRecordPerDyad(@TempDir Path state) throws Exception {
        PipelineScenario.run(cluster.bootstrapServers(), cluster.registryUrl(), state);
    }

    Map<String, Object> config(String bootstrap, String registry) {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrap);
        c.put("schema.registry.url", registry);
        c.put("max.block.ms", "3000");
        c.put("request.timeout.ms", "3000");
        c.put("delivery.timeout.ms", "6000");
        return c;
    }

    @Test
    void rejectedInputsGoToTheirTopicWithTheReasonAndTheSummaryReconciles(@TempDir Path dir) throws Exception {
        String articles = "it-articles";
        String rejected = "it-rejected";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(articles, 1, (short) 1), new NewTopic(rejected, 1, (short) 1))).all().get();
        }
        Files.writeString(dir.resolve("1.txt"), " date 2023-09-18 Envoy expelled\nOttawa told a senior diplomat to leave.");
        Files.writeString(dir.resolve("2.jsonl"), "{\"title\":\"Visas halted\",\"body\":\"Services were suspended.\"}\nnot json\n");
        Files.write(dir.resolve("3.txt"), new byte[0]);
        Files.write(dir.resolve("4.bin"), new byte[] {1, 0, 2, 0});
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        ProduceSummary s;
        try (ArticlePublisher p = new ArticlePublisher(config(cluster.bootstrapServers(), cluster.registryUrl()), articles, rejected,
                new PrintStream(errBytes, true, StandardCharsets.UTF_8))) {
            s = p.publish(List.of(dir), new ArticleFiles());
        }
        assertThat(s.failure()).isNull();
        assertThat(s.read()).isEqualTo(5);
        assertThat(s.published()).isEqualTo(2);
        assertThat(s.rejected()).containsExactlyInAnyOrderEntriesOf(Map.of("BAD_JSON", 1, "EMPTY", 1, "BINARY", 1));
        assertThat(s.exitCode()).isEqualTo(ProduceSummary.EXIT_REJECTED);
        assertThat(errBytes.toString(StandardCharsets.UTF_8).lines()).hasSize(3).allMatch(l -> l.startsWith("rejected "));

        assertThat(TopicContent.read(cluster.bootstrapServers(), articles)).hasSize(s.published());
        List<ConsumerRecord<String, byte[]>> rej = TopicContent.read(cluster.bootstrapServers(), rejected);
        Map<String, String> reasons = rej.stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> new String(r.headers().lastHeader(ArticlePublisher.HEADER_REASON).value(), StandardCharsets.UTF_8)));
        assertThat(reasons).isEqualTo(Map.of("2.jsonl:2", "BAD_JSON", "3.txt", "EMPTY", "4.bin", "BINARY"));
    }

    @Test
    void anUnreachableBrokerIsAClearErrorNotAHang(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Consulate closed\nThe consulate was ordered shut.");
        ProduceSummary s;
        try (ArticlePublisher p = new ArticlePublisher(config("127.0.0.1:1", cluster.registryUrl()), System.err)) {
            s = p.publish(List.of(dir), new ArticleFiles());
        }
        assertThat(s.exitCode()).isEqualTo(ProduceSummary.EXIT_FAILED);
        assertThat(s.published()).isZero();
        assertThat(s.failure()).contains("Kafka at 127.0.0.1:1", "did not answer in time", "max.block.ms=3000");
    }

    @Test
    void anUnreachableRegistryIsAClearErrorNotAHang(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Sanctions imposed\nAssets were frozen.");
        ProduceSummary s;
        try (ArticlePublisher p = new ArticlePublisher(config(cluster.bootstrapServers(), "http://127.0.0.1:1"), System.err)) {
            s = p.publish(List.of(dir), new ArticleFiles());
        }
        assertThat(s.exitCode()).isEqualTo(ProduceSummary.EXIT_FAILED);
        assertThat(s.failure()).startsWith("schema registry at http://127.0.0.1:1");
    }
}
