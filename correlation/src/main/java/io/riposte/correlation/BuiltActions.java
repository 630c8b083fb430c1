package io.riposte.correlation;

import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link MentionMerger#build} made of recently merged actions, so that a recomputed episode rebuilds
 * only the actions whose reports changed. A full recomputation re-merges every report of the episode,
 * while one insert changes at most a few actions; late in a long replay, building the unchanged ones
 * (their dates, counts, confidence, articles and evidence over every report) was a fifth of the stream
 * threads' time. {@code build} reads only the members in merge order and whether the action is dated as
 * in the no-year bucket, so an entry is reused only when both are equal: a pure cache, never stale, and
 * never shared (the mutable per-article map is copied both ways, since the fast path takes it over).
 * Bounded by the reports its entries hold; one per {@link Correlator}, so one stream task's thread uses it.
 */
final class BuiltActions {

    private record Built(ExtractedAction[] members, boolean noYear, FuzzyDate workingDate, FuzzyDate shownDate,
            TimelinePosition position, TimelinePosition orderingPosition, Integer count, Modality modality,
            TreeMap<String, Double> bestByArticle, int told, double confidence, List<String> articles,
            List<Evidence> evidence) {}

    /** By the id of the action's first member in merge order (its founder), least recently used first. */
    private final LinkedHashMap<String, Built> byFounder = new LinkedHashMap<>(256, 0.75f, true);
    private final int capacity;
    private int held;
    private long hits;
    private long misses;

    /** @param capacity how many reports the kept actions may hold in all (0: keep none) */
    BuiltActions(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Fills p's built fields from an earlier build of the same members, if one is kept; false otherwise. */
    boolean fill(MergedAction p, boolean noYear) {
        Built b = byFounder.get(p.members.get(0).id());
        if (b == null || b.noYear != noYear || !sameMembers(b.members, p.members)) {
            misses++;
            return false;
        }
        hits++;
        p.workingDate = b.workingDate;
        p.shownDate = b.shownDate;
        p.position = b.position;
        p.orderingPosition = b.orderingPosition;
        p.count = b.count;
        p.modality = b.modality;
        p.bestByArticle = new TreeMap<>(b.bestByArticle);
        p.told = b.told;
        p.confidence = b.confidence;
        p.articles = b.articles;
        p.evidence = b.evidence;
        return true;
    }

    /** Keeps what {@link MentionMerger#build} just made of p. */
    void keep(MergedAction p, boolean noYear) {
        int size = p.members.size();
        if (size > capacity) {
            return;
        }
        Built b = new Built(p.members.toArray(new ExtractedAction[0]), noYear, p.workingDate, p.shownDate, p.position,
                p.orderingPosition, p.count, p.modality, new TreeMap<>(p.bestByArticle), p.told, p.confidence,
                List.copyOf(p.articles), List.copyOf(p.evidence));
        Built replaced = byFounder.put(p.members.get(0).id(), b);
        held += size - (replaced == null ? 0 : replaced.members.length);
        for (Iterator<Map.Entry<String, Built>> it = byFounder.entrySet().iterator(); held > capacity && it.hasNext(); ) {
            held -= it.next().getValue().members.length;
            it.remove();
        }
    }

    /** Actions whose build was reused, and those built again (a cost measure for benchmarks). */
    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }

    private static boolean sameMembers(ExtractedAction[] kept, List<ExtractedAction> members) {
        if (kept.length != members.size()) {
            return false;
        }
        for (int i = 0; i < kept.length; i++) {
            ExtractedAction m = members.get(i);
            if (kept[i] != m && !kept[i].equals(m)) {
                return false;
            }
        }
        return true;
    }
}
