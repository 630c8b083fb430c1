package io.riposte.extraction.internal;

import java.util.Set;
import java.util.function.IntFunction;

/**
 * Threats announced without a measure verb: an answer that "will be taken" ("further measures, including
 * curbs on ..., will be taken"; "a similar step will be taken against it") and a state weighing an answer
 * ("is contemplating diplomatic moves in response", "mulls countermeasures"). Both name the answer by a measure
 * noun, so they are threats of the speaker against the other side, not acts. The measures listed inside such
 * a future subject are not facts either: {@link #insideFutureSubject} tells so. Word classes (words.tsv):
 * {@code MEASURE_NOUNS}, {@code MEASURE_MODIFIERS}, {@code FUTURE_MODALS}, {@code SPEECH_VERBS}, {@code TAKEN_VERBS}.
 *
 * <p>Direction: an answer that "will be taken" has no agent in its clause; it is the speaker's (the state whose
 * mention a speech verb follows: "the Russian ministry said", "..., the Argentine minister said"), and the other
 * side is the other state the sentence names ({@link #speaker}).
 */
final class ThreatFrames {
    /** How far back the subject of "will be taken" may start: subjects with a list inside are long. */
    private static final int SUBJECT_SPAN = 30;

    private final Tokens t;
    private final Set<String> measureNouns;
    private final Set<String> modifiers;
    private final Set<String> modals;
    private final Set<String> speech;
    private final IntFunction<Mention> mentionAt;

    ThreatFrames(Tokens t, Lexicon lex, IntFunction<Mention> mentionAt) {
        this.t = t;
        this.mentionAt = mentionAt;
        this.speech = lex.words("SPEECH_VERBS");
        this.measureNouns = lex.words("MEASURE_NOUNS");
        this.modifiers = lex.words("MEASURE_MODIFIERS");
        this.modals = lex.words("FUTURE_MODALS");
        this.takenVerbs = lex.words("TAKEN_VERBS");
    }

    /** "be taken" at i: a modal right before it and a measure noun heading the subject before that. */
    boolean measuresTaken(int i, int from) {
        return i - 1 >= from && t.in(modals, i - 1) && subjectNoun(i - 1, from) >= 0;
    }

    /** The measure noun that heads the subject of the modal at m (within the sentence), or -1. */
    private int subjectNoun(int m, int from) {
        for (int k = m - 1; k >= Math.max(from, m - SUBJECT_SPAN); k--) {
            String l = t.lower[k];
            if (l.equals(";") || l.equals(":") || l.equals("said") || l.equals("says") || l.equals("that")) {
                return -1; // the subject starts after the reporting verb
            }
            if (measureNouns.contains(l) && (k == from || t.in(modifiers, k - 1) || t.lower[k - 1].equals(","))) {
                return k;
            }
        }
        return -1;
    }

    /** "weighing diplomatic moves": a measure noun within a few modifiers after the deliberating verb. */
    boolean measuresWeighed(int end, int to) {
        for (int k = end; k < Math.min(to, end + 4); k++) {
            String l = t.lower[k];
            if (measureNouns.contains(l)) {
                return true;
            }
            if (!modifiers.contains(l)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether token k lies inside the subject of a future "will be taken" later in the sentence: "other
     * measures, including restrictions on hiring, will be taken" announces the restrictions, it does not
     * report them.
     */
    boolean insideFutureSubject(int k, int from, int to) {
        for (int j = k + 1; j + 2 < to && j < k + SUBJECT_SPAN; j++) {
            if (t.in(modals, j) && t.lower[j + 1].equals("be") && t.in(takenVerbs, j + 2)) {
                int head = subjectNoun(j, from);
                return head >= 0 && head < k;
            }
            if (t.lower[j].equals(";") || t.lower[j].equals(":")) {
                return false;
            }
        }
        return false;
    }

    /** The mention of the one who speaks in [from, to): a state's mention right before a speech verb, or null. */
    Mention speaker(int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (!t.in(speech, k)) {
                continue;
            }
            for (int j = k - 1; j >= Math.max(from, k - 5); j--) {
                Mention m = mentionAt.apply(j);
                if (m != null && k - Math.max(m.to, m.headEnd) <= 1) {
                    return m;
                }
            }
        }
        return null;
    }

    private final Set<String> takenVerbs;
}
