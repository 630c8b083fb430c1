package io.riposte.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.extraction.Extractors;
import io.riposte.domain.Article;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Order does not matter: the corpus in its file order and in ten seeded shuffles, each through a
 * fresh topology, ends with identical {@code actions} and {@code chains} topic content (last value
 * per key, tombstones applied).
 */
@ExtendWith(TestRegistry.class)
class PermutationTest {
    static final int PERMUTATIONS = 10;

    @TempDir
    Path state;

    record Outcome(Map<String, io.riposte.avro.Action> actions, Map<String, io.riposte.avro.Chain> chains) {}

    static Outcome run(String registryUrl, Path dir, List<Article> articles) {
        try (Driver d = new Driver(registryUrl, dir, Extractors.standard(), CorrelatorFactory.standard())) {
            d.publishAll(articles);
            assertThat(d.deadLetters.readRecordsToList()).as("dead letters").isEmpty();
            return new Outcome(Driver.compacted(d.actions.readRecordsToList()), Driver.compacted(d.chains.readRecordsToList()));
        }
    }

    @Test
    void finalActionsAndChainsAreTheSameForEveryOrder() throws Exception {
        List<Article> corpus = Corpus.articles();
        Outcome reference = run(TestRegistry.url(), state.resolve("file-order"), corpus);
        assertThat(reference.actions()).isNotEmpty();
        assertThat(reference.chains()).isNotEmpty();

        for (int seed = 1; seed <= PERMUTATIONS; seed++) {
            List<Article> shuffled = new ArrayList<>(corpus);
            Collections.shuffle(shuffled, new Random(seed));
            Outcome o = run(TestRegistry.url(), state.resolve("seed-" + seed), shuffled);
            assertThat(o.actions()).as("actions, permutation seed %d", seed).isEqualTo(reference.actions());
            assertThat(o.chains()).as("chains, permutation seed %d", seed).isEqualTo(reference.chains());
        }
    }
}
