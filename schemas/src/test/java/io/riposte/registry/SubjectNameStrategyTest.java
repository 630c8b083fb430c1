package io.riposte.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.avro.Article;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {

    @ParameterizedTest
    @CsvSource({
        "io.confluent.kafka.serializers.subject.TopicNameStrategy, false, articles-value",
        "io.confluent.kafka.serializers.subject.TopicNameStrategy, true, articles-key",
        "TopicNameStrategy, false, articles-value",
        "io.confluent.kafka.serializers.subject.RecordNameStrategy, false, io.riposte.avro.Article",
        "RecordNameStrategy, true, io.riposte.avro.Article",
        "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, false, articles-io.riposte.avro.Article",
        "TopicRecordNameStrategy, false, articles-io.riposte.avro.Article",
        "TOPIC_RECORD_NAME, false, articles-io.riposte.avro.Article",
    })
    void acceptsConfluentAndShortNames(String config, boolean isKey, String subject) {
        assertThat(SubjectNameStrategy.fromConfig(config).subject("articles", isKey, Article.getClassSchema()))
                .isEqualTo(subject);
    }

    @Test
    void defaultsToTopicNameAndRejectsUnknown() {
        assertThat(SubjectNameStrategy.fromConfig(null)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
        assertThat(SubjectNameStrategy.fromConfig(" ")).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
        assertThatThrownBy(() -> SubjectNameStrategy.fromConfig("com.example.MyStrategy"))
                .hasMessageContaining("MyStrategy");
    }
}
