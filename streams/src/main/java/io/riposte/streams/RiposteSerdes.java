package io.riposte.streams;

import io.riposte.avro.ActionMention;
import io.riposte.avro.Action;
import io.riposte.avro.Alert;
import io.riposte.avro.Article;
import io.riposte.avro.Chain;
import io.riposte.serde.SpecificAvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * The value serdes of the topics the topology reads and writes: Avro in the Confluent wire format
 * through the schema registry ({@code schema.registry.url} and the other Confluent keys). Kafka
 * Streams does not configure serdes handed to the DSL, so they are configured here.
 */
public record RiposteSerdes(
        Serde<Article> articles,
        Serde<ActionMention> mentions,
        Serde<Action> actions,
        Serde<Chain> chains,
        Serde<Alert> alerts) implements AutoCloseable {

    /** Registry-backed serdes configured from the application's config map. */
    public static RiposteSerdes registry(Map<String, ?> config) {
        return new RiposteSerdes(
                serde(Article.class, config),
                serde(ActionMention.class, config),
                serde(Action.class, config),
                serde(Chain.class, config),
                serde(Alert.class, config));
    }

    private static <T extends SpecificRecord> Serde<T> serde(Class<T> type, Map<String, ?> config) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(config, false);
        return serde;
    }

    @Override
    public void close() {
        articles.close();
        mentions.close();
        actions.close();
        chains.close();
        alerts.close();
    }
}
