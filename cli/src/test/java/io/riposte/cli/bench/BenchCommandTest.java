package io.riposte.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code riposte bench} end to end on small runs: it finishes, writes every figure, the counts reconcile, several
 * instances share the work, and the pass-through ceiling runs beside Riposte. No timing is asserted.
 */
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
        JsonNode kinds = r.at("/throughput/streams_cpu_seconds_by_thread_kind");
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(kinds.path("application").asDouble()).as("stream threads worked").isPositive();
            assertThat(kinds.path("jit_compiler").asDouble()).as("a cold JVM compiles").isPositive();
            double split = 0;
            for (JsonNode k : kinds) {
                split += k.asDouble();
            }
            // Threads that ended during the phase are in the process total only.
            assertThat(split).isLessThanOrEqualTo(r.at("/throughput/streams_cpu_seconds").asDouble() + 0.05);
        }
        assertThat(r.at("/latency/articles").asInt()).isEqualTo(200);
        assertThat(r.at("/latency/warmup_articles").asInt()).as("the throughput phase warmed the JVM up").isZero();
        assertThat(r.at("/latency/achieved_rate").asDouble()).isPositive();
        assertThat(r.at("/latency/publish_max_behind_schedule_ms").isIntegralNumber()).isTrue();
        assertThat(r.at("/latency/rate_sustained").isBoolean()).isTrue();
        JsonNode alerts = r.at("/latency/publish_to_alert_append_ms");
        assertThat(alerts.path("count").asLong()).as("alerts tied to their articles").isPositive();
        assertThat(alerts.has("p50") && alerts.has("p95") && alerts.has("p99") && alerts.has("max")).isTrue();
        assertThat(alerts.path("p50").asLong()).isLessThanOrEqualTo(alerts.path("max").asLong());
        assertThat(r.at("/latency/publish_to_first_action_visible_ms/count").asLong()).isPositive();
        // The measured span's CPU, and what the apps processed in it: the 200 articles of the phase.
        assertThat(r.at("/latency/streams_cpu_seconds").asDouble()).isPositive();
        assertThat(r.at("/latency/instance_1/articles_processed").asLong()).isEqualTo(200);
        assertThat(r.at("/latency/streams_cpu_ms_per_article").asDouble())
                .isCloseTo(r.at("/latency/streams_cpu_seconds").asDouble() * 1000 / 200, org.assertj.core.data.Offset.offset(1e-6));

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
    void twoInstancesShareTheWorkAndTheCeilingRunsUnderItsOwnPrefix(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        int n = 200;
        int code = Main.execute("bench", "--mode", "throughput", "--articles", Integer.toString(n), "--instances", "2",
                "--ceiling", "--topic-prefix", "team-a.", "--threads", "1", "--streams-heap", "256m", "--seed", "11",
                "--work-dir", dir.resolve("work").toString(), "--timeout", "180", "--json", json.toString());
        assertThat(code).isZero();
        JsonNode r = new ObjectMapper().readTree(Files.readString(json));

        assertThat(r.at("/settings/instances").asInt()).isEqualTo(2);
        assertThat(r.at("/settings/topic_prefix").asText()).isEqualTo("team-a.");
        assertThat(r.at("/run/streams_pids")).hasSize(2);
        // Both instances got work, and between them every task of both sub-topologies ran exactly once.
        for (String section : new String[] {"assignment", "ceiling"}) {
            List<String> tasks = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                JsonNode byThread = r.at("/" + section + "/instance_" + i + "_tasks_by_thread");
                List<String> own = new ArrayList<>();
                byThread.forEach(t -> t.forEach(task -> own.add(task.asText())));
                assertThat(own).as(section + " instance " + i).isNotEmpty();
                tasks.addAll(own);
            }
            List<String> all = new ArrayList<>();
            for (int sub = 0; sub <= 1; sub++) {
                for (int p = 0; p < io.riposte.topics.Topics.ARTICLES_PARTITIONS; p++) {
                    all.add(sub + "_" + p);
                }
            }
            assertThat(tasks).as(section).containsExactlyInAnyOrderElementsOf(all);
        }
        long processed = r.at("/throughput/instance_1/articles_processed").asLong()
                + r.at("/throughput/instance_2/articles_processed").asLong();
        assertThat(processed).isEqualTo(n);
        assertThat(r.at("/throughput/instance_1/cpu_seconds").asDouble()).isPositive();
        assertThat(r.at("/throughput/instance_2/cpu_seconds").asDouble()).isPositive();
        assertThat(r.at("/resources/instance_1/heap_used_after_gc_bytes").asLong()).isPositive();
        assertThat(r.at("/resources/instance_2/heap_used_after_gc_bytes").asLong()).isPositive();
        JsonNode c = r.path("counts");
        assertThat(c.path("articles_committed").asLong()).isEqualTo(n);
        assertThat(c.path("mentions_correlated").asLong()).isEqualTo(c.path("mentions_extracted").asLong()).isPositive();
        assertThat(c.path("actions_records").asLong()).isPositive();

        // The pass-through pipeline moved the same articles, one output record each, and the report compares the two.
        assertThat(r.at("/ceiling/topic_prefix").asText()).isEqualTo("team-a.pass-through.");
        assertThat(r.at("/ceiling/articles").asInt()).isEqualTo(n);
        assertThat(r.at("/ceiling/output_records").asLong()).isEqualTo(n);
        assertThat(r.at("/ceiling/instance_1/articles_processed").asLong() + r.at("/ceiling/instance_2/articles_processed").asLong())
                .isEqualTo(n);
        assertThat(r.at("/ceiling/instance_1/actions_extracted").asLong()).isZero();
        double riposte = r.at("/throughput/end_to_end_articles_per_s").asDouble();
        double ceiling = r.at("/ceiling/end_to_end_articles_per_s").asDouble();
        assertThat(ceiling).isPositive();
        assertThat(r.at("/ceiling/riposte_fraction_of_ceiling").asDouble()).isCloseTo(riposte / ceiling, within(1e-9));
    }

    @Test
    void theCeilingNeedsAThroughputPhaseAndThePrefixMustBeLegal() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("bench", "--mode", "latency", "--ceiling")).isEqualTo(1);
        assertThat(err.toString()).contains("--ceiling compares with the throughput phase");
        assertThat(cl.execute("bench", "--topic-prefix", "a b")).isEqualTo(1);
        assertThat(err.toString()).contains("is not a legal topic prefix");
        assertThat(cl.execute("bench", "--instances", "0")).isEqualTo(1);
        assertThat(err.toString()).contains("--instances must be positive");
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
