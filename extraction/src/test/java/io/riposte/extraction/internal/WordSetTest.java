package io.riposte.extraction.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordSetTest {
    @Test
    void answersAsAHashSetDoesAlsoForWordsOfEqualHash() {
        // "Aa" and "BB" share a String.hashCode(), so they land in the same probe chain
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        WordSet s = WordSet.of(List.of("envoy", "Aa", "consulate", "envoy"));
        assertThat(s).hasSize(3);
        assertThat(s.contains("Aa")).isTrue();
        assertThat(s.contains(new String("consulate".toCharArray()))).as("an equal word that is another instance").isTrue();
        assertThat(s.contains("BB")).isFalse();
        assertThat(s.contains("envoys")).isFalse();
        assertThat(s.contains(42)).isFalse();
        assertThatThrownBy(() -> s.contains(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void manyWordsAreAllFoundAndIteratedInTheOrderGiven() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            words.add("w" + i * 7919);
        }
        WordSet s = WordSet.of(words);
        assertThat(new ArrayList<>(s)).containsExactlyElementsOf(words);
        Set<String> reference = new HashSet<>(words);
        for (int i = 0; i < 5000; i++) {
            String w = "w" + i;
            assertThat(s.contains(w)).as(w).isEqualTo(reference.contains(w));
        }
        assertThat(s).isEqualTo(reference);
    }

    @Test
    void isImmutable() {
        WordSet s = WordSet.of(List.of("recall"));
        assertThatThrownBy(() -> s.add("expel")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.remove("recall")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(s).containsExactly("recall");
    }
}
