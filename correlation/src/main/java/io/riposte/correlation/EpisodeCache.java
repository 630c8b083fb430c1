package io.riposte.correlation;

import io.riposte.domain.Action;
import io.riposte.domain.Chain;
import io.riposte.domain.ExtractedAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The dated episodes the last insert into each recently touched dyad computed, as they stand after it
 * (least recently touched dyad first), up to a number of mentions. Not state: a copy of what the stores
 * hold, so that the next report falling inside one of them is recomputed without reading its episode back
 * (on RocksDB, deserialising every report of the episode) nor the actions and chains it produced (every
 * action with all its evidence). An insert takes its dyad out first ({@link #take}) and puts back only
 * what it computed and the episodes whose days it wrote nothing in ({@link #keep}, {@link #untouched}), so
 * an episode it changed without recomputing it, or an insert that failed half-way, cannot leave a stale copy; a new Correlator (a stream task started again, state restored) starts empty.
 */
final class EpisodeCache {

    /**
     * One dated episode as an insert loaded it: its span (the days its widened intervals cover), its dated
     * mentions with their keys in key order, and the undated mentions anchored to them, in the order a
     * load from the stores lists them; once computed, its summary and what the action and chain stores hold
     * over its span (null where not known).
     */
    record Episode(boolean noYear, long spanLo, long spanHi, List<String> keys, List<ExtractedAction> dated,
            List<ExtractedAction> anchored, EpisodeSummary summary, StoredRange<Action> actions, StoredRange<Chain> chains) {

        Episode(long spanLo, long spanHi, List<String> keys, List<ExtractedAction> dated, List<ExtractedAction> anchored) {
            this(false, spanLo, spanHi, keys, dated, anchored, null, null, null);
        }

        /**
         * The dyad's no-year bucket: its mentions that no anchor or article places in a dated episode, with
         * their keys, in key order (in {@link #dated}: the bucket has no span and no summary).
         */
        static Episode noYearBucket(List<String> keys, List<ExtractedAction> free) {
            return new Episode(true, 0, 0, keys, free, List.of(), null, null, null);
        }

        Episode computed(EpisodeSummary s, StoredRange<Action> storedActions, StoredRange<Chain> storedChains) {
            return new Episode(noYear, spanLo, spanHi, keys, dated, anchored, s, storedActions, storedChains);
        }

        int size() {
            return dated.size() + anchored.size();
        }

        List<ExtractedAction> mentions() {
            List<ExtractedAction> all = new ArrayList<>(size());
            all.addAll(dated);
            all.addAll(anchored);
            return all;
        }

        /**
         * This episode with a dated mention that lies within its span: one more (its key not yet in it),
         * or the revision of the one under the same key; null when the keys say otherwise. The summary and
         * the stored ranges are those before the mention.
         */
        Episode with(String key, ExtractedAction m, boolean revision, long hi) {
            int at = java.util.Collections.binarySearch(keys, key);
            if (revision != at >= 0) {
                return null;
            }
            List<ExtractedAction> d = new ArrayList<>(dated);
            if (revision) {
                d.set(at, m);
                return new Episode(noYear, spanLo, hi, keys, d, anchored, summary, actions, chains);
            }
            List<String> k = new ArrayList<>(keys);
            k.add(-at - 1, key);
            d.add(-at - 1, m);
            return new Episode(noYear, spanLo, hi, k, d, anchored, summary, actions, chains);
        }
    }

    private final LinkedHashMap<String, List<Episode>> cached = new LinkedHashMap<>(16, 0.75f, true);
    private final int capacity;
    private int mentions;

    EpisodeCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cachedMentions must be >= 0: " + capacity);
        }
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    /** Takes the dyad's cached episodes out of the cache (an insert puts back what it recomputes and what it left alone). */
    List<Episode> take(String dyad) {
        List<Episode> known = cached.remove(dyad);
        if (known == null) {
            return List.of();
        }
        for (Episode e : known) {
            mentions -= e.size();
        }
        return known;
    }

    /** Puts back the dyad's episodes an insert computed, as many as fit; evicts the least recently touched dyads. */
    void keep(String dyad, List<Episode> episodes) {
        List<Episode> keep = new ArrayList<>();
        int size = 0;
        for (Episode e : episodes) {
            if (size + e.size() <= capacity) {
                keep.add(e);
                size += e.size();
            }
        }
        if (keep.isEmpty()) {
            return;
        }
        cached.put(dyad, keep);
        mentions += size;
        var eldest = cached.entrySet().iterator();
        while (mentions > capacity && eldest.hasNext()) {
            var e = eldest.next();
            if (!e.getKey().equals(dyad)) {
                for (Episode x : e.getValue()) {
                    mentions -= x.size();
                }
                eldest.remove();
            }
        }
    }

    /**
     * The dated episodes of {@code known} whose span meets none of the days an insert wrote in: its recomputed
     * {@code regions}, the days of its mention and of the revision it replaced, the chains it made dormant:
     * their mentions, anchored reports and stored actions and chains are as they were. Whatever moves a
     * mention into or out of an episode (an anchor, an article's placement) seeds it, so it is recomputed.
     */
    static List<Episode> untouched(List<Episode> known, List<long[]> regions, List<ExtractedAction> mentions,
            Long oldLatest, Long latest, CorrelationSettings settings) {
        List<long[]> written = new ArrayList<>(regions);
        for (ExtractedAction m : mentions) {
            if (m.date().hasYear()) {
                written.add(new long[] {m.date().earliest().toEpochDay(), m.date().latest().toEpochDay() + settings.episodeGapDays()});
            }
        }
        if (latest != null && oldLatest != null && latest > oldLatest) {
            // the chains Correlator.add makes dormant
            written.add(new long[] {oldLatest - settings.dormancyDays() - 1, latest - settings.dormancyDays() - 1});
        }
        List<Episode> out = new ArrayList<>();
        for (Episode ep : known) {
            if (!ep.noYear() && written.stream().noneMatch(w -> w[0] <= ep.spanHi() && ep.spanLo() <= w[1])) {
                out.add(ep);
            }
        }
        return out;
    }

    /**
     * The cached no-year bucket with a new undated mention that nothing places elsewhere and that moves no
     * other mention (the caller's seeds say so): exactly what the bucket's load from the stores would give.
     * Null when the bucket is not cached.
     */
    static Episode inNoYear(List<Episode> known, String key, ExtractedAction m) {
        for (Episode ep : known) {
            if (ep.noYear()) {
                return ep.with(key, m, false, 0);
            }
        }
        return null;
    }

    /**
     * A cached dated episode as it stands after an insert of {@code m} under {@code key} (replacing
     * {@code previous}, when not null): as cached when neither report's widened days meet its span; with
     * the report among its dated mentions when it falls within the span and, for a revision, keeps its key
     * and days ({@code sameKeyAndDays}). Null otherwise (a span that grows, splits or loses a report is read
     * again). Only the dated mentions are vouched for: the undated ones anchored to them are listed anew.
     */
    static Episode afterInsert(Episode ep, long gap, String key, ExtractedAction m, ExtractedAction previous,
            boolean revision, boolean sameKeyAndDays) {
        boolean meets = meets(ep, m, gap);
        if (previous != null && meets(ep, previous, gap) && !(meets && sameKeyAndDays)) {
            return null;
        }
        if (!meets) {
            return ep;
        }
        long e = m.date().earliest().toEpochDay();
        long l = m.date().latest().toEpochDay() + gap;
        return sameKeyAndDays && ep.spanLo() <= e && l <= ep.spanHi() ? ep.with(key, m, revision, ep.spanHi()) : null;
    }

    private static boolean meets(Episode ep, ExtractedAction m, long gap) {
        return m.date().hasYear() && m.date().earliest().toEpochDay() <= ep.spanHi()
                && ep.spanLo() <= m.date().latest().toEpochDay() + gap;
    }

    /** The cached dated episode whose span holds [a, b] (then no other episode of the dyad comes near it), or null. */
    static Episode holding(List<Episode> known, long a, long b) {
        for (Episode ep : known) {
            if (!ep.noYear() && ep.spanLo() <= a && b <= ep.spanHi()) {
                return ep;
            }
        }
        return null;
    }

    /**
     * The cached episode a dated mention whose widened interval is [e, l] falls in, with the mention: then
     * exactly what a load from the stores would give, the mention among the dated ones in key order, or in
     * place of the revision it replaces (same key, same days): the span does not move, so no other episode
     * comes near. A new mention that starts inside the span and reaches beyond it (the news of the latest
     * day of a live exchange) grows the span to l, when {@code storedAfter} says that no stored mention of
     * the dyad starts within the days added (nothing else joins; the days before the span are untouched).
     * Null when no cached episode holds it (then the stores are read).
     */
    static Episode within(List<Episode> known, long e, long l, String key, ExtractedAction m, boolean revision,
            java.util.function.BiPredicate<Long, Long> storedAfter) {
        for (Episode ep : known) {
            if (ep.noYear()) {
                continue;
            }
            if (ep.spanLo() <= e && l <= ep.spanHi()) {
                return ep.with(key, m, revision, ep.spanHi());
            }
            if (!revision && ep.spanLo() <= e && e <= ep.spanHi() && l > ep.spanHi() && !storedAfter.test(ep.spanHi() + 1, l)) {
                return ep.with(key, m, false, l);
            }
        }
        return null;
    }
}
