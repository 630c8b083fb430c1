package io.riposte.extraction.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A fast, allocation-light tokenizer and sentence splitter for news English.
 *
 * <p>Words, numbers (with thousands separators), dotted acronyms ({@code U.S.}), possessive
 * {@code 's} and {@code n't} are tokens; every other non-space character is a one-character token.
 * Curly apostrophes are treated as straight ones. Offsets point into the original text. Sentences
 * end at {@code . ! ?} followed by an upper-case start (not after an abbreviation) and at every line
 * break, so a headline is its own sentence.
 */
public final class Tokens {
    public final String text;
    public final String[] word;
    public final String[] lower;
    /**
     * {@code hashCode()} of each token's lower-case form: a word-set test of a token ({@link #in}) that misses reads
     * this array and the set's, no string (the passes ask nearly every token about several sets).
     */
    final int[] hash;
    /**
     * The classes of each token ({@link #CAPITALISED}, {@link #NUMBER}, {@link #YEAR}, {@link #ACTOR_START}), found
     * once per word of the thread's vocabulary; null for the tokens of a phrase ({@link #ofPhrase}), whose tests then
     * read the strings.
     */
    private final byte[] flags;
    /** Classes of a token: its first character is upper case. */
    static final byte CAPITALISED = 1;
    /** Classes of a token: {@link Dates#isNumber}. */
    static final byte NUMBER = 2;
    /** Classes of a token: {@link Dates#isYear}. */
    static final byte YEAR = 4;
    /** Classes of a token: the first token of an actor phrase of the lexicon, as written. */
    static final byte ACTOR_START = 8;
    public final int[] start;
    public final int[] end;
    /** sentence index of each token */
    public final int[] sentence;
    /** first token of each sentence, plus size at the end */
    public final int[] sentenceStart;
    public final int size;
    public final int sentences;
    /** Abbreviations whose dot ends no sentence ({@code words.tsv}: {@code ABBREVIATIONS}). */
    private final Set<String> abbreviations;

    private Tokens(String text, String[] word, String[] lower, int[] hash, byte[] flags, int[] start, int[] end, int size,
            Set<String> abbreviations) {
        this.text = text;
        this.hash = hash;
        this.flags = flags;
        this.abbreviations = abbreviations;
        this.word = word;
        this.start = start;
        this.end = end;
        this.size = size;
        this.lower = lower;
        this.sentence = new int[size];
        int[] ss = new int[16];
        int n = 0;
        if (size > 0) {
            ss[n++] = 0;
        }
        for (int i = 0; i < size - 1; i++) {
            boolean breakHere = false;
            if (hasNewline(text, end[i], start[i + 1])) {
                breakHere = true;
            } else if (isTerminal(word[i])) {
                int j = i + 1;
                // closing quotes and brackets stay with the sentence they close
                while (j < size && isCloser(word[j]) && !hasNewline(text, end[j - 1], start[j])) {
                    j++;
                }
                if (j < size && startsSentence(word[j]) && !(word[i].equals(".") && i > 0 && isAbbreviation(i))) {
                    i = j - 1;
                    breakHere = true;
                }
            }
            if (breakHere) {
                if (n == ss.length) {
                    ss = Arrays.copyOf(ss, n * 2);
                }
                ss[n++] = i + 1;
            }
        }
        this.sentences = n;
        this.sentenceStart = Arrays.copyOf(ss, n + 1);
        this.sentenceStart[n] = size;
        for (int s = 0; s < n; s++) {
            for (int i = sentenceStart[s]; i < sentenceStart[s + 1]; i++) {
                sentence[i] = s;
            }
        }
    }

    private boolean isAbbreviation(int dot) {
        int p = dot - 1;
        if (end[p] != start[dot]) {
            return false; // "logic .Next": a space before the dot
        }
        String w = lower[p];
        return in(abbreviations, p) || (w.length() == 1 && Character.isLetter(w.charAt(0)));
    }

    /** Whether token i's lower-case form is one of {@code words}: {@code words.contains(lower[i])}. */
    boolean in(Set<String> words, int i) {
        return words instanceof WordSet ws ? ws.contains(lower[i], hash[i]) : words.contains(lower[i]);
    }

    private static boolean hasNewline(String t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (t.charAt(k) == '\n') {
                return true;
            }
        }
        return false;
    }

    private static boolean isTerminal(String w) {
        if (w.length() != 1) {
            return false;
        }
        char c = w.charAt(0);
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isCloser(String w) {
        return w.equals("\"") || w.equals("'") || w.equals(")") || w.equals("\u201d") || w.equals("\u2019");
    }

    private static boolean startsSentence(String w) {
        char c = w.charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201c' || c == '\'' || c == '(' || c == '\u2018';
    }

    /** The tokens and sentences of a text (see the class comment). */
    public static Tokens of(String text, Lexicon lex) {
        return of(text, text.toCharArray(), lex);
    }

    /** {@link #of(String, Lexicon)} of a text whose characters the caller has copied: {@code chars} starts with them. */
    public static Tokens of(String text, char[] chars, Lexicon lex) {
        return new Reader(text, chars, lex.threadVocabulary()).read(lex.words("ABBREVIATIONS"));
    }

    /** The tokens of a dictionary phrase or a name, whose sentences are not looked at. */
    static Tokens ofPhrase(String phrase) {
        return new Reader(phrase, phrase.toCharArray(), null).read(Set.of());
    }

    /** Flags of the ASCII characters, from {@link Character}'s own tests, so a table read gives the same answers. */
    private static final byte SPACE = 1;
    private static final byte LETTER_OR_DIGIT = 2;
    private static final byte LETTER = 4;
    private static final byte DIGIT = 8;
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = (byte) ((Character.isWhitespace(c) ? SPACE : 0) | (Character.isLetterOrDigit(c) ? LETTER_OR_DIGIT : 0)
                    | (Character.isLetter(c) ? LETTER : 0) | (Character.isDigit(c) ? DIGIT : 0));
        }
    }

    private static boolean isSpace(char c) {
        return c < 128 ? (ASCII[c] & SPACE) != 0 : Character.isWhitespace(c) || c == '\u00a0';
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? (ASCII[c] & LETTER_OR_DIGIT) != 0 : Character.isLetterOrDigit(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? (ASCII[c] & LETTER) != 0 : Character.isLetter(c);
    }

    private static boolean isDigit(char c) {
        return c < 128 ? (ASCII[c] & DIGIT) != 0 : Character.isDigit(c);
    }

    /**
     * One pass over a text. A token is the shared strings of the thread's vocabulary ({@link Lexicon#threadVocabulary()}):
     * a word the lexicon does not know is cut out of the text and lower-cased the first time the thread reads it.
     */
    private static final class Reader {
        private final String text;
        /** The text's characters (at least its length of them), read instead of {@code String.charAt}. */
        private final char[] cs;
        private final Vocabulary known;
        private String[] word;
        private String[] lower;
        private int[] hash;
        private byte[] flags;
        private int[] start;
        private int[] end;
        private int size;

        Reader(String text, char[] cs, Vocabulary known) {
            this.text = text;
            this.cs = cs;
            this.known = known;
            int capacity = Math.max(16, text.length() / 5);
            word = new String[capacity];
            lower = new String[capacity];
            hash = new int[capacity];
            flags = known == null ? null : new byte[capacity];
            start = new int[capacity];
            end = new int[capacity];
        }

        Tokens read(Set<String> abbreviations) {
            String text = this.text;
            char[] cs = this.cs;
            int n = text.length();
            int i = 0;
            while (i < n) {
                char c = cs[i];
                if (isSpace(c)) {
                    i++;
                    continue;
                }
                int s = i;
                int e;
                if (isLetterOrDigit(c)) {
                    e = i + 1;
                    while (e < n) {
                        char d = cs[e];
                        if (isLetterOrDigit(d)) {
                            e++;
                        } else if ((d == ',' || d == '.') && isDigit(cs[e - 1]) && e + 1 < n
                                && isDigit(cs[e + 1])) {
                            e++; // 1,000 and 3.5
                        } else if ((d == '\'' || d == '\u2019') && e + 1 < n && isLetter(cs[e + 1])) {
                            int k = e + 1;
                            while (k < n && isLetter(cs[k])) {
                                k++;
                            }
                            // as equalsIgnoreCase("s") or ("t") of the letters after the apostrophe, with no substring
                            if (k - e == 2 && (text.regionMatches(true, e + 1, "s", 0, 1) || text.regionMatches(true, e + 1, "t", 0, 1))) {
                                break; // possessive 's or n't: split below
                            }
                            e = k; // d'Ivoire, N'Djamena
                        } else {
                            break;
                        }
                    }
                    // dotted acronyms: U.S. U.K. D.C.
                    if (e - s == 1 && Character.isUpperCase(c) && e + 1 < n && cs[e] == '.'
                            && Character.isUpperCase(cs[e + 1])) {
                        int k = e;
                        while (k + 1 < n && cs[k] == '.' && Character.isUpperCase(cs[k + 1])
                                && (k + 2 >= n || !isLetter(cs[k + 2]))) {
                            k += 2;
                        }
                        if (k < n && cs[k] == '.') {
                            k++;
                        }
                        e = k;
                    }
                    // n't: "didn't" -> "did" "n't"
                    if (e < n && (cs[e] == '\'' || cs[e] == '\u2019') && e + 1 < n
                            && (cs[e + 1] == 't' || cs[e + 1] == 'T') && e - s > 1
                            && (cs[e - 1] == 'n' || cs[e - 1] == 'N')) {
                        add(s, e - 1);
                        add(e - 1, e + 2, NOT, NOT, NOT.hashCode(), known == null ? 0 : known.flagsOf(NOT, NOT));
                        i = e + 2;
                        continue;
                    }
                } else if ((c == '\'' || c == '\u2019') && i + 1 < n && (cs[i + 1] == 's' || cs[i + 1] == 'S')
                        && (i + 2 >= n || !isLetter(cs[i + 2])) && size > 0 && end[size - 1] == i) {
                    e = i + 2;
                } else {
                    e = i + 1;
                }
                add(s, e);
                i = e;
            }
            return new Tokens(text, word, lower, hash, flags, start, end, size, abbreviations);
        }

        /** The token text[s, e): the shared strings of a word seen before, else new ones. */
        private void add(int s, int e) {
            if (known == null) {
                String w = tokenOf(text.substring(s, e));
                String l = w.toLowerCase(Locale.ROOT);
                add(s, e, w, l, l.hashCode(), (byte) 0);
                return;
            }
            int hash = 0;
            for (int k = s; k < e; k++) {
                hash = 31 * hash + cs[k];
            }
            int at = known.find(cs, s, e, hash);
            if (at < 0) {
                String key = text.substring(s, e);
                at = known.addWithLower(key, tokenOf(key));
            }
            add(s, e, known.word(at), known.lower(at), known.lowerHash(at), known.flags(at));
        }

        private void add(int s, int e, String w, String l, int h, byte f) {
            if (size == word.length) {
                int capacity = size * 2;
                word = Arrays.copyOf(word, capacity);
                lower = Arrays.copyOf(lower, capacity);
                hash = Arrays.copyOf(hash, capacity);
                flags = flags == null ? null : Arrays.copyOf(flags, capacity);
                start = Arrays.copyOf(start, capacity);
                end = Arrays.copyOf(end, capacity);
            }
            word[size] = w;
            lower[size] = l;
            hash[size] = h;
            if (flags != null) {
                flags[size] = f;
            }
            start[size] = s;
            end[size] = e;
            size++;
        }
    }

    private static final String NOT = "n't";

    /** The token of the characters of a word: a curly apostrophe is a straight one. */
    private static String tokenOf(String chars) {
        if (chars.length() == 2 && chars.charAt(0) == '\u2019') {
            return "'" + chars.charAt(1);
        }
        return chars.equals("\u2019") ? "'" : chars;
    }

    public int sentenceOf(int token) {
        return sentence[token];
    }

    public int sentenceFrom(int s) {
        return sentenceStart[s];
    }

    public int sentenceTo(int s) {
        return sentenceStart[s + 1];
    }

    /** Character span of sentence s. */
    public int sentenceCharStart(int s) {
        return start[sentenceStart[s]];
    }

    public int sentenceCharEnd(int s) {
        return end[sentenceStart[s + 1] - 1];
    }

    public boolean isCapitalized(int i) {
        return flags == null ? Character.isUpperCase(word[i].charAt(0)) : (flags[i] & CAPITALISED) != 0;
    }

    /** {@link Dates#isNumber} of token i's word. */
    boolean isNumber(int i) {
        return flags == null ? Dates.isNumber(word[i]) : (flags[i] & NUMBER) != 0;
    }

    /** {@link Dates#isYear} of token i's word. */
    boolean isYear(int i) {
        return flags == null ? Dates.isYear(word[i]) : (flags[i] & YEAR) != 0;
    }

    /** Whether token i's word, as written, is the first token of an actor phrase (a key of {@code Lexicon.actors}). */
    boolean startsActor(int i, Lexicon lex) {
        return flags == null ? lex.actors.containsKey(word[i]) : (flags[i] & ACTOR_START) != 0;
    }

    /** The classes of a token of the lexicon's vocabulary: its word and lower-case form. */
    static byte classesOf(Lexicon lex, String word, String lower) {
        int f = (!word.isEmpty() && Character.isUpperCase(word.charAt(0)) ? CAPITALISED : 0)
                | (Dates.isNumber(word) ? NUMBER : 0) | (Dates.isYear(word) ? YEAR : 0)
                | (lex.actors.containsKey(word) ? ACTOR_START : 0);
        return (byte) f;
    }
}
