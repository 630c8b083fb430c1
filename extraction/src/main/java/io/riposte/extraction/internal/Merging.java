package io.riposte.extraction.internal;

import io.riposte.domain.Article;
import io.riposte.domain.DateBasis;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.Evidence;
import io.riposte.domain.CrossDyadCue;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last pass: mentions of the same (source, target, type) in one article become one action with several
 * evidence entries when their counts agree and their dates are compatible; response links become ids, and a
 * generic cue ("in response") links to the other side's earlier hostile acts. Ids are deterministic (SHA-256
 * of article, type, sides, date, count and first offset).
 */
final class Merging {
    private final Article article;
    private final Tokens t;
    private final LocalDate published;

    Merging(Article article, Tokens tokens) {
        this.article = article;
        this.t = tokens;
        this.published = article.publishedDate();
    }

    static final class Cluster {
        final List<Hit> hits = new ArrayList<>();
        String id;
    }

    List<ExtractedAction> merge(List<Hit> hits) {
        List<Cluster> clusters = new ArrayList<>();
        for (Hit h : hits) {
            Cluster into = null;
            for (Cluster c : clusters) {
                Hit f = c.hits.get(0);
                if (!f.type.equals(h.type) || !f.source.equals(h.source) || !f.target.equals(h.target)) {
                    continue;
                }
                Integer cc = clusterCount(c);
                if (cc != null && h.count != null && !cc.equals(h.count)) {
                    continue;
                }
                FuzzyDate cd = clusterDate(c);
                boolean cFallback = clusterFallback(c);
                boolean sameCount = cc != null && cc.equals(h.count);
                boolean twoDates = !clusterFallback(c) && !h.dateFallback && !cd.compatibleWith(h.date, 3);
                if (c.hits.get(c.hits.size() - 1).sentence == h.sentence && (cc == null || h.count == null || sameCount) && !twoDates) {
                    into = c;
                    break;
                }
                boolean sameStanding = Hit.isRecalled(f) == Hit.isRecalled(h) || sameCount;
                boolean compatible = cd.compatibleWith(h.date, 3) || recentFallback(c, cd, h);
                boolean weak = (cFallback && cd.precision() == DatePrecision.UNKNOWN) || (h.dateFallback && h.date.precision() == DatePrecision.UNKNOWN);
                boolean fallback = cFallback || h.dateFallback;
                if (fallback ? sameStanding && (compatible && !weak || weak || sameCount) : compatible) {
                    into = c;
                    break;
                }
            }
            if (into == null) {
                into = new Cluster();
                clusters.add(into);
            }
            into.hits.add(h);
            h.cluster = into;
        }
        // ids
        for (Cluster c : clusters) {
            Hit f = c.hits.get(0);
            c.id = id(article.id() + "|" + f.type + "|" + f.source + "|" + f.target + "|" + clusterDate(c).iso() + "|"
                    + clusterCount(c) + "|" + t.start[f.anchor]);
        }
        List<ExtractedAction> out = new ArrayList<>();
        for (Cluster c : clusters) {
            Hit f = c.hits.get(0);
            Set<String> responds = new LinkedHashSet<>();
            String cue = null;
            CrossDyadCue cross = null;
            boolean generic = false;
            boolean mirror = false;
            for (Hit h : c.hits) {
                for (Hit p : h.provokedBy) {
                    if (p.cluster != c) {
                        responds.add(p.cluster.id);
                    }
                }
                generic |= h.genericProvocation;
                mirror |= h.mirror;
                if (cue == null) {
                    cue = h.cue;
                }
                if (cross == null && h.crossSource != null) {
                    cross = new CrossDyadCue(h.crossSource, h.crossTarget, h.crossKind);
                }
            }
            if (generic && responds.isEmpty()) {
                List<Cluster> opposite = new ArrayList<>();
                for (Cluster o : clusters) {
                    Hit of = o.hits.get(0);
                    if (o != c && of.source.equals(f.target) && of.target.equals(f.source) && of.type.isHostileMeasure()
                            && !after(clusterDate(o), clusterDate(c))) {
                        opposite.add(o);
                    }
                }
                List<Cluster> same = opposite.stream().filter(o -> o.hits.get(0).type == f.type).toList();
                for (Cluster o : mirror && !same.isEmpty() ? same : opposite) {
                    responds.add(o.id);
                }
            }
            List<Evidence> ev = new ArrayList<>();
            Set<Integer> seen = new LinkedHashSet<>();
            Modality modality = f.modality;
            double conf = 0;
            for (Hit h : c.hits) {
                if (seen.add(h.sentence)) {
                    int cs = t.sentenceCharStart(h.sentence);
                    int ce = t.sentenceCharEnd(h.sentence);
                    ev.add(new Evidence(article.id(), article.origin(), t.text.substring(cs, ce), cs, ce));
                }
                modality = strongest(modality, h.modality);
                conf = Math.max(conf, h.confidence);
            }
            conf = Math.min(0.99, conf + 0.03 * (c.hits.size() - 1));
            out.add(new ExtractedAction(c.id, article.id(), article.origin(), f.source, f.target, f.type, clusterDate(c),
                    clusterCount(c), modality, Math.round(conf * 100) / 100.0, ev, List.copyOf(responds), cue, cross));
        }
        return out;
    }

    /** A guess from the publication and a stated date in the last five weeks before it are the same news. */
    private boolean recentFallback(Cluster c, FuzzyDate cd, Hit h) {
        if (published == null) {
            return false;
        }
        boolean clusterGuess = clusterFallback(c) && cd.basis() == DateBasis.PUBLICATION_FALLBACK;
        boolean hitGuess = h.dateFallback && h.date.basis() == DateBasis.PUBLICATION_FALLBACK;
        FuzzyDate stated = clusterGuess && !h.dateFallback ? h.date : hitGuess && !clusterFallback(c) ? cd : null;
        if (stated == null || stated.latest() == null) {
            return false;
        }
        return !stated.latest().isBefore(published.minusDays(35)) && !stated.earliest().isAfter(published.plusDays(1));
    }

    private static Modality strongest(Modality a, Modality b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Modality m) {
        return switch (m) {
            case ASSERTED -> 5;
            case PLANNED -> 4;
            case THREATENED -> 3;
            case BACKGROUND -> 2;
            case HYPOTHETICAL -> 1;
            case NEGATED -> 0;
        };
    }

    private static Integer clusterCount(Cluster c) {
        for (Hit h : c.hits) {
            if (h.count != null) {
                return h.count;
            }
        }
        return null;
    }

    private static boolean clusterFallback(Cluster c) {
        for (Hit h : c.hits) {
            if (!h.dateFallback) {
                return false;
            }
        }
        return true;
    }

    /** The most specific stated date; a fallback date only when nothing was stated. */
    private static FuzzyDate clusterDate(Cluster c) {
        FuzzyDate best = null;
        for (Hit h : c.hits) {
            if (h.dateFallback) {
                continue;
            }
            if (best == null || h.date.moreSpecificThan(best)) {
                best = h.date;
            }
        }
        if (best != null) {
            return best;
        }
        for (Hit h : c.hits) {
            if (best == null || h.date.moreSpecificThan(best)) {
                best = h.date;
            }
        }
        return best;
    }

    private static String id(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return "xa-" + HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean after(FuzzyDate a, FuzzyDate b) {
        LocalDate ae = a.earliest();
        LocalDate bl = b.latest();
        return ae != null && bl != null && ae.isAfter(bl);
    }
}
