package io.riposte.extraction.internal;

import io.riposte.domain.ActionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The enumeration fan-out pass: one verb with a list of states ("recalled its ambassadors to Ireland, Norway and
 * Spain", "Poland and Latvia expelled ...") is one action per state of the list (lists and groups come from
 * {@link Coordination}); a count given for the whole list is no one's count unless "each" says so. A reciprocal
 * action is two. An order to leave in a participial clause after an expulsion ("..., giving him 72 hours to
 * leave") restates that expulsion.
 *
 * <p>Word lists ({@code words.tsv}): {@code DISTRIBUTIVES}, {@code RESTATING_PARTICIPLES}.
 */
final class EnumerationFanOut {
    private final Tokens t;
    private final Segmentation seg;
    private final Set<String> distributives;

    EnumerationFanOut(Tokens tokens, Lexicon lex, Segmentation seg) {
        this.t = tokens;
        this.seg = seg;
        this.distributives = lex.words("DISTRIBUTIVES");
        this.restatingParticiples = lex.words("RESTATING_PARTICIPLES");
    }

    /** Participles that restate an expulsion just told: "expelled the envoy, giving him 72 hours to leave". */
    private final Set<String> restatingParticiples;

    /**
     * "X expelled Y's ambassador, giving the Z-born envoy 72 hours to leave": the order to leave in a participial
     * clause restates the expulsion before it (same sentence); its demonym names the envoy's nationality, not a
     * second target.
     */
    boolean restatesExpulsion(Trig tr, List<Hit> sentenceHits) {
        if (!tr.def().needs().equals("LEAVE") || sentenceHits.isEmpty()) {
            return false;
        }
        for (Hit h : sentenceHits) {
            if (h.type == ActionType.EXPEL_DIPLOMATS && h.anchor < tr.from()) {
                for (int k = h.anchor + 1; k + 1 < tr.from(); k++) {
                    if (t.word[k].equals(",") && t.in(restatingParticiples, k + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * "recalled its ambassadors to Ireland, Norway and Spain", "Poland and Latvia expelled ...":
     * the same action for every other state of the target's (then the source's) list or group.
     */
    private void fanOut(Hit h, List<Hit> into) {
        List<Hit> made = new ArrayList<>();
        made.add(h);
        if (h.targetMention != null) {
            for (String iso : Coordination.companions(h.targetMention, h.source)) {
                Hit c = Hit.copyOf(h);
                c.target = iso;
                made.add(c);
            }
        }
        if (h.sourceMention != null && h.sourceMention.to <= h.anchor) {
            List<String> sources = Coordination.companions(h.sourceMention, h.target);
            for (Hit m : List.copyOf(made)) {
                for (String iso : sources) {
                    if (!iso.equals(m.target)) {
                        Hit c = Hit.copyOf(m);
                        c.source = iso;
                        made.add(c);
                    }
                }
            }
        }
        if (made.size() > 1 && h.count != null && !seg.containsAny(t.sentenceFrom(h.sentence), t.sentenceTo(h.sentence), distributives)) {
            for (Hit m : made) {
                m.count = null; // "expelled ten diplomats of Latvia and Estonia": how many of each is not said
            }
        }
        into.addAll(made.subList(1, made.size()));
    }

    /**
     * The actions one action stands for: the other half of a reciprocal one ("expelled each other's diplomats"),
     * else one for every other state of a list or group on either side; they are added to {@code into}.
     */
    void expand(Hit h, List<Hit> into) {
        if (h.reciprocal && h.type.isHostileMeasure()) {
            into.add(Hit.mirrorOf(h));
        } else {
            fanOut(h, into);
        }
    }
}
