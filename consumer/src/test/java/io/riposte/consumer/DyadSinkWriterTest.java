package io.riposte.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The sink writer's rules without a cluster: write only when the bytes change, tombstone only what is held. */
class DyadSinkWriterTest {

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final DyadSinkWriter writer = new DyadSinkWriter("dyads", "dyads-avro");

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> sent() {
        return producer.history().stream()
                .map(r -> r.topic() + " " + r.key() + " " + (r.value() == null ? "tombstone" : new String(r.value(), StandardCharsets.UTF_8)))
                .toList();
    }

    @Test
    void theSameJsonTwiceIsWrittenOnceAndAChangeIsWrittenAgain() {
        assertThat(writer.writeJson(producer, "FRA-MLI", "{\"chains\":1}")).isEqualTo(1);
        assertThat(writer.writeJson(producer, "FRA-MLI", "{\"chains\":1}")).isZero();
        assertThat(writer.writeJson(producer, "FRA-MLI", "{\"chains\":2}")).isEqualTo(1);
        assertThat(sent()).containsExactly("dyads FRA-MLI {\"chains\":1}", "dyads FRA-MLI {\"chains\":2}");
    }

    @Test
    void equalAvroBytesInANewArrayAreNotWrittenAgain() {
        assertThat(writer.writeAvro(producer, "FRA-MLI", new byte[] {1, 2, 3})).isEqualTo(1);
        assertThat(writer.writeAvro(producer, "FRA-MLI", new byte[] {1, 2, 3})).isZero();
        assertThat(writer.writeAvro(producer, "FRA-MLI", new byte[] {1, 2, 4})).isEqualTo(1);
        assertThat(producer.history()).extracting(ProducerRecord::topic).containsExactly("dyads-avro", "dyads-avro");
    }

    @Test
    void aVanishedDyadGetsOneTombstoneOnlyIfTheTopicHeldIt() {
        assertThat(writer.writeJson(producer, "ARM-AZE", null)).as("never written: nothing to delete").isZero();
        assertThat(writer.writeAvro(producer, "ARM-AZE", null)).isZero();
        writer.writeJson(producer, "ARM-AZE", "{}");
        writer.writeAvro(producer, "ARM-AZE", new byte[] {7});
        assertThat(writer.heldDyads()).containsExactly("ARM-AZE");

        assertThat(writer.writeJson(producer, "ARM-AZE", null)).isEqualTo(1);
        assertThat(writer.writeAvro(producer, "ARM-AZE", null)).isEqualTo(1);
        assertThat(writer.writeJson(producer, "ARM-AZE", null)).as("already a tombstone").isZero();
        assertThat(writer.writeAvro(producer, "ARM-AZE", null)).isZero();
        assertThat(writer.heldDyads()).isEmpty();
        assertThat(sent()).containsExactly("dyads ARM-AZE {}", "dyads-avro ARM-AZE \u0007",
                "dyads ARM-AZE tombstone", "dyads-avro ARM-AZE tombstone");
    }

    @Test
    void whatTheTopicsHeldAtStartIsNotRewrittenAndTheirTombstonesForgetIt() {
        writer.remember("dyads", "CHN-LTU", utf8("{\"v\":1}"));
        writer.remember("dyads-avro", "CHN-LTU", new byte[] {9});
        writer.remember("dyads", "GBR-IRN", utf8("{\"v\":0}"));
        writer.remember("dyads", "GBR-IRN", null);

        assertThat(writer.heldDyads()).containsExactly("CHN-LTU");
        assertThat(writer.writeJson(producer, "CHN-LTU", "{\"v\":1}")).isZero();
        assertThat(writer.writeAvro(producer, "CHN-LTU", new byte[] {9})).isZero();
        assertThat(writer.writeJson(producer, "GBR-IRN", null)).as("the topic already holds its tombstone").isZero();
        assertThat(writer.writeJson(producer, "GBR-IRN", "{\"v\":0}")).as("held no more: written again").isEqualTo(1);
        assertThat(sent()).containsExactly("dyads GBR-IRN {\"v\":0}");
    }
}
