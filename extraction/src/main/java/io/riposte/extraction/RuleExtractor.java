package io.riposte.extraction;

import io.riposte.domain.Article;
import io.riposte.domain.ExtractedAction;
import io.riposte.extraction.internal.Passes;
import io.riposte.extraction.internal.Lexicon;
import io.riposte.extraction.internal.Tokens;
import java.util.List;
import java.util.Locale;

/**
 * Riposte's extractor: dictionary actors, a trigger lexicon and positional rules (see
 * extraction/README.md). Thread-safe: the dictionaries are immutable and every call works on its
 * own state. Never throws: bad input gives REJECTED or NOTHING_FOUND with a reason.
 */
public final class RuleExtractor implements Extractor {
    private final Lexicon lexicon;
    private final int maxChars;
    private final boolean keepNonFactual;

    RuleExtractor(Lexicon lexicon, int maxChars, boolean keepNonFactual) {
        this.lexicon = lexicon;
        this.maxChars = maxChars;
        this.keepNonFactual = keepNonFactual;
    }


    /**
     * Whether the word text[from, to) loses its last letter to a negation in {@link Tokens} ("didn't" is "did" and
     * "n't"), so a key word may be the word without it.
     */
    private static boolean splitsNegation(String text, int from, int to) {
        if (to - from < 2 || to + 1 >= text.length() || (text.charAt(to - 1) | 0x20) != 'n') {
            return false;
        }
        char apostrophe = text.charAt(to);
        return (apostrophe == '\'' || apostrophe == '\u2019') && (text.charAt(to + 1) | 0x20) == 't';
    }

    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[8192]);

    /** This thread's buffer for the characters of a text of n characters. */
    private static char[] buffer(int n) {
        char[] b = BUFFER.get();
        if (b.length < n) {
            b = new char[Math.max(n, b.length * 2)];
            BUFFER.set(b);
        }
        return b;
    }

    /** A letter as the prefilter counts letters: ASCII ones by their code, others as {@link Character#isLetter(char)}. */
    private static boolean isLetter(char c) {
        return c < 128 ? (char) ((c | 0x20) - 'a') < 26 : Character.isLetter(c);
    }

    @Override
    public ExtractionResult extract(Article article) {
        try {
            return doExtract(article);
        } catch (RuntimeException | StackOverflowError e) {
            return ExtractionResult.rejected("EXTRACTION_FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private ExtractionResult doExtract(Article article) {
        if (article == null) {
            return ExtractionResult.rejected("EMPTY: no article");
        }
        String text = article.text();
        if (text.isBlank()) {
            return ExtractionResult.rejected("EMPTY: no text");
        }
        if (text.length() > maxChars) {
            return ExtractionResult.rejected("OVERSIZE: " + text.length() + " characters, more than " + maxChars);
        }
        // One pass, no allocation: garbage, language and the trigger prefilter. Words are hashed as
        // they are read; only a hash hit is checked against the word itself. The analysis runs only when
        // the text has a word that opens the prefilter and a key word of some trigger phrase: a phrase
        // can match only where all its words are, and a first word may be as common as "in". The English
        // function words of the language check (words.tsv ENGLISH_MARKERS, first 400 words) are counted by
        // their hash alone, in the same table lookup.
        int n = text.length();
        int bad = 0;
        int letters = 0;
        int latin = 0;
        int words = 0;
        int english = 0;
        // Still to be seen: a word that opens the prefilter, and a key word of some trigger phrase (Lexicon.KEY).
        int unseen = Lexicon.OPENING | (lexicon.triggerWithoutKey() ? 0 : Lexicon.KEY);
        // the characters copied once into a buffer of the thread: the loop reads an array, not String.charAt
        char[] chars = buffer(n);
        text.getChars(0, n, chars, 0);
        int i = 0;
        while (i < n) {
            char c = chars[i];
            if (!isLetter(c)) {
                // a control character but a line break or a tab (all below 0x20), or a replacement character
                if (c < 0x20 ? c != '\n' && c != '\r' && c != '\t' : c == '\uFFFD') {
                    bad++;
                }
                i++;
                continue;
            }
            // A word: its letters are hashed as String.hashCode() of its lower-case form, and the hash before its
            // last letter kept for a word that loses that letter to a negation.
            int wordStart = i;
            int hash = 0;
            int lastHash = 0;
            do {
                if (c < 0x250) {
                    latin++;
                }
                lastHash = hash;
                hash = 31 * hash + (c < 128 ? (c | 0x20) : Character.toLowerCase(c));
                i++;
            } while (i < n && isLetter(c = chars[i]));
            letters += i - wordStart;
            words++;
            int kinds = unseen != 0 || words <= 400 ? lexicon.prefilterKinds(hash) : 0;
            int asked = kinds & unseen;
            if (asked != 0) {
                unseen &= ~lexicon.prefilterKinds(text, wordStart, i, asked);
            }
            // c is the character after the word when there is one; only an apostrophe can start a negation
            if ((unseen & Lexicon.KEY) != 0 && i < n && (c == '\'' || c == '\u2019') && splitsNegation(text, wordStart, i)
                    && (lexicon.prefilterKinds(lastHash) & Lexicon.KEY) != 0) {
                unseen &= ~lexicon.prefilterKinds(text, wordStart, i - 1, Lexicon.KEY);
            }
            if (words <= 400 && (kinds & Lexicon.ENGLISH) != 0) {
                english++;
            }
        }
        if (bad > Math.max(2, n / 200)) {
            return ExtractionResult.rejected("BINARY: " + bad + " control or replacement characters: not text");
        }
        if (letters == 0) {
            return ExtractionResult.rejected("NO_TEXT: no letters");
        }
        if (latin < letters / 2) {
            return ExtractionResult.of(List.of(), "NOT_ENGLISH: mostly non-Latin script");
        }
        if (words >= 30 && english * 100 < Math.min(words, 400) * 10) {
            return ExtractionResult.of(List.of(), String.format(Locale.ROOT, "NOT_ENGLISH: %d English function words in %d words",
                    english, Math.min(words, 400)));
        }
        if (unseen != 0) {
            return ExtractionResult.of(List.of(), "NO_TRIGGER: no action word");
        }
        Tokens tokens = Tokens.of(text, chars, lexicon);
        List<ExtractedAction> actions = new Passes(lexicon, article, tokens, keepNonFactual).run();
        return ExtractionResult.of(actions, "NO_ACTION: action words, but no action between two identified states");
    }
}
