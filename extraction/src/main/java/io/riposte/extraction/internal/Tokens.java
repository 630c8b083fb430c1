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

    private Tokens(String text, String[] word, int[] start, int[] end, int size, Set<String> abbreviations) {
        this.text = text;
        this.abbreviations = abbreviations;
        this.word = word;
        this.start = start;
        this.end = end;
        this.size = size;
        this.lower = new String[size];
        for (int i = 0; i < size; i++) {
            lower[i] = word[i].toLowerCase(Locale.ROOT);
        }
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
        return abbreviations.contains(w) || (w.length() == 1 && Character.isLetter(w.charAt(0)));
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
        return w.equals(".") || w.equals("!") || w.equals("?");
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
        return of(text, lex.words("ABBREVIATIONS"));
    }

    /** The tokens of a dictionary phrase or a name, whose sentences are not looked at. */
    static Tokens ofPhrase(String phrase) {
        return of(phrase, Set.of());
    }

    private static Tokens of(String text, Set<String> abbreviations) {
        int n = text.length();
        String[] word = new String[Math.max(16, n / 5)];
        int[] start = new int[word.length];
        int[] end = new int[word.length];
        int size = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                i++;
                continue;
            }
            int s = i;
            int e;
            if (Character.isLetterOrDigit(c)) {
                e = i + 1;
                while (e < n) {
                    char d = text.charAt(e);
                    if (Character.isLetterOrDigit(d)) {
                        e++;
                    } else if ((d == ',' || d == '.') && Character.isDigit(text.charAt(e - 1)) && e + 1 < n
                            && Character.isDigit(text.charAt(e + 1))) {
                        e++; // 1,000 and 3.5
                    } else if ((d == '\'' || d == '\u2019') && e + 1 < n && Character.isLetter(text.charAt(e + 1))) {
                        int k = e + 1;
                        while (k < n && Character.isLetter(text.charAt(k))) {
                            k++;
                        }
                        String rest = text.substring(e + 1, k);
                        if (rest.equalsIgnoreCase("s") || rest.equalsIgnoreCase("t")) {
                            break; // possessive 's or n't: split below
                        }
                        e = k; // d'Ivoire, N'Djamena
                    } else {
                        break;
                    }
                }
                // dotted acronyms: U.S. U.K. D.C.
                if (e - s == 1 && Character.isUpperCase(c) && e + 1 < n && text.charAt(e) == '.'
                        && Character.isUpperCase(text.charAt(e + 1))) {
                    int k = e;
                    while (k + 1 < n && text.charAt(k) == '.' && Character.isUpperCase(text.charAt(k + 1))
                            && (k + 2 >= n || !Character.isLetter(text.charAt(k + 2)))) {
                        k += 2;
                    }
                    if (k < n && text.charAt(k) == '.') {
                        k++;
                    }
                    e = k;
                }
                // n't: "didn't" -> "did" "n't"
                if (e < n && (text.charAt(e) == '\'' || text.charAt(e) == '\u2019') && e + 1 < n
                        && (text.charAt(e + 1) == 't' || text.charAt(e + 1) == 'T') && e - s > 1
                        && (text.charAt(e - 1) == 'n' || text.charAt(e - 1) == 'N')) {
                    if (size + 2 >= word.length) {
                        word = Arrays.copyOf(word, word.length * 2);
                        start = Arrays.copyOf(start, word.length);
                        end = Arrays.copyOf(end, word.length);
                    }
                    word[size] = text.substring(s, e - 1);
                    start[size] = s;
                    end[size++] = e - 1;
                    word[size] = "n't";
                    start[size] = e - 1;
                    end[size++] = e + 2;
                    i = e + 2;
                    continue;
                }
            } else if ((c == '\'' || c == '\u2019') && i + 1 < n && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                    && (i + 2 >= n || !Character.isLetter(text.charAt(i + 2))) && size > 0 && end[size - 1] == i) {
                e = i + 2;
            } else {
                e = i + 1;
            }
            if (size == word.length) {
                word = Arrays.copyOf(word, word.length * 2);
                start = Arrays.copyOf(start, word.length);
                end = Arrays.copyOf(end, word.length);
            }
            String w = text.substring(s, e);
            if (w.length() == 2 && w.charAt(0) == '\u2019') {
                w = "'" + w.charAt(1);
            } else if (w.equals("\u2019")) {
                w = "'";
            }
            word[size] = w;
            start[size] = s;
            end[size] = e;
            size++;
            i = e;
        }
        return new Tokens(text, word, start, end, size, abbreviations);
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
        return Character.isUpperCase(word[i].charAt(0));
    }
}
