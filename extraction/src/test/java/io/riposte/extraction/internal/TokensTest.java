package io.riposte.extraction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TokensTest {
    private static final Lexicon LEX = PassFixture.LEX;

    private static String[] words(Tokens t) {
        return Arrays.copyOf(t.word, t.size);
    }

    @Test
    void tokensAreTheWordsOfTheTextWithTheirLowerCase() {
        String text = "The U.S. envoy didn\u2019t say it; Zorbania\u2019s CONSULATE in Côte d'Ivoire kept 1,250 files.\nNew line";
        Tokens t = Tokens.of(text, LEX);
        assertThat(words(t)).containsExactly("The", "U.S.", "envoy", "did", "n't", "say", "it", ";", "Zorbania", "'s",
                "CONSULATE", "in", "Côte", "d'Ivoire", "kept", "1,250", "files", ".", "New", "line");
        for (int i = 0; i < t.size; i++) {
            assertThat(t.lower[i]).isEqualTo(t.word[i].toLowerCase(Locale.ROOT));
            assertThat(t.text.substring(t.start[i], t.end[i]).replace('\u2019', '\'')).isEqualTo(t.word[i]);
        }
        assertThat(t.sentences).isEqualTo(2);
    }

    @Test
    void aWordReadAgainIsTheSameStringWhetherTheLexiconKnowsItOrNot() {
        Tokens first = Tokens.of("Embassy staff met the Glorbish baker.", LEX);
        Tokens second = Tokens.of("The embassy and the Glorbish baker met.", LEX);
        int embassy = Arrays.asList(words(first)).indexOf("Embassy");
        int glorbish = Arrays.asList(words(first)).indexOf("Glorbish");
        assertThat(second.lower[1]).isSameAs(first.lower[embassy]); // "embassy" and "Embassy" share their lower case
        assertThat(second.word[4]).isSameAs(first.word[glorbish]); // a word of no dictionary, read twice
        assertThat(second.lower[4]).isSameAs(first.lower[glorbish]).isEqualTo("glorbish");
    }

    @Test
    void vocabularyFindsATokenByItsCharactersAndGrows() {
        Vocabulary v = new Vocabulary(2);
        for (int i = 0; i < 100; i++) {
            v.addWithLower("Word" + i, "Word" + i);
        }
        char[] text = "a Word42 b".toCharArray();
        int at = v.find(text, 2, 8, "Word42".hashCode());
        assertThat(at).isNotNegative();
        assertThat(v.word(at)).isEqualTo("Word42");
        assertThat(v.lower(at)).isSameAs(v.word(v.find("word42")));
        assertThat(v.find(text, 0, 1, "a".hashCode())).isNegative();
        assertThat(v.size()).isEqualTo(200);
    }
}
