package io.riposte.extraction.internal;

import java.util.Set;

/**
 * How an action word is framed by the words around it, where the framing says it is not (or not only) the
 * act it names: a record set by an act told elsewhere ("the first expulsion ... since the war"), the one
 * spoken to ("made it clear to X"), another clause beyond a subordinator ("a day after gunmen killed 26").
 *
 * <p>Word lists ({@code words.tsv}): {@code RECORD_RANKS}, {@code ADDRESSING_VERBS}, {@code COUNT_BARRIERS},
 * {@code HISTORY_WORDS}, {@code SIGNALLING_WORDS}.
 */
final class Framing {
    private final Set<String> recordRanks;

    /** "the largest expulsion in the history of ...", "the first closure ... since the war": a record, not an act. */
    boolean recordPhrase(int trFrom, int trTo, int from, int to) {
        boolean ranked = false;
        for (int k = trFrom - 1; k >= Math.max(from, trFrom - 3); k--) {
            ranked |= t.in(recordRanks, k);
        }
        if (!ranked) {
            return false;
        }
        for (int k = trTo; k < Math.min(to, trTo + 14); k++) {
            String l = t.lower[k];
            if (historyWords.contains(l)) {
                return true;
            }
        }
        return false;
    }

    private final Set<String> addressingVerbs;
    /** "the largest expulsion since ...", "in its history": what makes a ranked measure a record. */
    private final Set<String> historyWords;
    /** "made it clear to X", "signalled to X": the one spoken to. */
    private final Set<String> signallingWords;

    /** The one spoken to: "made (it) clear to X", "signalled to X", "told X", "warned X that ...". */
    boolean addressee(int mFrom, int from) {
        int p = mFrom - 1;
        while (p > from && t.lower[p].equals("the")) {
            p--;
        }
        if (p < from) {
            return false;
        }
        if (t.in(addressingVerbs, p)) {
            return true;
        }
        return t.lower[p].equals("to") && p - 1 >= from && t.in(signallingWords, p - 1);
    }

    private final Set<String> countBarriers;

    /** A subordinate clause opens between lo and hi: what lies beyond belongs to another clause. */
    boolean subordinateBetween(int lo, int hi) {
        for (int k = lo; k < hi; k++) {
            if (t.in(countBarriers, k)) {
                return true;
            }
        }
        return false;
    }

    private final Tokens t;

    Framing(Tokens t, Lexicon lex) {
        this.t = t;
        this.recordRanks = lex.words("RECORD_RANKS");
        this.historyWords = lex.words("HISTORY_WORDS");
        this.signallingWords = lex.words("SIGNALLING_WORDS");
        this.addressingVerbs = lex.words("ADDRESSING_VERBS");
        this.countBarriers = lex.words("COUNT_BARRIERS");
    }
}
