package io.riposte.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.avro.AlertType;
import io.riposte.cli.e2e.CommandsAgainstClusterTest.Run;
import io.riposte.consumer.WebhookNotifier;
import io.riposte.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A record on {@code alerts} that is not an alert is parked with the reason, and the ones after it still go out. */
class NotifyUnreadableAlertTest extends ClusterTest {
    @Test
    void anUnreadableRecordIsParkedAsReadAndTheNextAlertIsDelivered() throws Exception {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        p.put("transactional.id", "notify-garbage");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.ALERTS, 0, "GBR-RUS", garbage));
            producer.commitTransaction();
        }
        NotifyCommandTest.publish(true, AlertsCommandTest.alert("ok-1", "GBR-RUS", AlertType.RETALIATION, -5.0, "a reply"));

        try (NotifyCommandTest.Receiver hook = new NotifyCommandTest.Receiver(NotifyCommandTest.freePort(), (key, n) -> 200)) {
            Run r = CommandsAgainstClusterTest.riposte("notify", "-b", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl(),
                    "--webhook", "http://127.0.0.1:" + hook.port + "/hook", "--group", "garbage", "--exit-when-idle", "2");
            assertThat(r.code()).as(r.err()).isEqualTo(3);
            assertThat(hook.delivered()).containsExactly("ok-1");
            assertThat(r.err()).contains("delivered 1", "parked 1 {UNREADABLE=1}");
        }
        List<ConsumerRecord<String, byte[]>> parked = TopicContent.read(cluster.bootstrapServers(), Topics.NOTIFY_DEAD_LETTERS);
        assertThat(parked).singleElement().satisfies(d -> {
            assertThat(d.value()).isEqualTo(garbage);
            assertThat(d.key()).isEqualTo("GBR-RUS");
            assertThat(new String(d.headers().lastHeader(WebhookNotifier.REASON).value(), StandardCharsets.UTF_8)).isEqualTo("UNREADABLE");
            assertThat(new String(d.headers().lastHeader(WebhookNotifier.MESSAGE).value(), StandardCharsets.UTF_8)).isNotBlank();
        });
    }
}
