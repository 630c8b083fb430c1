package io.riposte.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code riposte bench} end to end on a small run: it finishes, writes every figure, and the counts reconcile. No timing is asserted. */
class BenchCommandTest {

    @Test
    void aSmallRunReconcilesAndWritesEveryFigure(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        int code = Main.execute("bench", "--articles", "300", "--rate", "40", "--duration", "5", "--threads", "1",
                "--streams-heap", "256m", "--seed", "7", "--work-dir", dir.resolve("work").toString(),
                "--timeout", "180", "--json", json.toString());
        assertThat(code).isZero();
        JsonNode r = new ObjectMapper().readTree(Files.readString(json));

        assertThat(r.at("/settings/mode").asText()).isEqualTo("all");
        assertThat(r.at("/throughput/articles").asInt()).isEqualTo(300);
        for (String f : new String[] {"publish_seconds", "publish_articles_per_s", "end_to_end_seconds",
            "end_to_end_articles_per_s", "streams_cpu_seconds"}) {
            assertThat(r.at("/throughput/" + f).asDouble()).as(f).isPositive();
        }
        assertThat(r.at("/latency/articles").asInt()).isEqualTo(200);
        JsonNode alerts = r.at("/latency/publish_to_alert_append_ms");
        assertThat(alerts.path("count").asLong()).as("alerts tied to their articles").isPositive();
        assertThat(alerts.has("p50") && alerts.has("p95") && alerts.has("p99") && alerts.has("max")).isTrue();
        assertThat(alerts.path("p50").asLong()).isLessThanOrEqualTo(alerts.path("max").asLong());
        assertThat(r.at("/latency/publish_to_first_action_visible_ms/count").asLong()).isPositive();

        assertThat(r.at("/resources/streams_heap_used_after_gc_bytes").asLong()).isPositive()
                .isLessThan(256L * 1024 * 1024);
        assertThat(r.at("/resources/streams_rss_bytes").asLong()).isPositive();
        assertThat(r.at("/resources/bench_rss_bytes").asLong()).isPositive();

        // Every article published was consumed and committed by the Streams app, and every mention correlated.
        JsonNode c = r.path("counts");
        assertThat(c.path("articles_published").asLong()).isEqualTo(500);
        assertThat(c.path("articles_committed").asLong()).isEqualTo(500);
        assertThat(c.path("articles_processed").asLong()).isEqualTo(500);
        assertThat(c.path("mentions_correlated").asLong()).isEqualTo(c.path("mentions_extracted").asLong()).isPositive();
        assertThat(c.path("dead_lettered").asLong()).isZero();
        assertThat(c.path("chains_records").asLong()).isPositive();
        assertThat(c.path("chains_live").asLong()).isPositive().isLessThanOrEqualTo(c.path("chains_records").asLong());
        assertThat(c.path("actions_records").asLong()).isGreaterThanOrEqualTo(c.path("actions_live").asLong());
        assertThat(c.path("alerts_records").asLong()).isGreaterThanOrEqualTo(alerts.path("count").asLong());
    }

    @Test
    void aBadModeFailsBeforeStartingAnything() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("bench", "--mode", "fastest")).isEqualTo(1);
        assertThat(err.toString()).contains("--mode must be throughput, latency or all");
    }
}
