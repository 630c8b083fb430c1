package io.riposte.extraction.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Cross-dyad answers where the text says so, part of the provocation pass: "C expelled A's diplomats in solidarity
 * with B" answers A's act against B, an act of another dyad. The cue is only read when the sentence itself tells
 * the answer (an unfriendly act of C against A) and names B right after the cue phrase, B being neither side of the
 * answer: a sentence of sympathy with no act of its own, or a cue naming no state, links nothing (precision first).
 * The kind of the answered act is recorded when the same sentence reports that act (A against B); correlation
 * finds the act itself in B's dyad with A.
 *
 * <p>Word lists ({@code words.tsv}): {@code CROSS_DYAD_CUES}, {@code CROSS_DYAD_LEADS} ("following B's lead": B answered
 * A's act first, this act follows it).
 */
final class CrossDyadCues {
    private final Tokens t;
    private final Segmentation seg;
    private final ActorMentions actors;
    /** the cue phrases and their lengths in words, longest first */
    private final String[] phrases;
    private final int[] lengths;
    /** their first words: a token that is none starts no cue, and no phrase need be compared with it */
    private final Set<String> starts;
    private final Set<String> leads;

    CrossDyadCues(Tokens tokens, Lexicon lex, Segmentation seg, ActorMentions actors) {
        this.t = tokens;
        this.seg = seg;
        this.actors = actors;
        this.leads = lex.words("CROSS_DYAD_LEADS");
        Cues cues = lex.derived("CrossDyadCues.cues", CrossDyadCues::cues);
        this.phrases = cues.phrases();
        this.lengths = cues.lengths();
        this.starts = cues.starts();
    }

    /** The cue phrases longest first, with their lengths in words (never modified: shared by every article). */
    private record Cues(String[] phrases, int[] lengths, Set<String> starts) {}

    private static Cues cues(Lexicon lex) {
        Set<String> words = lex.words("CROSS_DYAD_CUES");
        String[] phrases = words.stream().sorted((a, b) -> b.split(" ").length - a.split(" ").length).toArray(String[]::new);
        int[] lengths = new int[phrases.length];
        for (int i = 0; i < phrases.length; i++) {
            lengths[i] = phrases[i].split(" ").length;
        }
        return new Cues(phrases, lengths, WordSet.of(Stream.of(phrases).map(p -> p.split(" ")[0]).toList()));
    }

    /** Marks the unfriendly acts of sentence [from, to) that a cross-dyad cue of the sentence says answer another dyad's act. */
    void mark(int from, int to, List<Hit> sentenceHits) {
        if (sentenceHits.isEmpty()) {
            return;
        }
        for (int k = from; k < to; k++) {
            Mention leader = leaderAt(k, to);
            if (leader != null) {
                markAnswers(leader.iso, k == from ? to : k, sentenceHits);
                continue;
            }
            int end = phraseEnd(k, to);
            if (end < 0) {
                continue;
            }
            Mention named = stateAt(end, to);
            if (named != null) {
                markAnswers(named.iso, k == from ? to : k, sentenceHits);
            }
            k = end - 1;
        }
    }

    /** The state of "following B's lead" at k, or null. */
    private Mention leaderAt(int k, int to) {
        if (!t.in(leads, k)) {
            return null;
        }
        Mention m = stateAt(k + 1, to);
        return m != null && m.possessive && m.to + 1 < to && t.lower[m.to + 1].equals("lead") ? m : null;
    }

    /** The end of the longest cue phrase at k, or -1. */
    private int phraseEnd(int k, int to) {
        if (k >= to || !t.in(starts, k)) {
            return -1;
        }
        for (int i = 0; i < phrases.length; i++) {
            if (seg.startsWith(k, to, phrases[i])) {
                return k + lengths[i];
            }
        }
        return -1;
    }

    /** The state named at token k, after at most a "the" ("in support of the Dutch government"). */
    private Mention stateAt(int k, int to) {
        if (k < to && t.lower[k].equals("the")) {
            k++;
        }
        Mention m = k < to ? actors.mentionAt(k) : null;
        return m != null && m.iso != null && m.from == k ? m : null;
    }

    /**
     * Marks the unfriendly acts told before the cue (or anywhere after a cue that opens the sentence: "In solidarity
     * with B, C expelled ..."): one told after a cue in mid-sentence is what the wronged state suffered ("C stood in
     * solidarity with B, whose diplomats A expelled"), not an answer.
     */
    private static void markAnswers(String aggrieved, int before, List<Hit> sentenceHits) {
        for (Hit h : sentenceHits) {
            if (h.anchor >= before || h.type.severity() >= 0 || h.source.equals(aggrieved) || h.target.equals(aggrieved)) {
                continue;
            }
            h.crossSource = h.target;
            h.crossTarget = aggrieved;
            h.crossKind = null;
            for (Hit p : sentenceHits) {
                if (p.source.equals(h.target) && p.target.equals(aggrieved) && p.type.severity() < 0) {
                    h.crossKind = p.type;
                }
            }
        }
    }
}
