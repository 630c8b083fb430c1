package io.riposte.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.domain.ActionType;
import io.riposte.domain.Chain;
import io.riposte.domain.ChainStatus;
import io.riposte.domain.ChainStep;
import io.riposte.domain.FuzzyDate;
import io.riposte.streams.RiposteStreamsApp;
import io.riposte.streams.StreamsCounters;
import io.riposte.streams.TopologyDescriptionTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query server while Streams is not running (the running case is in EmbeddedClusterTest). */
class QueryServerTest {
    @TempDir
    Path state;
    KafkaStreams streams;
    QueryServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() throws Exception {
        Map<String, Object> config = new HashMap<>(TopologyDescriptionTest.config());
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        Properties p = new Properties();
        p.putAll(config);
        p.keySet().removeIf(k -> k.toString().startsWith("riposte."));
        // Created but never started: state CREATED, no connection attempted.
        streams = new KafkaStreams(TopologyDescriptionTest.topology(), p);
        server = QueryServer.start(streams, new StreamsCounters(), "127.0.0.1", 0);
    }

    @AfterEach
    void tearDown() {
        server.close();
        streams.close(Duration.ofSeconds(5));
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void queriesAnswer503WithTheReasonWhileStreamsIsNotRunning() throws Exception {
        for (String path : new String[] {"/chains", "/chains/c1", "/actions/a1", "/dyads/RUS-USA"}) {
            HttpResponse<String> r = send("GET", path);
            assertThat(r.statusCode()).as(path).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            JsonNode body = json.readTree(r.body());
            assertThat(body.get("state").asText()).isEqualTo("CREATED");
            assertThat(body.get("reason").asText()).contains("not RUNNING");
        }
    }

    @Test
    void healthReportsStateAndCounters() throws Exception {
        HttpResponse<String> r = send("GET", "/health");
        assertThat(r.statusCode()).isEqualTo(503);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("state").asText()).isEqualTo("CREATED");
        assertThat(body.get("counters").get("articles_processed").asLong()).isZero();
    }

    @Test
    void onlyGetIsAllowed() throws Exception {
        assertThat(send("POST", "/chains").statusCode()).isEqualTo(405);
        assertThat(send("DELETE", "/chains/c1").statusCode()).isEqualTo(405);
    }

    @Test
    void recordsAreWrittenInTheJsonContractWithFlatDates() throws Exception {
        ObjectMapper m = QueryServer.mapper();
        Chain c = new Chain("chain-1", "CZE-RUS", ChainStatus.ACTIVE, 12.5, FuzzyDate.ofMonthWithoutYear(9, "in September"),
                FuzzyDate.ofDay(LocalDate.of(2021, 4, 17)),
                List.of(new ChainStep("act-1", "CZE", "RUS", ActionType.EXPEL_DIPLOMATS, FuzzyDate.UNKNOWN, 18, List.of())));
        JsonNode chain = m.readTree(m.writeValueAsString(List.of(c))).get(0);
        assertThat(chain.get("first_date").asText()).isEqualTo("--09");
        assertThat(chain.get("first_date_precision").asText()).isEqualTo("MONTH");
        assertThat(chain.get("first_date_note").asText()).isEqualTo("in September");
        assertThat(chain.get("last_date").asText()).isEqualTo("2021-04-17");
        assertThat(chain.get("last_date_precision").asText()).isEqualTo("DAY");
        JsonNode step = chain.get("steps").get(0);
        assertThat(step.get("action_id").asText()).isEqualTo("act-1");
        assertThat(step.get("date").isNull()).isTrue();
        assertThat(step.get("date_precision").asText()).isEqualTo("UNKNOWN");
        assertThat(chain.toString()).doesNotContain("firstDate", "actionId", "\"iso\"");
        // an action's evidence carries each report's own date, in the same flat form (issue 13)
        JsonNode evidence = io.riposte.json.JsonContract.evidence(new io.riposte.domain.Evidence("a1", "a1.txt", "A sentence.", 0, 11,
                FuzzyDate.ofMonth(2021, 4)));
        assertThat(evidence.get("date").asText()).isEqualTo("2021-04");
        assertThat(evidence.get("date_precision").asText()).isEqualTo("MONTH");
    }

    @Test
    void defaultConfigIsExactlyOnceWithDeadLetters() {
        Map<String, Object> c = RiposteStreamsApp.config(Map.of("application.id", "other"));
        assertThat(c).containsEntry("application.id", "other")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("errors.dead.letter.queue.topic.name", "dead-letters")
                .containsEntry("ensure.explicit.internal.resource.naming", true)
                .containsEntry(RiposteStreamsApp.HTTP_HOST, "127.0.0.1");
    }
}
