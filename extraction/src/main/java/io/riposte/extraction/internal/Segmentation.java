package io.riposte.extraction.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Segmentation below the sentence (sentences themselves come from {@link Tokens}): clause boundaries
 * (";", relative pronouns, subordinators, ", and", ", but", a participial phrase, but not the last comma of a
 * list), paragraphs, the attribution of a quote, and the word windows the passes look through.
 *
 * <p>Word lists ({@code words.tsv}): {@code CLAUSE_OPENERS}, {@code SUBORDINATORS}, {@code QUOTE_SPEECH_VERBS}.
 */
final class Segmentation {
    /** Words that open a clause of their own (with the subordinators): punctuation, relative pronouns. */
    private final Set<String> clauseOpeners;
    /** Conjunctions that open a subordinate clause: what follows is another event than the main clause's. */
    private final Set<String> subordinators;
    private final Tokens t;
    private final Lexicon lex;
    private final IntFunction<Mention> mentions;

    /** {@code mentions} gives the actor mention at a token, or null (lists are read from it). */
    Segmentation(Tokens tokens, Lexicon lex, IntFunction<Mention> mentions) {
        this.t = tokens;
        this.lex = lex;
        this.mentions = mentions;
        this.clauseOpeners = lex.words("CLAUSE_OPENERS");
        this.subordinators = lex.words("SUBORDINATORS");
        this.quoteSpeechVerbs = lex.words("QUOTE_SPEECH_VERBS");
    }

    /** The first token in [from, to) that is {@code a} or {@code b} (lower case), or -1. */
    int firstWord(int from, int to, String a, String b) {
        for (int k = from; k < to; k++) {
            if (t.lower[k].equals(a) || t.lower[k].equals(b)) {
                return k;
            }
        }
        return -1;
    }

    boolean sameParagraph(int s1, int s2) {
        int a = t.sentenceCharEnd(s1);
        int b = t.sentenceCharStart(s2);
        for (int k = a; k < b; k++) {
            if (t.text.charAt(k) == '\n') {
                return false;
            }
        }
        return true;
    }

    boolean isClauseBoundary(int k) {
        String l = t.lower[k];
        if (t.in(clauseOpeners, k) || t.in(subordinators, k)) {
            return true;
        }
        if (l.equals(",") && k + 2 < t.size && t.lower[k + 1].equals("and") && mentions.apply(k - 1) != null && mentions.apply(k + 2) != null
                && mentions.apply(k - 1).list != null && mentions.apply(k - 1).list == mentions.apply(k + 2).list) {
            return false; // "Sweden, Denmark, and Norway": the last comma of a list
        }
        return l.equals(",") && k + 1 < t.size && (t.lower[k + 1].equals("and") || t.lower[k + 1].equals("but")
                || isParticipialClause(k + 1));
    }

    /** The verbs that attribute a quote to its speaker. */
    private final Set<String> quoteSpeechVerbs;

    /** A mention right after a closing quote and followed by a speech verb: the attribution of a quote. */
    boolean isSpeaker(Mention m) {
        int end = Math.max(m.to, m.headEnd);
        boolean speaks = end < t.size && t.in(quoteSpeechVerbs, end) || end + 1 < t.size && t.in(quoteSpeechVerbs, end + 1);
        for (int k = end; !speaks && k < Math.min(t.size - 1, end + 4) && Character.isUpperCase(t.word[k].charAt(0)); k++) {
            speaks = t.in(quoteSpeechVerbs, k + 1); // "... ," Israeli Foreign Minister Jane Doe said: title and name
        }
        if (!speaks) {
            return false;
        }
        for (int k = m.from - 1; k >= Math.max(0, m.from - 6); k--) {
            String w = t.word[k];
            if (w.equals("\u201d") || w.equals("\"") || w.equals("'") || w.equals("\u2019")) {
                return true;
            }
        }
        return false;
    }

    /** ", accusing him of ...": a participial phrase (a lower-case -ing word, not "Beijing", not an action word). */
    boolean isParticipialClause(int k) {
        String w = t.word[k];
        return w.length() > 5 && w.endsWith("ing") && Character.isLowerCase(w.charAt(0)) && !t.in(lex.triggerWords, k);
    }

    /** The previous word, skipping a determiner. */
    int prevWord(int i) {
        int p = i - 1;
        if (p >= 0 && (t.lower[p].equals("the") || t.lower[p].equals("a"))) {
            p--;
        }
        return p;
    }

    boolean startsWithAny(int s, Set<String> phrases) {
        if (s >= t.sentences) {
            return false;
        }
        for (String p : phrases) {
            if (startsWith(t.sentenceFrom(s), t.sentenceTo(s), p)) {
                return true;
            }
        }
        return false;
    }

    /** Phrases split into words once (the phrases are constants of the passes). */
    private static final Map<String, String[]> SPLIT = new ConcurrentHashMap<>();

    boolean startsWith(int from, int to, String phrase) {
        if (from >= to || phrase.charAt(0) != t.lower[from].charAt(0)) {
            return false;
        }
        String[] ws = SPLIT.computeIfAbsent(phrase, p -> p.split(" "));
        if (from + ws.length > to) {
            return false;
        }
        for (int k = 0; k < ws.length; k++) {
            if (!t.lower[from + k].equals(ws[k])) {
                return false;
            }
        }
        return true;
    }

    boolean containsAny(int from, int to, Set<String> words) {
        for (int k = from; k < to; k++) {
            if (t.in(words, k)) {
                return true;
            }
        }
        return false;
    }

    boolean near(int i, int end, int from, int to, int w, Set<String> words) {
        return before(i, from, w, words) || after(end, to, w, words);
    }

    boolean before(int i, int from, int w, Set<String> words) {
        for (int k = i - 1; k >= Math.max(from, i - w); k--) {
            if (t.in(words, k)) {
                return true;
            }
        }
        return false;
    }

    boolean beforeAny(int i, int from, int w, Set<String> words) {
        return before(i, from, w, words);
    }

    boolean after(int end, int to, int w, Set<String> words) {
        for (int k = end; k < Math.min(to, end + w); k++) {
            if (t.in(words, k)) {
                return true;
            }
        }
        return false;
    }
}
