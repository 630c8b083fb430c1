package io.riposte.correlation;

import io.riposte.domain.DatePrecision;
import io.riposte.domain.ExtractedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An undated article tells one story: when some of its reports of a dyad are anchored into a dated
 * episode ({@link UndatedAnchoring}), its other undated reports of that dyad, which nothing anchors (an
 * exit ban, an act of no known kind), are computed in the same episode instead of the no-year bucket.
 * Such a report follows the LATEST anchor of its article's anchored siblings: a function of the set of
 * mentions. The siblings are indexed by dyad and article in the index store; every change of a sibling's
 * anchor, arrival or departure seeds the no-year bucket and every episode the article's reports sit in.
 */
final class ArticleFollowing {

    private final SortedStore<String> book;
    private final Function<String, ExtractedAction> read;

    /** @param read reads a mention by its store key (counted by the caller) */
    ArticleFollowing(SortedStore<String> book, Function<String, ExtractedAction> read) {
        this.book = book;
        this.read = read;
    }

    private static String prefix(ExtractedAction m) {
        return "art|" + m.dyad() + "|" + Keys.hash(m.articleId(), 16) + "|";
    }

    /** The article's reports that may follow (see {@link #mayFollow}), apart so that a move costs nothing without them. */
    private static String followersPrefix(ExtractedAction m) {
        return "arf|" + m.dyad() + "|" + Keys.hash(m.articleId(), 16) + "|";
    }

    private static boolean indexed(ExtractedAction m) {
        return !m.date().hasYear() && m.articleId() != null;
    }

    /**
     * Only a report with no date at all follows: one with a month or a day of unknown year has its own
     * place in the no-year bucket's timeline, which a dated episode's timeline cannot hold.
     */
    private static boolean mayFollow(ExtractedAction m) {
        return indexed(m) && m.date().precision() == DatePrecision.UNKNOWN;
    }

    /** Indexes an undated mention (after its anchoring); a follower seeds the episode it joins. */
    void index(ExtractedAction m, String key, List<RecomputeSeed> seeds) {
        if (indexed(m)) {
            book.put(prefix(m) + m.id(), key);
            if (mayFollow(m)) {
                book.put(followersPrefix(m) + m.id(), key);
            }
            seedPlace(m, seeds);
        }
    }

    /** Undoes {@link #index} (after the anchoring's unindex, which seeds the siblings' moves). */
    void unindex(ExtractedAction old, List<RecomputeSeed> seeds) {
        if (indexed(old)) {
            seedPlace(old, seeds);
            book.delete(prefix(old) + old.id());
            book.delete(followersPrefix(old) + old.id());
        }
    }

    private void seedPlace(ExtractedAction m, List<RecomputeSeed> seeds) {
        String place = book.get(Keys.anchorOf(m.id())) == null ? placeOf(m) : null;
        if (place != null) {
            seeds.add(seedOf(place));
        }
    }

    /** The anchor's first day (in its store key) lies in its episode: no need to read it. */
    private static RecomputeSeed seedOf(String anchorKey) {
        long day = Keys.parseDay(anchorKey.split("\\|")[2]);
        return new RecomputeSeed(false, day, day);
    }

    /**
     * The undated mention m came, went or changed its anchor: its siblings may follow another episode
     * now. Seeds the no-year bucket and the episodes of all the article's anchors (the old anchor of m is
     * seeded by whoever dropped it).
     */
    void moved(ExtractedAction m, List<RecomputeSeed> seeds) {
        if (!indexed(m) || book.range(followersPrefix(m), Keys.endOf(followersPrefix(m))).stream()
                .allMatch(f -> f.getKey().endsWith("|" + m.id()))) {
            return; // no other report of the article may follow
        }
        seeds.add(RecomputeSeed.NO_YEAR);
        for (Map.Entry<String, String> s : book.range(prefix(m), Keys.endOf(prefix(m)))) {
            String anchor = book.get(Keys.anchorOf(s.getKey().substring(prefix(m).length())));
            if (anchor != null) {
                seeds.add(seedOf(anchor));
            }
        }
    }

    /**
     * The store key of the dated mention whose episode computes the undated m: its own anchor, else the
     * latest anchor of its article's other reports of the dyad; null for the no-year bucket.
     */
    String placeOf(ExtractedAction m) {
        String own = book.get(Keys.anchorOf(m.id()));
        if (own != null || !mayFollow(m)) {
            return own;
        }
        String best = null;
        for (Map.Entry<String, String> s : book.range(prefix(m), Keys.endOf(prefix(m)))) {
            String id = s.getKey().substring(prefix(m).length());
            String anchor = id.equals(m.id()) ? null : book.get(Keys.anchorOf(id));
            if (anchor != null && (best == null || anchor.compareTo(best) > 0)) {
                best = anchor;
            }
        }
        return best;
    }

    /** The unanchored undated reports that follow the anchored x into the episode of the dated key anchor. */
    List<ExtractedAction> followers(ExtractedAction x, String anchor) {
        List<ExtractedAction> out = new ArrayList<>();
        if (!indexed(x)) {
            return out;
        }
        for (Map.Entry<String, String> s : book.range(prefix(x), Keys.endOf(prefix(x)))) {
            String id = s.getKey().substring(prefix(x).length());
            if (!id.equals(x.id()) && book.get(Keys.anchorOf(id)) == null) {
                ExtractedAction f = read.apply(s.getValue());
                if (f != null && anchor.equals(placeOf(f))) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}
