package io.riposte.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.correlation.CountingSortedStore;
import io.riposte.correlation.SortedStore;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapters over a real Kafka in-memory KeyValueStore: half-open ranges, buffered writes. */
class BufferedSortedStoreTest {
    KeyValueStore<String, String> kv;
    KeyValueSortedStore<String> store;

    @BeforeEach
    void setUp() {
        kv = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("t"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        kv.init(new MockProcessorContext<>().getStateStoreContext(), kv);
        store = new KeyValueSortedStore<>(kv);
        store.put("RUS-USA|0001|a", "1");
        store.put("RUS-USA|0002|b", "2");
        store.put("RUS-USA|0003|c", "3");
        store.put("RUS-USB|0001|z", "9");
    }

    @AfterEach
    void tearDown() {
        kv.close();
    }

    private static List<String> keys(List<Map.Entry<String, String>> entries) {
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    @Test
    void rangeExcludesTheUpperBoundUnlikeKafka() {
        assertThat(keys(store.range("RUS-USA|0001|a", "RUS-USA|0003|c"))).containsExactly("RUS-USA|0001|a", "RUS-USA|0002|b");
        assertThat(keys(store.range("RUS-USA|", "RUS-USA}"))).containsExactly("RUS-USA|0001|a", "RUS-USA|0002|b", "RUS-USA|0003|c");
        assertThat(store.range("b", "a")).isEmpty();
        assertThat(store.range("a", "a")).isEmpty();
    }

    @Test
    void hasAnyAgreesWithRangeOnTheStoreAndThroughTheBuffer() {
        assertThat(store.hasAny("RUS-USA|0002", "RUS-USA|0003")).isTrue();
        assertThat(store.hasAny("RUS-USA|0003|c", "RUS-USA|0004")).isTrue();
        assertThat(store.hasAny("RUS-USA|0004", "RUS-USB")).isFalse();
        // the upper bound is excluded even when it is the only key Kafka's inclusive range finds
        assertThat(store.hasAny("RUS-USA|0002|c", "RUS-USA|0003|c")).isFalse();
        assertThat(store.hasAny("b", "a")).isFalse();

        BufferedSortedStore<String> b = new BufferedSortedStore<>(store);
        b.put("RUS-USA|0005|e", "5");
        b.delete("RUS-USA|0002|b");
        assertThat(b.hasAny("RUS-USA|0005", "RUS-USA|0006")).as("a pending put").isTrue();
        assertThat(b.hasAny("RUS-USA|0002", "RUS-USA|0003")).as("its only key deleted, pending").isFalse();
        assertThat(b.hasAny("RUS-USA|0001", "RUS-USA|0003")).as("a key deleted, another left").isTrue();
        assertThat(b.hasAny("RUS-USA|0003", "RUS-USA|0004")).as("nothing pending: the store answers").isTrue();
        for (String[] r : new String[][] {{"RUS-USA|0001", "RUS-USA|0003"}, {"RUS-USA|0002", "RUS-USA|0003"},
                {"RUS-USA|0004", "RUS-USA|0009"}, {"RUS-USA|", "RUS-USB}"}}) {
            assertThat(b.hasAny(r[0], r[1])).as("%s..%s", r[0], r[1]).isEqualTo(!b.range(r[0], r[1]).isEmpty());
        }
    }

    @Test
    void bufferedWritesAreVisibleBeforeCommitAndOnlyReachTheStoreOnCommit() {
        BufferedSortedStore<String> b = new BufferedSortedStore<>(store);
        b.put("RUS-USA|0002|bb", "new");
        b.delete("RUS-USA|0001|a");
        b.put("RUS-USA|0003|c", "3'");
        assertThat(b.get("RUS-USA|0001|a")).isNull();
        assertThat(b.get("RUS-USA|0003|c")).isEqualTo("3'");
        assertThat(b.range("RUS-USA|", "RUS-USA}")).extracting(Map.Entry::getValue).containsExactly("2", "new", "3'");
        assertThat(kv.get("RUS-USA|0001|a")).isEqualTo("1");
        assertThat(b.pendingPuts()).as("the step's puts, not its deletes").containsExactly(
                Map.entry("RUS-USA|0002|bb", "new"), Map.entry("RUS-USA|0003|c", "3'"));

        b.commit();
        assertThat(b.pendingPuts()).isEmpty();
        assertThat(kv.get("RUS-USA|0001|a")).isNull();
        assertThat(kv.get("RUS-USA|0002|bb")).isEqualTo("new");
        assertThat(keys(store.range("RUS-USA|", "RUS-USA}"))).containsExactly("RUS-USA|0002|b", "RUS-USA|0002|bb", "RUS-USA|0003|c");
        assertThat(b.hasPendingWrites()).isFalse();
    }

    @Test
    void aCommitReachesTheStoreAsOneBatchInKeyOrder() {
        List<Map<String, java.util.Optional<String>>> batches = new java.util.ArrayList<>();
        SortedStore<String> recording = new SortedStore<>() {
            @Override
            public String get(String key) {
                return store.get(key);
            }

            @Override
            public void put(String key, String value) {
                throw new AssertionError("a single put of " + key + " outside the batch");
            }

            @Override
            public void delete(String key) {
                throw new AssertionError("a single delete of " + key + " outside the batch");
            }

            @Override
            public List<Map.Entry<String, String>> range(String from, String to) {
                return store.range(from, to);
            }

            @Override
            public void writeAll(Map<String, java.util.Optional<String>> changes) {
                batches.add(new java.util.LinkedHashMap<>(changes));
                store.writeAll(changes);
            }
        };
        BufferedSortedStore<String> b = new BufferedSortedStore<>(recording, 4);
        b.put("RUS-USA|0009|x", "x");
        b.delete("RUS-USA|0001|a");
        b.put("RUS-USA|0005|e", "e");
        b.commit();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).keySet()).containsExactly("RUS-USA|0001|a", "RUS-USA|0005|e", "RUS-USA|0009|x");
        assertThat(kv.get("RUS-USA|0001|a")).isNull();
        assertThat(kv.get("RUS-USA|0009|x")).isEqualTo("x");
        assertThat(b.get("RUS-USA|0005|e")).isEqualTo("e");

        b.commit();
        assertThat(batches).as("a step with no writes writes nothing").hasSize(1);
    }

    @Test
    void rollbackForgetsEveryWriteOfTheStep() {
        BufferedSortedStore<String> b = new BufferedSortedStore<>(store);
        b.put("RUS-USA|0009|x", "x");
        b.delete("RUS-USA|0002|b");
        b.rollback();
        assertThat(b.get("RUS-USA|0009|x")).isNull();
        assertThat(b.get("RUS-USA|0002|b")).isEqualTo("2");
        assertThat(kv.get("RUS-USA|0009|x")).isNull();
    }

    @Test
    void bothAdaptersHonourTheSameContract() {
        SortedStore<String> b = new BufferedSortedStore<>(store);
        assertThat(b.range("RUS-USA|0002", "RUS-USB")).isEqualTo(store.range("RUS-USA|0002", "RUS-USB"));
    }

    /** A store with the fixture's entries whose reads are counted, to see which reads the kept values spare. */
    private static CountingSortedStore<String> counted() {
        CountingSortedStore<String> c = new CountingSortedStore<>();
        c.put("RUS-USA|0001|a", "1");
        c.put("RUS-USA|0002|b", "2");
        c.put("RUS-USA|0003|c", "3");
        return c;
    }

    @Test
    void keptReadsAnswerAgainWithoutTheStoreAndFollowCommittedWrites() {
        CountingSortedStore<String> counted = counted();
        BufferedSortedStore<String> b = new BufferedSortedStore<>(counted, 8);
        assertThat(b.get("RUS-USA|0001|a")).isEqualTo("1");
        assertThat(b.get("RUS-USA|0001|a")).isEqualTo("1");
        assertThat(b.get("RUS-USA|0009|none")).isNull();
        assertThat(b.get("RUS-USA|0009|none")).as("an absent key is kept as absent").isNull();
        assertThat(counted.reads()).isEqualTo(2);

        b.put("RUS-USA|0009|none", "9");
        b.delete("RUS-USA|0001|a");
        b.put("RUS-USA|0004|d", "4");
        b.commit();
        assertThat(counted.snapshot()).containsEntry("RUS-USA|0009|none", "9").doesNotContainKey("RUS-USA|0001|a");
        assertThat(b.get("RUS-USA|0009|none")).isEqualTo("9");
        assertThat(b.get("RUS-USA|0001|a")).isNull();
        assertThat(b.get("RUS-USA|0004|d")).as("a key written is kept too").isEqualTo("4");
        assertThat(counted.reads()).isEqualTo(2);

        b.put("RUS-USA|0004|d", "rolled back");
        b.rollback();
        assertThat(b.get("RUS-USA|0004|d")).as("a rollback leaves the stored value kept").isEqualTo("4");
        assertThat(counted.reads()).isEqualTo(2);
    }

    @Test
    void keptReadsAreBoundedLeastRecentlyUsedFirstOut() {
        CountingSortedStore<String> counted = counted();
        BufferedSortedStore<String> b = new BufferedSortedStore<>(counted, 2);
        b.get("RUS-USA|0001|a");
        b.get("RUS-USA|0002|b");
        b.get("RUS-USA|0001|a"); // now the most recently used
        b.get("RUS-USA|0003|c"); // evicts b
        assertThat(counted.reads()).isEqualTo(3);
        assertThat(b.get("RUS-USA|0001|a")).isEqualTo("1");
        assertThat(counted.reads()).isEqualTo(3);
        assertThat(b.get("RUS-USA|0002|b")).isEqualTo("2");
        assertThat(counted.reads()).isEqualTo(4);
        BufferedSortedStore<String> none = new BufferedSortedStore<>(counted, 0);
        assertThat(none.get("RUS-USA|0002|b")).as("none kept across steps").isEqualTo("2");
        assertThat(none.get("RUS-USA|0002|b")).as("read again in the same step").isEqualTo("2");
        assertThat(counted.reads()).isEqualTo(5);
        none.commit();
        assertThat(none.get("RUS-USA|0002|b")).isEqualTo("2");
        assertThat(counted.reads()).as("read again in the next step").isEqualTo(6);
    }

    @Test
    void aRangeReadAgainInOneStepIsNotReadFromTheStoreAgainYetSeesTheStepsWrites() {
        CountingSortedStore<String> counted = counted();
        BufferedSortedStore<String> b = new BufferedSortedStore<>(counted);
        List<Map.Entry<String, String>> first = b.range("RUS-USA|", "RUS-USA}");
        long reads = counted.reads();
        first.clear(); // the caller's list: the next answer is whole
        assertThat(keys(b.range("RUS-USA|", "RUS-USA}"))).containsExactly("RUS-USA|0001|a", "RUS-USA|0002|b", "RUS-USA|0003|c");
        b.put("RUS-USA|0004|d", "4");
        b.delete("RUS-USA|0001|a");
        assertThat(keys(b.range("RUS-USA|", "RUS-USA}"))).containsExactly("RUS-USA|0002|b", "RUS-USA|0003|c", "RUS-USA|0004|d");
        assertThat(counted.reads()).as("no read of the store within the step").isEqualTo(reads);

        b.commit();
        assertThat(keys(b.range("RUS-USA|", "RUS-USA}"))).containsExactly("RUS-USA|0002|b", "RUS-USA|0003|c", "RUS-USA|0004|d");
        assertThat(counted.reads()).as("the next step reads the store again").isGreaterThan(reads);

        reads = counted.reads();
        b.range("RUS-USA|0002", "RUS-USA|0003");
        b.rollback();
        counted.put("RUS-USA|0002|bb", "written elsewhere, between two steps");
        assertThat(b.range("RUS-USA|0002", "RUS-USA|0003")).extracting(Map.Entry::getValue).containsExactly("2", "written elsewhere, between two steps");
        assertThat(counted.reads()).isGreaterThan(reads + 1);
    }
}
