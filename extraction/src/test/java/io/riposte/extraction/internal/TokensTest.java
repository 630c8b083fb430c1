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

    @Test
    void aTokensHashAndClassesAreThoseOfItsStrings() {
        // words the lexicon knows and words it does not, numbers, years, a negation and all-caps words
        String text = "In March 2019 Russia expelled 12 Zorbanian diplomats; Moscow wouldn't comment. "
                + "The Glorbish ministry said 1,250 staff left in 1871 and 2101. RUSSIA EXPELLED ENVOYS.";
        Tokens t = Tokens.of(text, LEX);
        Tokens again = Tokens.of(text, LEX); // the second reading finds the thread's words added by the first
        for (Tokens tokens : new Tokens[] {t, again}) {
            for (int i = 0; i < tokens.size; i++) {
                String w = tokens.word[i];
                assertThat(tokens.hash[i]).as(w).isEqualTo(tokens.lower[i].hashCode());
                assertThat(tokens.isCapitalized(i)).as(w).isEqualTo(Character.isUpperCase(w.charAt(0)));
                assertThat(tokens.isNumber(i)).as(w).isEqualTo(Dates.isNumber(w));
                assertThat(tokens.isYear(i)).as(w).isEqualTo(Dates.isYear(w));
                assertThat(tokens.startsActor(i, LEX)).as(w).isEqualTo(LEX.actors.containsKey(w));
                for (String list : new String[] {"FUNCTION_WORDS", "PERSON_NOUNS", "ABBREVIATIONS"}) {
                    assertThat(tokens.in(LEX.words(list), i)).as(w + " in " + list).isEqualTo(LEX.words(list).contains(tokens.lower[i]));
                }
            }
        }
        assertThat(Arrays.asList(words(t))).contains("2019", "Russia", "n't", "1,250", "RUSSIA");
        assertThat(t.isYear(Arrays.asList(words(t)).indexOf("2019"))).isTrue();
        assertThat(t.startsActor(Arrays.asList(words(t)).indexOf("Russia"), LEX)).isTrue();
    }
}
