package io.riposte.extraction.internal;

import io.riposte.domain.ActionType;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.util.ArrayList;
import java.util.List;

/**
 * One mention of an action in one sentence, before merging: what the passes fill in (type, sides, modality,
 * count, date) and what links it to others (its provocations, the cue, its cluster after merging).
 */
final class Hit {
    ActionType type;
    String source;
    String target;
    FuzzyDate date;
    boolean dateFallback;
    Integer count;
    Modality modality;
    double confidence;
    int sentence;
    int anchor;
    boolean referenced;
    final List<Hit> provokedBy = new ArrayList<>();
    boolean genericProvocation;
    boolean reciprocal;
    boolean mirror;
    String cue;
    /** the act of another dyad this one answers by a cross-dyad cue ("in solidarity with"): its sides, and its kind or null */
    String crossSource;
    String crossTarget;
    ActionType crossKind;
    Merging.Cluster cluster;
    /** the mentions the source and the target were taken from, when they were */
    Mention sourceMention;
    Mention targetMention;

    static Hit copyOf(Hit h) {
        Hit c = new Hit();
        c.type = h.type;
        c.source = h.source;
        c.target = h.target;
        c.date = h.date;
        c.dateFallback = h.dateFallback;
        c.count = h.count;
        c.modality = h.modality;
        c.confidence = h.confidence;
        c.sentence = h.sentence;
        c.anchor = h.anchor;
        c.referenced = h.referenced;
        c.cue = h.cue;
        c.genericProvocation = h.genericProvocation;
        c.mirror = h.mirror;
        return c;
    }

    /** The other half of a reciprocal action ("expelled each other's ambassadors"). */
    static Hit mirrorOf(Hit h) {
        Hit m = copyOf(h);
        m.source = h.target;
        m.target = h.source;
        m.confidence = h.confidence - 0.05;
        m.cue = null;
        m.genericProvocation = false;
        m.mirror = false;
        return m;
    }

    static boolean isRecalled(Hit h) {
        return h.referenced || h.modality == Modality.BACKGROUND;
    }
}
