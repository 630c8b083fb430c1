package io.riposte.streams;

import static io.riposte.streams.TopologyTestDriverTest.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.correlation.BatchCorrelation;
import io.riposte.correlation.CorrelationSettings;
import io.riposte.correlation.CorrelationStores;
import io.riposte.correlation.Correlator;
import io.riposte.domain.Article;
import io.riposte.domain.ExtractedAction;
import io.riposte.extraction.Extractor;
import io.riposte.extraction.Extractors;
import io.riposte.mapping.AvroMapping;
import io.riposte.streams.state.KeyValueSortedStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-dyad answers through the topology (TopologyTestDriver): the answering action's link to the other dyad's act
 * comes back from the task of that dyad, follows that act when a later report changes its id, and the actions topic
 * ends up holding what batch correlation gives, in every order of the articles. The articles are written for this test.
 */
@ExtendWith(TestRegistry.class)
class CrossDyadTopologyTest {

    @TempDir
    Path state;

    /** Hungary's expulsion, told first without its count. */
    static final Article EXPULSION = article("hu-at-1.txt", "2021-11-15", "Hungary expels Austrian diplomats",
            "BUDAPEST - Hungary expelled Austrian diplomats on Monday, accusing them of activities incompatible with their status.");
    /** Slovakia's answer to it, in solidarity with Austria. */
    static final Article SOLIDARITY = article("sk-hu-1.txt", "2021-11-17", "Slovakia expels Hungarian diplomats",
            "BRATISLAVA - Slovakia expelled two Hungarian diplomats on Wednesday in solidarity with Austria.");
    /** A later report that gives the expulsion its count: the act gets a new id. */
    static final Article COUNT = article("hu-at-2.txt", "2021-11-18", "Vienna protests over expulsions",
            "VIENNA - Hungary expelled three Austrian diplomats on Monday, the foreign ministry in Vienna said on Thursday.");

    static Map<String, io.riposte.avro.Action> topic(Driver d) {
        return Driver.compacted(d.actions.readRecordsToList());
    }

    static Map<String, io.riposte.avro.Action> batch(List<Article> articles) {
        Extractor x = Extractors.standard();
        List<ExtractedAction> mentions = new ArrayList<>();
        articles.forEach(a -> mentions.addAll(x.extract(a).actions()));
        Map<String, io.riposte.avro.Action> out = new TreeMap<>();
        BatchCorrelation.correlateAll(mentions).actions().forEach(a -> out.put(a.id(), AvroMapping.toAvro(a)));
        return out;
    }

    static io.riposte.avro.Action of(Map<String, io.riposte.avro.Action> actions, String source, String target) {
        List<io.riposte.avro.Action> found = actions.values().stream()
                .filter(a -> a.getSource().equals(source) && a.getTarget().equals(target)).toList();
        assertThat(found).as("%s>%s actions in %s", source, target, actions.keySet()).hasSize(1);
        return found.get(0);
    }

    /**
     * The action as interactive queries compose it (QueryRouter): its key from the pointer store, its value from the
     * correlation store, the cross-dyad links its task received; it must be what the topic holds.
     */
    static io.riposte.avro.Action queried(Driver d, String id) {
        org.apache.kafka.streams.state.KeyValueStore<String, String> keys = d.ttd.getKeyValueStore(RiposteTopology.STORE_ACTION_KEYS);
        org.apache.kafka.streams.state.KeyValueStore<String, io.riposte.domain.Action> actions = d.ttd.getKeyValueStore(RiposteTopology.STORE_ACTIONS);
        org.apache.kafka.streams.state.KeyValueStore<String, String> links = d.ttd.getKeyValueStore(RiposteTopology.STORE_CROSS_DYAD_LINKS);
        String key = keys.get(id);
        io.riposte.domain.Action a = key == null ? null : actions.get(key);
        if (a == null) {
            return null;
        }
        List<String> received = new ArrayList<>();
        try (var it = links.range(ShownActions.receivedFrom(a.dyad()), ShownActions.receivedEnd(a.dyad()))) {
            it.forEachRemaining(kv -> received.add(kv.value));
        }
        if (a.evidenceTruncated()) { // the query server shows every report, read back by the correlation core
            CorrelationStores stores = new CorrelationStores(sorted(d, RiposteTopology.STORE_MENTIONS), sorted(d, RiposteTopology.STORE_ACTIONS),
                    sorted(d, RiposteTopology.STORE_CHAINS), sorted(d, RiposteTopology.STORE_INDEX));
            a = a.withAllEvidence(new Correlator(CorrelationSettings.defaults(), stores, 0).allEvidence(key, a));
        }
        return AvroMapping.toAvro(ShownActions.shown(a, received, java.util.function.UnaryOperator.identity()));
    }

    private static <V> KeyValueSortedStore<V> sorted(Driver d, String store) {
        return new KeyValueSortedStore<>(d.ttd.<String, V>getKeyValueStore(store));
    }

    /** More reports of Slovakia's answer (own wording), so that its action carries only its first reports. */
    static List<Article> wireCopies() {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(article("sk-hu-w" + i + ".txt", "2021-11-17", "Slovak wire " + i,
                    "BRATISLAVA - Slovakia expelled two Hungarian diplomats on Wednesday, wire copy number " + i + " said."));
        }
        return out;
    }

    @Test
    void aDenselyReportedAnswerCarriesItsFirstReportsAndKeepsItsCrossDyadLinkInEveryOrder() {
        List<Article> all = new ArrayList<>(List.of(EXPULSION, SOLIDARITY));
        all.addAll(wireCopies());
        Map<String, io.riposte.avro.Action> expected = batch(all);
        io.riposte.avro.Action answer = of(expected, "SVK", "HUN");
        assertThat(answer.getEvidence()).hasSize(io.riposte.domain.Action.SHOWN_EVIDENCE);
        assertThat(answer.getEvidenceTotal()).isGreaterThan(io.riposte.domain.Action.SHOWN_EVIDENCE);
        assertThat(answer.getEvidence()).as("the report with the cue is not among those the action carries")
                .noneMatch(e -> e.getOrigin().equals("sk-hu-1.txt"));
        assertThat(linkIds(answer)).containsExactly(of(expected, "HUN", "AUT").getId());
        List<List<Article>> orders = List.of(all, new ArrayList<>(all.subList(2, all.size())), new ArrayList<>(all));
        orders.get(1).addAll(List.of(SOLIDARITY, EXPULSION)); // the cue last
        java.util.Collections.reverse(orders.get(2));
        for (int o = 0; o < orders.size(); o++) {
            try (Driver d = new Driver(TestRegistry.url(), state.resolve("dense" + o), Extractors.standard(), CorrelatorFactory.standard())) {
                d.publishAll(orders.get(o));
                assertThat(topic(d)).as("order %s", o).isEqualTo(expected);
                io.riposte.avro.Action queried = queried(d, answer.getId());
                assertThat(queried.getEvidence()).as("every report, queried").hasSize(answer.getEvidenceTotal());
                assertThat(queried.getEvidence().subList(0, io.riposte.domain.Action.SHOWN_EVIDENCE)).isEqualTo(answer.getEvidence());
                assertThat(queried.getRespondsTo()).isEqualTo(answer.getRespondsTo());
                assertThat(d.deadLetters.readRecordsToList()).isEmpty();
            }
        }
    }

    static List<String> linkIds(io.riposte.avro.Action a) {
        return a.getRespondsTo().stream().map(l -> l.getActionId()).toList();
    }

    @Test
    void theAnswerLinksToTheOtherDyadsActAndFollowsItsNewId() {
        try (Driver d = new Driver(TestRegistry.url(), state.resolve("a"), Extractors.standard(), CorrelatorFactory.standard())) {
            d.publishAll(List.of(EXPULSION, SOLIDARITY));
            List<TestRecord<String, io.riposte.avro.Action>> seen = new ArrayList<>(d.actions.readRecordsToList());
            Map<String, io.riposte.avro.Action> first = Driver.compacted(seen);
            String expulsion = of(first, "HUN", "AUT").getId();
            assertThat(linkIds(of(first, "SVK", "HUN"))).containsExactly(expulsion);

            d.publish(COUNT);
            seen.addAll(d.actions.readRecordsToList());
            Map<String, io.riposte.avro.Action> after = Driver.compacted(seen);
            String counted = of(after, "HUN", "AUT").getId();
            assertThat(counted).as("the count changes the act's id").isNotEqualTo(expulsion);
            assertThat(linkIds(of(after, "SVK", "HUN"))).containsExactly(counted);
            assertThat(d.deadLetters.readRecordsToList()).isEmpty();
        }
    }

    @Test
    void everyOrderEndsWithWhatBatchCorrelationGives() {
        List<Article> all = List.of(EXPULSION, SOLIDARITY, COUNT);
        Map<String, io.riposte.avro.Action> expected = batch(all);
        assertThat(linkIds(of(expected, "SVK", "HUN"))).containsExactly(of(expected, "HUN", "AUT").getId());
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] order : orders) {
            List<Article> articles = new ArrayList<>();
            for (int i : order) {
                articles.add(all.get(i));
            }
            try (Driver d = new Driver(TestRegistry.url(), state.resolve("o" + order[0] + order[1] + order[2]),
                    Extractors.standard(), CorrelatorFactory.standard())) {
                d.publishAll(articles);
                assertThat(topic(d)).as("order %s", java.util.Arrays.toString(order)).isEqualTo(expected);
                for (String id : expected.keySet()) {
                    assertThat(queried(d, id)).as("queried %s, order %s", id, java.util.Arrays.toString(order)).isEqualTo(expected.get(id));
                }
            }
        }
    }
}
