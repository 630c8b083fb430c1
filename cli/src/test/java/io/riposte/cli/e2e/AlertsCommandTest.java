package io.riposte.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.avro.Alert;
import io.riposte.avro.AlertType;
import io.riposte.avro.DatePrecision;
import io.riposte.avro.FuzzyDate;
import io.riposte.cli.e2e.CommandsAgainstClusterTest.Run;
import io.riposte.serde.SpecificAvroSerializer;
import io.riposte.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code riposte alerts} on a real broker and registry: committed alerts only, filtered, one plain line each. */
class AlertsCommandTest extends ClusterTest {
    static Alert alert(String id, String dyad, AlertType type, double severity, String summary) {
        return Alert.newBuilder().setId(id).setType(type).setDyad(dyad).setSeverity(severity)
                .setActionDate(FuzzyDate.newBuilder().setYear(2018).setMonth(3).setDay(26).setPrecision(DatePrecision.DAY).build())
                .setSummary(summary).build();
    }

    @BeforeAll
    static void writeAlerts() {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        p.put("transactional.id", "alerts-command-test");
        SpecificAvroSerializer<Alert> ser = new SpecificAvroSerializer<>();
        ser.configure(Map.of("schema.registry.url", cluster.registryUrl()), false);
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(p, new StringSerializer(), ser)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (Alert a : new Alert[] {
                alert("a1", "GBR-RUS", AlertType.ESCALATION, -7.5, "expulsion answered with a larger one"),
                alert("a2", "GBR-RUS", AlertType.THREAT, -4.0, "a response is promised"),
                alert("a3", "CHN-USA", AlertType.RETALIATION, -5.0, "tariffs answered")}) {
                producer.send(new ProducerRecord<>(Topics.ALERTS, a.getDyad(), a));
            }
            producer.commitTransaction();
            // An aborted transaction: a read_committed tail must never show it.
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.ALERTS, "GBR-RUS", alert("x", "GBR-RUS", AlertType.ESCALATION, -9, "ABORTED-ONE")));
            producer.flush();
            producer.abortTransaction();
        }
    }

    @Test
    void printsTheCommittedAlertsPlainWhenPipedAndExits() {
        Run r = CommandsAgainstClusterTest.riposte("alerts", "-b", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(3);
        assertThat(r.out()).contains("[ESCALATION]", "GBR-RUS", "2018-03-26", "expulsion answered with a larger one", "tariffs answered")
                .doesNotContain("ABORTED-ONE", "\u001b");
        assertThat(r.err()).contains("alerts: 3 shown of 3 read");
    }

    @Test
    void filtersByDyadInEitherOrderAndBySeverity() {
        Run r = CommandsAgainstClusterTest.riposte("alerts", "-b", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl(),
                "--dyad", "RUS-GBR", "--min-severity", "high");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).singleElement().asString().contains("expulsion answered with a larger one");
    }

    @Test
    void writesTheJsonContractFilteredByTypeAndSince() throws Exception {
        Run r = CommandsAgainstClusterTest.riposte("alerts", "-b", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl(),
                "--output", "json", "--type", "ESCALATION,THREAT", "--since", "PT1H");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).extracting(n -> n.get("id").asText()).containsExactlyInAnyOrder("a1", "a2");
        assertThat(lines).allSatisfy(n -> {
            assertThat(n.get("action_date").asText()).isEqualTo("2018-03-26");
            assertThat(n.get("action_date_precision").asText()).isEqualTo("DAY");
        });

        Run none = CommandsAgainstClusterTest.riposte("alerts", "-b", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl(),
                "--since", Instant.now().plusSeconds(3600).toString());
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(none.out()).isEmpty();
    }

    @Test
    void aBadFilterIsRefusedWithTheReason() {
        Run r = CommandsAgainstClusterTest.riposte("alerts", "-b", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl(),
                "--min-severity", "terrible");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--min-severity wants low, medium, high or a number");
    }
}
