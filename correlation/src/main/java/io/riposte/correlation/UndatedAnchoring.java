package io.riposte.correlation;

import io.riposte.domain.ExtractedAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where undated reports belong: each undated mention that may report a dated action is anchored to the
 * dated mention it reports (by count, by month, or by its kind alone), kept in the index store in both
 * directions so that the anchoring stays a function of the set of mentions whatever the arrival order.
 * Every change of an anchoring adds the episodes it touches to the {@link RecomputeSeed}s of the insert.
 */
final class UndatedAnchoring {

    private final CorrelationSettings settings;
    private final SortedStore<String> book;
    private final Function<String, ExtractedAction> read;
    private final ArticleFollowing following;

    /** @param read reads a mention by its store key (counted by the caller) */
    UndatedAnchoring(CorrelationSettings settings, SortedStore<String> book, Function<String, ExtractedAction> read,
            ArticleFollowing following) {
        this.settings = settings;
        this.book = book;
        this.read = read;
        this.following = following;
    }

    /**
     * Indexes a mention for anchoring. Undated mentions that state a count or a month ("Moscow expelled 60 Americans", "in September")
     * usually report an action dated elsewhere. Each is anchored to the LATEST dated mention of the
     * dyad it may report (a function of the set of mentions, kept current in both directions through
     * two indexes), and is then computed with that mention's episode instead of the no-year bucket.
     */
    void index(ExtractedAction m, String key, List<RecomputeSeed> seeds) {
        if (m.date().hasYear() && MentionMerger.participates(m)) {
            if (m.count() != null) {
                book.put(Keys.anchorByCount(m, m.count()) + key, key);
            }
            if (MentionMerger.anchorMonth(m) != null) {
                book.put(Keys.anchorByMonth(m, MentionMerger.anchorMonth(m)) + key, key);
            }
            if (MentionMerger.measureByKind(m)) {
                if (kindOnly(m)) {
                    book.put(Keys.anchorByKind(m) + key, key);
                }
                reanchorByKind(Keys.floatingByKind(m), seeds);
            }
            // undated mentions this one may anchor, and that had no later anchor
            List<Map.Entry<String, String>> candidates = new ArrayList<>();
            if (m.count() != null) {
                String p = Keys.floatingByCount(m, m.count());
                candidates.addAll(book.range(p, Keys.endOf(p)));
            }
            if (MentionMerger.anchorMonth(m) != null) {
                String p = Keys.floatingByMonth(m, MentionMerger.anchorMonth(m));
                candidates.addAll(book.range(p, Keys.endOf(p)));
            }
            for (Map.Entry<String, String> c : candidates) {
                ExtractedAction x = read.apply(c.getValue());
                if (x == null || !MentionMerger.anchors(m, x)) {
                    continue;
                }
                String current = book.get(Keys.anchorOf(x.id()));
                if (current != null && current.compareTo(key) >= 0) {
                    continue;
                }
                if (current != null) {
                    ExtractedAction previous = read.apply(current);
                    if (previous != null) {
                        book.delete(Keys.anchoredTo(previous.id()) + x.id());
                        seeds.add(RecomputeSeed.of(previous));
                    }
                } else {
                    seeds.add(RecomputeSeed.NO_YEAR); // it leaves the no-year bucket
                }
                book.put(Keys.anchorOf(x.id()), key);
                book.put(Keys.anchoredTo(m.id()) + x.id(), c.getValue());
                following.moved(x, seeds);
            }
        } else if (MentionMerger.anchorable(m)) {
            if (m.count() != null) {
                book.put(Keys.floatingByCount(m, m.count()) + m.id(), key);
            }
            if (m.date().month() != null) {
                book.put(Keys.floatingByMonth(m, m.date().month()) + m.id(), key);
            }
            anchor(m, key, seeds);
        } else if (MentionMerger.anchorableByKind(m)) {
            book.put(Keys.floatingByKind(m) + m.id(), key);
            book.put(Keys.floatingKinds(m.dyad()) + m.id(), key);
            anchor(m, key, seeds);
        }
    }

    /**
     * Whether a dated report is indexed under its kind: only when neither its count nor its month indexes it
     * already, since {@link #anchorByKind} reads all three indexes of its sides and type (one changelog
     * record per dated measure spared).
     */
    private static boolean kindOnly(ExtractedAction m) {
        return m.count() == null && MentionMerger.anchorMonth(m) == null;
    }

    /** Finds the latest dated mention the undated one may report, and records the anchoring. */
    private void anchor(ExtractedAction x, String xKey, List<RecomputeSeed> seeds) {
        if (MentionMerger.anchorableByKind(x)) {
            Map.Entry<String, ExtractedAction> y = anchorByKind(x);
            if (y != null) {
                recordAnchor(x, xKey, y.getKey(), y.getValue(), seeds);
            }
            return;
        }
        List<Map.Entry<String, String>> candidates = new ArrayList<>();
        // a stated month narrows most (and covers dated mentions without a count); else the count
        if (x.date().month() != null) {
            String p = Keys.anchorByMonth(x, x.date().month());
            candidates.addAll(book.range(p, Keys.endOf(p)));
        } else if (x.count() != null) {
            String p = Keys.anchorByCount(x, x.count());
            candidates.addAll(book.range(p, Keys.endOf(p)));
        }
        String best = null;
        ExtractedAction bestMention = null;
        for (Map.Entry<String, String> c : candidates) {
            if (best != null && c.getValue().compareTo(best) <= 0) {
                continue;
            }
            ExtractedAction y = read.apply(c.getValue());
            if (y != null && MentionMerger.anchors(y, x)) {
                best = c.getValue();
                bestMention = y;
            }
        }
        if (bestMention != null) {
            recordAnchor(x, xKey, best, bestMention, seeds);
        }
    }

    /** Records that the undated mention x (key xKey) reports the dated y (key yKey); y's episode changes. */
    private void recordAnchor(ExtractedAction x, String xKey, String yKey, ExtractedAction y, List<RecomputeSeed> seeds) {
        book.put(Keys.anchorOf(x.id()), yKey);
        book.put(Keys.anchoredTo(y.id()) + x.id(), xKey);
        seeds.add(RecomputeSeed.of(y));
        following.moved(x, seeds);
    }

    /** Forgets the anchor (key yKey) of the undated mention x; the anchor's episode changes. */
    private void dropAnchor(ExtractedAction x, String yKey, List<RecomputeSeed> seeds) {
        book.delete(Keys.anchorOf(x.id()));
        ExtractedAction y = read.apply(yKey);
        if (y != null) {
            book.delete(Keys.anchoredTo(y.id()) + x.id());
            seeds.add(RecomputeSeed.of(y));
        }
        following.moved(x, seeds);
    }

    /**
     * The dated mention an undated measure of no count and no month reports, by its kind alone: the
     * latest dated report of its sides and type, when all of them can only be one action
     * ({@link MentionMerger.OneAction}) and that action reaches within the link window of the dyad's
     * latest date; none when they may be several (which one is meant is unknown) or it lies further back.
     * A function of the set of dated mentions, recomputed by {@link #reanchorByKind} when it changes.
     */
    private Map.Entry<String, ExtractedAction> anchorByKind(ExtractedAction x) {
        // every dated report of the sides and type is under its count, its month or (neither) its kind
        String p = Keys.anchors(x);
        java.util.TreeSet<String> reports = new java.util.TreeSet<>();
        for (Map.Entry<String, String> c : book.range(p, Keys.endOf(p))) {
            reports.add(c.getValue());
        }
        MentionMerger.OneAction one = new MentionMerger.OneAction(settings.mergeSlackDays());
        Map.Entry<String, ExtractedAction> latest = null;
        for (String key : reports) {
            ExtractedAction y = read.apply(key);
            if (y != null) {
                if (!one.add(y)) {
                    return null;
                }
                latest = Map.entry(key, y); // mention keys sort by date: the last is the latest
            }
        }
        // An undated text is recent news: it tells the dyad's current exchange, not one long past.
        Long dyadLatest = Keys.parseDay(book.get(Keys.latest(x.dyad())));
        return latest == null || dyadLatest == null || one.lastDay() + settings.linkWindowDays() >= dyadLatest ? latest : null;
    }

    /**
     * A dated report of some sides and type came or went, or the dyad's latest date moved: the undated
     * ones anchored by kind alone under prefix p may now have another anchor, or none (two actions, or
     * one too old), or gain one. Both the episodes they leave and the ones they join are recomputed (the
     * no-year bucket included).
     */
    void reanchorByKind(String p, List<RecomputeSeed> seeds) {
        // the anchor depends only on the sides and type: one look per kind
        Map<String, Optional<Map.Entry<String, ExtractedAction>>> byKind = new HashMap<>();
        for (Map.Entry<String, String> f : book.range(p, Keys.endOf(p))) {
            ExtractedAction x = read.apply(f.getValue());
            if (x == null) {
                continue;
            }
            String current = book.get(Keys.anchorOf(x.id()));
            Map.Entry<String, ExtractedAction> y = byKind.computeIfAbsent(Keys.anchorByKind(x), k -> Optional.ofNullable(anchorByKind(x)))
                    .orElse(null);
            if (y == null ? current == null : y.getKey().equals(current)) {
                continue;
            }
            if (current != null) {
                dropAnchor(x, current, seeds);
            }
            seeds.add(RecomputeSeed.NO_YEAR); // it leaves or joins the no-year bucket, or moves: recompute it
            if (y != null) {
                recordAnchor(x, f.getValue(), y.getKey(), y.getValue(), seeds);
            }
        }
    }

    /** Undoes {@link #index} for a mention being replaced, re-anchoring what hung on it. */
    void unindex(ExtractedAction old, String oldKey, List<RecomputeSeed> seeds) {
        if (old.date().hasYear()) {
            if (old.count() != null) {
                book.delete(Keys.anchorByCount(old, old.count()) + oldKey);
            }
            if (MentionMerger.anchorMonth(old) != null) {
                book.delete(Keys.anchorByMonth(old, MentionMerger.anchorMonth(old)) + oldKey);
            }
            // a store written before the kind entry was kept only for kindOnly reports has it for others too
            if (MentionMerger.participates(old) && MentionMerger.measureByKind(old) && book.get(Keys.anchorByKind(old) + oldKey) != null) {
                book.delete(Keys.anchorByKind(old) + oldKey);
            }
            for (Map.Entry<String, String> x : book.range(Keys.anchoredTo(old.id()), Keys.endOf(Keys.anchoredTo(old.id())))) {
                book.delete(x.getKey());
                ExtractedAction m = read.apply(x.getValue());
                if (m != null) {
                    book.delete(Keys.anchorOf(m.id()));
                    seeds.add(RecomputeSeed.NO_YEAR);
                    following.moved(m, seeds);
                    anchor(m, x.getValue(), seeds);
                }
            }
            if (MentionMerger.participates(old) && MentionMerger.measureByKind(old)) {
                reanchorByKind(Keys.floatingByKind(old), seeds);
            }
        } else {
            if (old.count() != null) {
                book.delete(Keys.floatingByCount(old, old.count()) + old.id());
            }
            if (old.date().month() != null) {
                book.delete(Keys.floatingByMonth(old, old.date().month()) + old.id());
            }
            if (MentionMerger.anchorableByKind(old)) {
                book.delete(Keys.floatingByKind(old) + old.id());
                book.delete(Keys.floatingKinds(old.dyad()) + old.id());
            }
            String anchor = book.get(Keys.anchorOf(old.id()));
            if (anchor != null) {
                dropAnchor(old, anchor, seeds);
            }
        }
    }
}
