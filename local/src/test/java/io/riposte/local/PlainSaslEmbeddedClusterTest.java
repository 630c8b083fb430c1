package io.riposte.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.local.registry.LocalSchemaRegistryTest;
import io.riposte.registry.HttpSchemaRegistryClient;
import io.riposte.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The same cluster with SASL/PLAIN instead of SCRAM: the broker's static user list instead of the metadata log. */
class PlainSaslEmbeddedClusterTest {
    @Test
    void plainAuthenticatesTheThreeUsersAndTheAclsStillApply() throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(Security.plain())) {
            Map<String, Object> app = new HashMap<>(cluster.clientConfig());
            assertThat(app).containsEntry("sasl.mechanism", "PLAIN");
            app.remove("schema.registry.url");
            app.put("max.block.ms", 5000);
            app.put("delivery.timeout.ms", 5000);
            app.put("request.timeout.ms", 3000);
            try (var producer = new KafkaProducer<>(app, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES, "k", "v")).get(10, TimeUnit.SECONDS);
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ACTIONS + "-other", "k", "v"))
                        .get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
            }
            // The registry runs as its own PLAIN user.
            assertThat(new HttpSchemaRegistryClient(cluster.registryUrl()).register("plain-value", LocalSchemaRegistryTest.V1))
                    .isPositive();

            Map<String, Object> wrong = new HashMap<>(Map.of("bootstrap.servers", cluster.bootstrapServers(),
                    "default.api.timeout.ms", 5000, "request.timeout.ms", 5000));
            wrong.putAll(cluster.security().clientProperties(new Security.Credentials("riposte", "NotThePassword")));
            try (Admin admin = Admin.create(wrong)) {
                assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(SaslAuthenticationException.class)
                        .hasMessageContaining("Invalid username or password");
            }
        }
    }
}
