package io.riposte.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsPrefixTest {
    @Test
    void thePrefixGoesOnEveryTopicOfTheCatalogueAndNothingElseChanges() {
        Map<String, String> config = Map.of(Topics.PREFIX_CONFIG, "t1.");
        assertThat(Topics.all(Topics.prefix(config))).hasSameSizeAs(Topics.all()).allSatisfy(t -> {
            assertThat(t.name()).startsWith("t1.");
            TopicSpec base = Topics.all().stream().filter(b -> ("t1." + b.name()).equals(t.name())).findFirst().orElseThrow();
            assertThat(t).isEqualTo(new TopicSpec(t.name(), base.partitions(), base.configs(), base.key(), base.value(), base.anyExistingPartitions()));
        });
        assertThat(Topics.name(config, Topics.ALERTS)).isEqualTo("t1.alerts");
        assertThat(Topics.name(Map.of(), Topics.ALERTS)).isEqualTo("alerts");
    }

    @Test
    void anApplicationIdGivenWithThePrefixIsNotPrefixedTwice() {
        Map<String, String> config = Map.of(Topics.PREFIX_CONFIG, "team-a_");
        assertThat(Topics.prefixedOnce(config, "riposte-streams")).isEqualTo("team-a_riposte-streams");
        assertThat(Topics.prefixedOnce(config, "team-a_riposte-streams")).isEqualTo("team-a_riposte-streams");
    }

    @Test
    void aPrefixKafkaWouldRefuseIsAClearError() {
        assertThatThrownBy(() -> Topics.prefix(Map.of(Topics.PREFIX_CONFIG, "team a/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("riposte.topic.prefix 'team a/' is not a legal topic prefix");
    }
}
