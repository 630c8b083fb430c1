package io.riposte.registry;

import java.util.Locale;
import org.apache.avro.Schema;

/**
 * How a serde names the subject of a record: Confluent's three strategies, selected with
 * {@code value.subject.name.strategy} / {@code key.subject.name.strategy} by Confluent's class name
 * ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}) or the short name.
 */
public enum SubjectNameStrategy {
    /** {@code <topic>-value} / {@code <topic>-key}; Confluent's default. */
    TOPIC_NAME {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },
    /** The record's full name, e.g. {@code io.riposte.avro.Article}, whatever the topic. */
    RECORD_NAME {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return recordName(schema);
        }
    },
    /** {@code <topic>-<record full name>}. */
    TOPIC_RECORD_NAME {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + "-" + recordName(schema);
        }
    };

    public static final String VALUE_CONFIG = "value.subject.name.strategy";
    public static final String KEY_CONFIG = "key.subject.name.strategy";

    public abstract String subject(String topic, boolean isKey, Schema schema);

    /** Parses a config value: Confluent class name, short class name, or this enum's name. Null = default. */
    public static SubjectNameStrategy fromConfig(Object value) {
        if (value == null) {
            return TOPIC_NAME;
        }
        String name = value instanceof Class<?> c ? c.getName() : value.toString().trim();
        if (name.isEmpty()) {
            return TOPIC_NAME;
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        switch (simple) {
            case "TopicNameStrategy":
                return TOPIC_NAME;
            case "RecordNameStrategy":
                return RECORD_NAME;
            case "TopicRecordNameStrategy":
                return TOPIC_RECORD_NAME;
            default:
                try {
                    return valueOf(simple.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Unknown subject name strategy '" + name
                            + "': use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
                }
        }
    }

    private static String recordName(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("Record name strategies need a record schema, got " + schema.getType());
        }
        return schema.getFullName();
    }
}
