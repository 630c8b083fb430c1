package io.riposte.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.extraction.Extractors;
import io.riposte.avro.ActionMention;
import io.riposte.domain.Article;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.input.ArticleIds;
import io.riposte.local.registry.LocalSchemaRegistry;
import io.riposte.registry.HttpSchemaRegistryClient;
import io.riposte.streams.errors.DeadLetters;
import io.riposte.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology end to end in a TopologyTestDriver with the real extraction and correlation cores,
 * the real registry serdes and an in-memory local registry over HTTP. The articles are our own
 * short reports of the April 2021 Czech-Russian expulsions (Vrbetice depot affair).
 */
@ExtendWith(TestRegistry.class)
class TopologyTestDriverTest {
    static final Instant INGESTED = Instant.parse("2024-06-01T00:00:00Z");

    @TempDir
    Path state;

    static Article article(String origin, String day, String title, String body) {
        return new Article(ArticleIds.of(null, title, body), origin, null, title, body, Instant.parse(day + "T09:00:00Z"),
                DatePrecision.DAY, "Riposte test desk", "en", INGESTED);
    }

    static final Article PRAGUE_EXPELS = article("cz-ru-1.txt", "2021-04-17",
            "Czech Republic expels 18 Russian diplomats over 2014 depot blasts",
            "PRAGUE - The Czech Republic on Saturday ordered 18 members of the Russian embassy staff to leave the country within 48 hours, "
                    + "after its intelligence services tied officers of Russia's military intelligence to the 2014 explosions at an ammunition "
                    + "depot near Vrbetice. Prime Minister Andrej Babis said the 18 diplomats had been identified as spies. Moscow called the "
                    + "decision unprecedented and promised a response.");
    static final Article MOSCOW_ANSWERS = article("cz-ru-2.txt", "2021-04-18",
            "Russia expels 20 Czech diplomats in retaliation",
            "MOSCOW - Russia on Sunday expelled 20 diplomats of the Czech embassy in Moscow, ordering them to leave by the end of Monday, "
                    + "in retaliation for Prague's expulsion of 18 Russian diplomats a day earlier. The Russian Foreign Ministry summoned the "
                    + "Czech ambassador, Vitezslav Pivonka, to inform him of the decision.");
    static final Article PRAGUE_WIRE = article("cz-ru-3.txt", "2021-04-19",
            "Czech embassy in Moscow left with a skeleton staff",
            "PRAGUE - The expulsion of 20 Czech diplomats from Moscow on Sunday leaves the Czech embassy there with only a handful of "
                    + "employees, officials said on Monday. Russia expelled the 20 Czechs in response to Prague's decision on Saturday to "
                    + "expel 18 Russian diplomats.");

    /** One more plain report of the Czech expulsion (no cue, no other act). */
    static final Article PRAGUE_COPY = article("cz-ru-4.txt", "2021-04-20", "Czech expulsions",
            "PRAGUE - The Czech Republic expelled 18 Russian diplomats on Saturday, a government spokesman repeated on Tuesday.");

    Driver driver(Path dir, CorrelatorFactory correlators) {
        return new Driver(TestRegistry.url(), dir, Extractors.standard(), correlators);
    }

    @Test
    void reportsOfOneEpisodeBecomeActionsAChainAndAlerts() {
        try (Driver d = driver(state, CorrelatorFactory.standard())) {
            d.publishAll(List.of(PRAGUE_EXPELS, MOSCOW_ANSWERS, PRAGUE_WIRE));

            List<TestRecord<String, io.riposte.avro.Action>> actionRecords = d.actions.readRecordsToList();
            Map<String, io.riposte.avro.Action> actions = Driver.compacted(actionRecords);
            Map<String, io.riposte.avro.Chain> chains = Driver.compacted(d.chains.readRecordsToList());
            List<TestRecord<String, io.riposte.avro.Alert>> alerts = d.alerts.readRecordsToList();

            io.riposte.avro.Action czech = only(actions, "CZE", "RUS", 18);
            io.riposte.avro.Action russian = only(actions, "RUS", "CZE", 20);
            assertThat(czech.getArticles()).contains("cz-ru-1.txt");
            // Three reports of the Russian expulsion (two of them recalling the Czech one) merge.
            assertThat(russian.getArticles()).contains("cz-ru-2.txt", "cz-ru-3.txt");
            assertThat(russian.getRespondsTo()).extracting(io.riposte.avro.Link::getActionId).contains(czech.getId());
            assertThat(russian.getChainId()).isNotNull().isEqualTo(czech.getChainId());

            io.riposte.avro.Chain chain = chains.get(russian.getChainId());
            assertThat(chain).isNotNull();
            assertThat(chain.getDyad()).isEqualTo("CZE-RUS");
            assertThat(chain.getSteps()).extracting(io.riposte.avro.ChainStep::getActionId).containsSubsequence(czech.getId(), russian.getId());

            assertThat(alerts).isNotEmpty().allSatisfy(r -> assertThat(r.key()).isEqualTo("CZE-RUS"));
            assertThat(alerts).extracting(r -> r.value().getType()).contains(io.riposte.avro.AlertType.RETALIATION);
            // Alert ids are deterministic and each change is announced once.
            assertThat(alerts).extracting(r -> r.value().getId()).doesNotHaveDuplicates();

            // Outputs keep event time: the publication time of the article that caused them.
            List<Instant> published = List.of(PRAGUE_EXPELS.published(), MOSCOW_ANSWERS.published(), PRAGUE_WIRE.published());
            assertThat(actionRecords).allSatisfy(r -> assertThat(published).contains(r.getRecordTime()));

            assertThat(d.deadLetters.isEmpty()).isTrue();
            assertThat(d.counters.articlesProcessed()).isEqualTo(3);
            assertThat(d.counters.actionsExtracted()).isGreaterThanOrEqualTo(3);
            assertThat(d.counters.mergedDuplicates()).isGreaterThanOrEqualTo(1);
            assertThat(d.counters.deadLettered()).isZero();
        }
    }

    private static io.riposte.avro.Action only(Map<String, io.riposte.avro.Action> actions, String source, String target, int count) {
        List<io.riposte.avro.Action> found = actions.values().stream()
                .filter(a -> a.getSource().equals(source) && a.getTarget().equals(target)
                        && a.getType() == io.riposte.avro.ActionType.EXPEL_DIPLOMATS && a.getModality() != io.riposte.avro.Modality.THREATENED
                        && Integer.valueOf(count).equals(a.getCount()))
                .toList();
        // Extraction precision is measured by the extraction module's evaluation; what the topology
        // owes is that every report of one expulsion ends up in exactly one action.
        assertThat(found).as("%s expels %d %s diplomats, merged into one action, in %s", source, count, target, actions.values()).hasSize(1);
        return found.get(0);
    }

    @Test
    void articleThatReportsNothingIsProcessedWithoutOutputOrDeadLetter() {
        try (Driver d = driver(state, CorrelatorFactory.standard())) {
            d.publish(article("weather.txt", "2021-04-17", "Sunny weekend ahead for Bohemia",
                    "Forecasters expect clear skies and mild temperatures across the region on Saturday and Sunday, "
                            + "with a chance of showers returning by Tuesday."));
            assertThat(d.counters.articlesProcessed()).isEqualTo(1);
            assertThat(d.counters.actionsExtracted()).isZero();
            assertThat(d.deadLetters.isEmpty()).isTrue();
            assertThat(d.actions.isEmpty()).isTrue();
            assertThat(d.chains.isEmpty()).isTrue();
        }
    }

    @Test
    void rejectedArticleIsDeadLetteredWithReasonAndProvenance() {
        try (Driver d = driver(state, CorrelatorFactory.standard())) {
            d.publish(PRAGUE_EXPELS);
            StringBuilder binary = new StringBuilder();
            for (int i = 0; i < 3000; i++) {
                binary.append((char) (i % 9));
            }
            Article junk = new Article("junk-1", "junk.bin", null, "", binary.toString(), null, null, null, null, INGESTED);
            d.publish(junk);

            List<TestRecord<String, byte[]>> dead = d.deadLetters.readRecordsToList();
            assertThat(dead).hasSize(1);
            TestRecord<String, byte[]> letter = dead.get(0);
            assertThat(letter.key()).isEqualTo("junk-1");
            var h = letter.headers();
            assertThat(DeadLetters.header(h, DeadLetters.STAGE)).isEqualTo("extract");
            assertThat(DeadLetters.header(h, DeadLetters.REASON)).startsWith("rejected by extraction: ").hasSizeGreaterThan(24);
            assertThat(DeadLetters.header(h, DeadLetters.ARTICLE_ID)).isEqualTo("junk-1");
            assertThat(DeadLetters.header(h, DeadLetters.ARTICLE_ORIGIN)).isEqualTo("junk.bin");
            assertThat(DeadLetters.header(h, DeadLetters.TOPIC)).isEqualTo(Topics.ARTICLES);
            assertThat(DeadLetters.header(h, DeadLetters.PARTITION)).isEqualTo("0");
            assertThat(DeadLetters.header(h, DeadLetters.OFFSET)).isEqualTo("1");
            // The value is the article as it was on the source topic, readable with the articles serde.
            assertThat(d.serdes.articles().deserializer().deserialize(Topics.ARTICLES, letter.value()).getId()).isEqualTo("junk-1");
            assertThat(d.counters.deadLettered()).isEqualTo(1);
            assertThat(d.counters.articlesProcessed()).isEqualTo(2);
        }
    }

    /**
     * Bytes that are not our Avro are skipped by the built-in log-and-continue deserialization
     * handler, and processing goes on. TopologyTestDriver does not write the built-in handlers'
     * dead letters (measured with 4.3.1: nothing reaches any topic), so that half is asserted by
     * {@code EmbeddedClusterTest} against a real broker; here the skip shows in Kafka's
     * {@code dropped-records-total} metric.
     */
    @Test
    void bytesThatAreNotAvroAreSkippedAndProcessingGoesOn() {
        try (Driver d = driver(state, CorrelatorFactory.standard())) {
            byte[] notAvro = "{\"title\": \"plain JSON, not the wire format\"}".getBytes(StandardCharsets.UTF_8);
            d.rawArticles.pipeInput("k-json", notAvro);
            // Right magic byte, but a schema id the registry never issued.
            d.rawArticles.pipeInput("k-unknown-id", new byte[] {0, 0x7f, 0x7f, 0x7f, 0x7f, 2, 4, 6});
            d.publish(PRAGUE_EXPELS);

            double dropped = d.ttd.metrics().entrySet().stream()
                    .filter(e -> e.getKey().name().equals("dropped-records-total"))
                    .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
            assertThat(dropped).isEqualTo(2.0);
            assertThat(d.counters.articlesProcessed()).isEqualTo(1);
            assertThat(d.actions.readRecordsToList()).isNotEmpty();
        }
    }

    /**
     * An output the registry refuses (its subject is not registered and auto-registration is off)
     * cannot be serialized: the production handler skips that record and processing goes on, so the
     * other outputs still flow.
     */
    @Test
    void unserializableOutputIsSkippedAndTheRestFlows() throws Exception {
        try (LocalSchemaRegistry strict = LocalSchemaRegistry.inMemory(0);
                var client = new HttpSchemaRegistryClient(strict.url())) {
            client.register("articles-value", io.riposte.avro.Article.getClassSchema());
            client.register("riposte-streams-by-dyad-repartition-value", ActionMention.getClassSchema());
            client.register("chains-value", io.riposte.avro.Chain.getClassSchema());
            client.register("alerts-value", io.riposte.avro.Alert.getClassSchema());
            // No "actions-value": every action fails to serialize.
            try (Driver d = new Driver(strict.url(), state, Extractors.standard(), CorrelatorFactory.standard(),
                    Map.of("auto.register.schemas", false))) {
                d.publishAll(List.of(PRAGUE_EXPELS, MOSCOW_ANSWERS));
                assertThat(d.actions.isEmpty()).isTrue();
                assertThat(d.chains.readRecordsToList()).isNotEmpty();
                assertThat(d.alerts.readRecordsToList()).isNotEmpty();
                assertThat(d.counters.articlesProcessed()).isEqualTo(2);
            }
        }
    }

    @Test
    void correlationFailureIsDeadLetteredWithTheArticleNotTheRepartitionRecord() {
        String poisoned = MOSCOW_ANSWERS.id();
        // Failure injection around the real core, as Kafka's own EOS tests do.
        CorrelatorFactory failing = stores -> {
            Function<io.riposte.domain.ExtractedAction, io.riposte.correlation.CorrelationUpdate> real =
                    CorrelatorFactory.standard().create(stores);
            return m -> {
                if (m.articleId().equals(poisoned)) {
                    real.apply(m); // let it write to the stores first: the failure must leave no trace
                    throw new IllegalStateException("injected failure");
                }
                return real.apply(m);
            };
        };
        Map<String, io.riposte.avro.Action> withFailure;
        Map<String, io.riposte.avro.Chain> chainsWithFailure;
        Map<String, io.riposte.avro.Chain> chainsWithoutPoisoned;
        try (Driver d = driver(state.resolve("a"), failing)) {
            d.publishAll(List.of(PRAGUE_EXPELS, MOSCOW_ANSWERS));
            List<TestRecord<String, byte[]>> dead = d.deadLetters.readRecordsToList();
            assertThat(dead).isNotEmpty().allSatisfy(letter -> {
                var h = letter.headers();
                assertThat(letter.key()).isEqualTo(poisoned);
                assertThat(DeadLetters.header(h, DeadLetters.STAGE)).isEqualTo("correlate");
                assertThat(DeadLetters.header(h, DeadLetters.REASON)).contains("injected failure");
                assertThat(DeadLetters.header(h, DeadLetters.ARTICLE_ID)).isEqualTo(poisoned);
                assertThat(DeadLetters.header(h, DeadLetters.ARTICLE_ORIGIN)).isEqualTo("cz-ru-2.txt");
                // The article's record, not the intermediate by-dyad one.
                assertThat(DeadLetters.header(h, DeadLetters.TOPIC)).isEqualTo(Topics.ARTICLES);
                assertThat(DeadLetters.header(h, DeadLetters.PARTITION)).isEqualTo("0");
                assertThat(DeadLetters.header(h, DeadLetters.OFFSET)).isEqualTo("1");
                assertThat(DeadLetters.header(h, DeadLetters.VALUE_TOPIC)).endsWith("by-dyad-repartition");
                ActionMention m = d.serdes.mentions().deserializer().deserialize(DeadLetters.header(h, DeadLetters.VALUE_TOPIC), letter.value());
                assertThat(m.getArticleId()).isEqualTo(poisoned);
                assertThat(m.getProvenance().getOffset()).isEqualTo(1L);
            });
            // a later report of the same episode: the correlator must not remember the step the stores forgot
            d.publish(PRAGUE_COPY);
            withFailure = Driver.compacted(d.actions.readRecordsToList());
            chainsWithFailure = Driver.compacted(d.chains.readRecordsToList());
        }
        Map<String, io.riposte.avro.Action> withoutPoisoned;
        try (Driver d = driver(state.resolve("b"), CorrelatorFactory.standard())) {
            d.publishAll(List.of(PRAGUE_EXPELS, PRAGUE_COPY));
            withoutPoisoned = Driver.compacted(d.actions.readRecordsToList());
            chainsWithoutPoisoned = Driver.compacted(d.chains.readRecordsToList());
        }
        // The failed step rolled back: the state is as if the poisoned article had never come.
        assertThat(withFailure).isNotEmpty().isEqualTo(withoutPoisoned);
        assertThat(chainsWithFailure).isEqualTo(chainsWithoutPoisoned);
    }
}
