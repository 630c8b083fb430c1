package io.riposte.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.avro.Alert;
import io.riposte.avro.AlertType;
import io.riposte.avro.Chain;
import io.riposte.avro.ChainStep;
import io.riposte.avro.DatePrecision;
import io.riposte.avro.FuzzyDate;
import io.riposte.cli.TestAccess;
import io.riposte.consumer.DyadSink;
import io.riposte.consumer.web.ConsumerHttpServer;
import io.riposte.producer.ArticleFiles;
import io.riposte.producer.ArticlePublisher;
import io.riposte.producer.ProduceSummary;
import io.riposte.serde.SpecificAvroSerializer;
import io.riposte.streams.RiposteStreamsApp;
import io.riposte.topics.Topics;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer's HTTP side against the embedded cluster after replaying the sample articles plus one
 * hostile article: /health, /metrics, the SSE feed, and the dashboard in a real headless Chromium
 * (installed from Debian when absent and we are root; skipped with a message otherwise).
 */
class DashboardBrowserTest extends ClusterTest {
    /** Hostile markup in the title and body of a real-looking article. */
    static final String HOSTILE = " date 2021-06-01 Czech Republic expels 5 Russian diplomats <script>window.__xss=1;"
            + "document.body.setAttribute('data-xss','title')</script>\n\n"
            + "PRAGUE - The Czech Republic on Tuesday expelled 5 Russian diplomats <img src=x onerror=\"window.__xss=2;"
            + "document.body.setAttribute('data-xss','img')\"> over spying, the foreign ministry said. "
            + "Russia expelled 5 Czech diplomats on Thursday in retaliation <script>window.__xss=3</script>.\n";

    static Path work;
    static DyadSink sink;
    static RiposteStreamsApp streams;
    static ConsumerHttpServer web;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void replayAndServe() throws Exception {
        work = Files.createTempDirectory("riposte-dashboard");
        Path articles = work.resolve("articles");
        Files.createDirectories(articles);
        try (Stream<Path> files = Files.list(PipelineScenario.sampleArticles())) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".txt")).toList()) {
                Files.copy(f, articles.resolve(f.getFileName().toString()));
            }
        }
        Files.writeString(articles.resolve("zz_hostile.txt"), HOSTILE, StandardCharsets.UTF_8);

        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", cluster.bootstrapServers());
        config.put("schema.registry.url", cluster.registryUrl());
        config.put("state.dir", work.resolve("state").toString());
        config.put("application.id", "riposte-dashboard-test");
        config.put(RiposteStreamsApp.HTTP_PORT, -1);
        config.put("statestore.cache.max.bytes", 0);

        var registry = ConsumerHttpServer.newRegistry();
        sink = new DyadSink(config, DyadSink.Options.defaults(), a -> { }, System.err).withMetrics(registry);
        web = ConsumerHttpServer.start(sink, registry, "127.0.0.1", 0);
        sink.withEveryAlert(web::onAlert);
        sink.start();
        streams = TestAccess.streamsApp(config);
        streams.start();
        assertThat(streams.awaitRunning(Duration.ofSeconds(60))).isTrue();
        ProduceSummary summary;
        ArticleFiles files = new ArticleFiles(ArticleFiles.DEFAULT_MAX_BYTES, List.of("gold*.jsonl", "chains*.jsonl"), Clock.systemUTC());
        try (ArticlePublisher publisher = new ArticlePublisher(config, System.err)) {
            summary = publisher.publish(List.of(articles), files);
        }
        assertThat(summary.failure()).isNull();
        assertThat(TestAccess.awaitDone(config, summary, sink, streams, Duration.ofSeconds(180), Duration.ofSeconds(2), System.err))
                .as("pipeline processed everything in time").isTrue();
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
        if (streams != null) {
            streams.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(web.url() + path.substring(1))).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static double value(String prometheus, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(prometheus);
        assertThat(m.find()).as(name + " in /metrics").isTrue();
        return Double.parseDouble(m.group(2));
    }

    @Test
    void healthReportsLagAndMetricsCarryRealCounters() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"caught_up\":true", "\"lag\":0");
        assertThat(web.url()).startsWith("http://127.0.0.1:");

        String metrics = get("/metrics").body();
        assertThat(value(metrics, "riposte_consumer_records_read_total")).isEqualTo(sink.recordsRead()).isPositive();
        assertThat(value(metrics, "riposte_consumer_dyad_upserts_total")).isEqualTo(sink.upserts()).isPositive();
        assertThat(value(metrics, "riposte_consumer_dyads")).isEqualTo(sink.dyadCount()).isPositive();
        assertThat(value(metrics, "riposte_consumer_lag_records")).isZero();
        // Kafka's own client metrics through Micrometer's KafkaClientMetrics binder.
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_consumed_total", "kafka_producer_record_send_total");
    }

    @Test
    void everyResponseCarriesAStrictCspAndAssetsComeFromTheApp() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.body()).doesNotContain("http://cdn", "https://cdn", "<style");
        assertThat(get("/dashboard.js").headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(get("/dashboard.css").body()).contains("svg.timeline");
    }

    @Test
    void anAlertCommittedOnTheTopicReachesTheEventStream() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        var stream = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(web.url() + "events")).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        p.put("transactional.id", "dashboard-sse-test");
        SpecificAvroSerializer<Alert> ser = new SpecificAvroSerializer<>();
        ser.configure(Map.of("schema.registry.url", cluster.registryUrl()), false);
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(p, new StringSerializer(), ser)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.ALERTS, "CZE-RUS", Alert.newBuilder().setId("sse-1").setType(AlertType.RETALIATION)
                    .setDyad("CZE-RUS").setSeverity(-5).setSummary("live <b>step</b>")
                    .setActionDate(FuzzyDate.newBuilder().setYear(2021).setMonth(6).setDay(3).setPrecision(DatePrecision.DAY).build()).build()));
            producer.commitTransaction();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String data = null;
        while (data == null && System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("data: ") && line.contains("sse-1")) {
                data = line;
            }
        }
        assertThat(data).as("alert on /events").isNotNull().contains("\"type\":\"RETALIATION\"", "live <b>step</b>");
    }

    @Test
    void theDashboardInHeadlessChromiumShowsEveryChainStepAndRunsNoArticleScript() throws Exception {
        String chromium = chromium();
        List<Chain> chains = sink.chains();
        assertThat(chains).as("chains after the replay").isNotEmpty();

        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        Path png = target.resolve("dashboard.png");
        Files.deleteIfExists(png);
        run(chromium, List.of("--screenshot=" + png, "--window-size=1400,1000"));
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);

        String dom = run(chromium, List.of("--dump-dom"));
        assertThat(dom).contains("Dyads by escalation", "<svg class=\"timeline\"");
        for (Chain c : chains) {
            for (ChainStep s : c.getSteps()) {
                assertThat(dom).as("step %s of chain %s", s.getActionId(), c.getId()).contains("id=\"step-" + s.getActionId() + "\"");
            }
        }
        // XSS: the hostile article's markup is on the page as text, and none of it ran.
        assertThat(dom).contains("&lt;script&gt;window.__xss=");
        assertThat(Pattern.compile("<script").matcher(dom).results().count()).as("script elements").isEqualTo(1);
        assertThat(dom).contains("<script src=\"/dashboard.js\" defer=\"\"></script>");
        assertThat(dom).doesNotContain("data-xss=\"", "<img src=\"x\"");
        Files.writeString(target.resolve("dashboard-dom.html"), dom);
    }

    private static String run(String chromium, List<String> extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile));
        cmd.addAll(extra);
        cmd.add(web.url());
        File out = work.resolve("chromium-" + System.nanoTime() + ".out").toFile();
        Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s: " + cmd);
        }
        return Files.readString(out.toPath());
    }

    /** Debian's chromium, installed when absent and we may; the test is skipped with the reason otherwise. */
    static String chromium() throws Exception {
        Path bin = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(bin) && "root".equals(System.getProperty("user.name"))) {
            System.err.println("DashboardBrowserTest: installing chromium with apt-get (may take minutes)");
            Process p = new ProcessBuilder("apt-get", "install", "-y", "--no-install-recommends", "chromium")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        }
        Assumptions.assumeTrue(Files.isExecutable(bin),
                "headless chromium not available: /usr/bin/chromium is missing and could not be installed (apt-get install chromium needs root and the Debian mirror)");
        return bin.toString();
    }
}
