package io.riposte.extraction.internal;

import java.util.Set;
import java.util.function.IntPredicate;

/**
 * What is said, asked or threatened around an action word: who threatens, and whether the words
 * report an act or only ask for or propose one.
 *
 * <p>Word lists ({@code words.tsv}): {@code ADVOCATING}, {@code SPEECH_MODALS}, {@code ANSWER_VERBS},
 * {@code PROPOSING_VERBS}, {@code REQUESTING_VERBS}, {@code PERMITTING_WORDS}, {@code POSING_VERBS},
 * {@code GOVERNING_THREAT_VERBS}.
 */
final class SpeechActs {
    private final Set<String> speechModals;
    private final Set<String> answerVerbs;

    private final Set<String> proposingVerbs;
    private final Set<String> requestingVerbs;
    private final Set<String> permittingWords;

    private final Tokens t;
    private final Lexicon lex;
    private final Set<String> advocating;
    private final Set<String> governingThreatVerbs;

    SpeechActs(Tokens t, Lexicon lex) {
        this.t = t;
        this.lex = lex;
        this.advocating = lex.words("ADVOCATING");
        this.governingThreatVerbs = lex.words("GOVERNING_THREAT_VERBS");
        this.speechModals = lex.words("SPEECH_MODALS");
        this.answerVerbs = lex.words("ANSWER_VERBS");
        this.proposingVerbs = lex.words("PROPOSING_VERBS");
        this.requestingVerbs = lex.words("REQUESTING_VERBS");
        this.permittingWords = lex.words("PERMITTING_WORDS");
        this.posingVerbs = lex.words("POSING_VERBS");
    }

    /** "Beijing would retaliate", "Moscow will take countermeasures": the mention is the subject of a future answer. */
    boolean retaliatesNext(Mention m) {
        int k = Math.max(m.to, m.headEnd);
        if (k + 1 < t.size && t.in(speechModals, k)) {
            String v = t.lower[k + 1].equals("not") || t.lower[k + 1].equals("also") ? (k + 2 < t.size ? t.lower[k + 2] : "") : t.lower[k + 1];
            return answerVerbs.contains(v);
        }
        return false;
    }

    /** "threatened to expel", "vowed to close": a threat verb governs the measure. */
    boolean threatVerbBefore(int a, int from) {
        for (int k = a - 1; k >= Math.max(from, a - 3); k--) {
            String l = t.lower[k];
            if (governingThreatVerbs.contains(l) || l.equals("threat") && !danger(k, from)) {
                return true;
            }
        }
        return false;
    }

    private final Set<String> posingVerbs;

    /** "posed a threat to national security", "were a threat to close allies": a danger, not a warning by anyone. */
    private boolean danger(int k, int from) {
        for (int j = k - 1; j >= Math.max(from, k - 3); j--) {
            if (t.in(posingVerbs, j)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "pushed for new sanctions", "called on Tuesday for the government to expel the envoy": an advocacy verb whose
     * "for" (after at most a day word) opens the phrase holding the measure.
     */
    private boolean advocatedFor(int k, int a) {
        if (!t.in(advocating, k)) {
            return false;
        }
        for (int j = k + 1; j < Math.min(a, k + 4); j++) {
            if (t.lower[j].equals("for")) {
                return true;
            }
            if (!lex.dates.weekdays.containsKey(t.lower[j]) && !t.lower[j].equals("on") && !t.lower[j].equals("today")) {
                return false;
            }
        }
        return false;
    }

    /**
     * Something asked for or put forward, not done: "proposed to the president that Russia expel 35
     * diplomats", "asked Mexico to let police enter the building to arrest him". A demand that the
     * other side itself act ("asked Canada to reduce its staff") is a measure and stays one.
     */
    boolean requested(int a, int from, IntPredicate clauseBoundary) {
        boolean permit = false;
        for (int k = a - 1; k >= Math.max(from, a - 14); k--) {
            String l = t.lower[k];
            if (advocatedFor(k, a)) {
                return true; // before the trigger-word stop: "called" also starts "called back its envoy"
            }
            if (l.equals(",") || l.equals("but") || clauseBoundary.test(k) || lex.triggerWords.contains(l) && !l.equals("request")) {
                return false; // "After Brussels proposed sanctions, Moscow expelled ...": the proposal is another clause's
            }
            if (permittingWords.contains(l)) {
                permit = true;
            }
            if (proposingVerbs.contains(l) || permit && requestingVerbs.contains(l)) {
                return true;
            }
        }
        return false;
    }
}
