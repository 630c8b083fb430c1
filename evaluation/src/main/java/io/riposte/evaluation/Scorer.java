package io.riposte.evaluation;

import io.riposte.evaluation.GoldAction.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores predicted actions against gold exactly as the reference scorer does
 * ({@code ../shared/eval/score.py}; the rules in words: {@code ../shared/EVALUATION.md}, "Scoring").
 *
 * <p>Matching is greedy and one to one over every compatible (gold, prediction) pair, taken in the
 * order gold tier, date closeness ({@link DateMatch#distance}), gold line order, prediction line
 * order. Predictions matched to an {@code ignore} action are left out of the action figures; an
 * unmatched prediction that is a candidate for some gold action is a duplicate, any other unmatched
 * one is a false positive. Figures are rounded to 3 decimals where the reference rounds them, and
 * action F1 is computed from the rounded precision as the reference does, so that the figures agree
 * to the last digit.
 */
public final class Scorer {
    private static final Map<String, String> TYPE_ALIAS = Map.of("DECLARE_PERSONA_NON_GRATA", "EXPEL_DIPLOMATS");

    private Scorer() {}

    /** Scores without chains: the report has no chain-pair figures (as the reference without {@code --chains}). */
    public static Report score(List<GoldAction> gold, List<PredictedAction> predicted) {
        return score(gold, null, predicted);
    }

    /** @param chains the gold chains, or null to leave the chain-pair figures out */
    public static Report score(List<GoldAction> gold, List<GoldChain> chains, List<PredictedAction> predicted) {
        Matching m = Matching.of(gold, predicted);
        int np = predicted.size();

        // actions
        List<Integer> counted = new ArrayList<>();
        int ignored = 0;
        for (int pi = 0; pi < np; pi++) {
            Integer gi = m.predToGold.get(pi);
            if (gi != null && gold.get(gi).tier() == Tier.IGNORE) {
                ignored++;
            } else {
                counted.add(pi);
            }
        }
        int tp = 0;
        List<Report.Duplicate> duplicates = new ArrayList<>();
        List<PredictedAction> falsePositives = new ArrayList<>();
        for (int pi : counted) {
            if (m.predToGold.containsKey(pi)) {
                tp++;
                continue;
            }
            List<String> candidateOf = new ArrayList<>();
            for (GoldAction g : gold) {
                if (compatible(g, predicted.get(pi)) != null) {
                    candidateOf.add(g.id());
                }
            }
            if (candidateOf.isEmpty()) {
                falsePositives.add(predicted.get(pi));
            } else {
                duplicates.add(new Report.Duplicate(predicted.get(pi), candidateOf));
            }
        }
        List<Integer> core = new ArrayList<>();
        int coreMinor = 0;
        int matchedCore = 0;
        int matchedCoreMinor = 0;
        for (int gi = 0; gi < gold.size(); gi++) {
            Tier t = gold.get(gi).tier();
            boolean matched = m.goldToPred.containsKey(gi);
            if (t == Tier.CORE) {
                core.add(gi);
                matchedCore += matched ? 1 : 0;
            }
            if (t != Tier.IGNORE) {
                coreMinor++;
                matchedCoreMinor += matched ? 1 : 0;
            }
        }
        int dated = 0;
        int exact = 0;
        List<String> missedCore = new ArrayList<>();
        List<GoldAction> missedDetail = new ArrayList<>();
        List<Report.Inexact> inexact = new ArrayList<>();
        for (int gi : core) {
            GoldAction g = gold.get(gi);
            Integer pi = m.goldToPred.get(gi);
            if (pi == null) {
                missedCore.add(g.id());
                missedDetail.add(g);
            } else if (DateMatch.known(g.date())) {
                dated++;
                if (DateMatch.exact(g.date(), predicted.get(pi).date())) {
                    exact++;
                } else {
                    inexact.add(new Report.Inexact(g, predicted.get(pi)));
                }
            }
        }
        double precision = round(ratio(tp, tp + falsePositives.size()));
        double recallCore = ratio(matchedCore, core.size());
        double f1 = round(f1(precision, recallCore));

        Links links = Links.of(gold, predicted, m);
        Report.ChainPairs chainPairs = chains == null ? null : chainPairs(gold, chains, predicted, m);

        Map<String, String> matches = new LinkedHashMap<>();
        m.goldToPred.forEach((gi, pi) -> matches.put(gold.get(gi).id(), predicted.get(pi).id()));
        return new Report(np, core.size(), coreMinor,
                precision, duplicates.size(), counted.isEmpty() ? 0.0 : round(duplicates.size() / (double) counted.size()),
                round(recallCore), round(ratio(matchedCoreMinor, coreMinor)), f1,
                dated == 0 ? 0.0 : round(exact / (double) dated),
                round(links.precision()), round(links.recall()), round(f1(links.precision(), links.recall())),
                missedCore, falsePositives, matches, chainPairs,
                new Report.Details(tp, matchedCore, matchedCoreMinor - matchedCore, ignored, dated, exact, links.predicted,
                        links.right, links.needed, links.got, links.dangling, missedDetail, duplicates, inexact, links.wrong));
    }

    /** The greedy one-to-one matching, in acceptance order. */
    private record Matching(Map<Integer, Integer> goldToPred, Map<Integer, Integer> predToGold) {
        static Matching of(List<GoldAction> gold, List<PredictedAction> predicted) {
            List<long[]> candidates = new ArrayList<>();
            for (int gi = 0; gi < gold.size(); gi++) {
                for (int pi = 0; pi < predicted.size(); pi++) {
                    Integer d = compatible(gold.get(gi), predicted.get(pi));
                    if (d != null) {
                        candidates.add(new long[] {gold.get(gi).tier().ordinal(), d, gi, pi});
                    }
                }
            }
            candidates.sort((a, b) -> {
                for (int i = 0; i < a.length; i++) {
                    int c = Long.compare(a[i], b[i]);
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            });
            Map<Integer, Integer> g2p = new LinkedHashMap<>();
            Map<Integer, Integer> p2g = new HashMap<>();
            for (long[] c : candidates) {
                int gi = (int) c[2];
                int pi = (int) c[3];
                if (!g2p.containsKey(gi) && !p2g.containsKey(pi)) {
                    g2p.put(gi, pi);
                    p2g.put(pi, gi);
                }
            }
            return new Matching(g2p, p2g);
        }
    }

    /**
     * Predicted {@code responds_to} edges. An edge to an id the file does not hold is not an edge
     * (as in the reference); it is counted as dangling so that the report says so.
     */
    private record Links(int predicted, int right, int needed, int got, int dangling, List<String> wrong,
                         double precision, double recall) {
        static Links of(List<GoldAction> gold, List<PredictedAction> pred, Matching m) {
            Map<String, Integer> gid = new HashMap<>();
            for (int gi = 0; gi < gold.size(); gi++) {
                gid.put(gold.get(gi).id(), gi);
            }
            Map<String, Integer> pid = new HashMap<>();
            for (int pi = 0; pi < pred.size(); pi++) {
                pid.put(pred.get(pi).id(), pi);
            }
            Set<List<Integer>> goldAny = new HashSet<>();
            Set<Integer> needed = new HashSet<>();
            for (int gi = 0; gi < gold.size(); gi++) {
                GoldAction g = gold.get(gi);
                for (String t : g.respondsTo()) {
                    if (gid.containsKey(t)) {
                        goldAny.add(List.of(gi, gid.get(t)));
                    }
                }
                // recall asks for the most likely provocation to be known to the gold file
                if (g.tier() == Tier.CORE && !g.respondsTo().isEmpty() && gid.containsKey(g.respondsTo().get(0))) {
                    needed.add(gi);
                }
            }
            Set<List<Integer>> edges = new LinkedHashSet<>();
            int dangling = 0;
            for (int pi = 0; pi < pred.size(); pi++) {
                for (String t : pred.get(pi).respondsTo()) {
                    if (pid.containsKey(t)) {
                        edges.add(List.of(pi, pid.get(t)));
                    } else {
                        dangling++;
                    }
                }
            }
            int right = 0;
            Set<Integer> got = new HashSet<>();
            List<String> wrong = new ArrayList<>();
            for (List<Integer> e : edges) {
                Integer ga = m.predToGold.get(e.get(0));
                Integer gb = m.predToGold.get(e.get(1));
                if (ga != null && gb != null && goldAny.contains(List.of(ga, gb))) {
                    right++;
                    got.add(ga);
                } else {
                    wrong.add(pred.get(e.get(0)).id() + " (" + (ga == null ? "unmatched" : gold.get(ga).id()) + ") -> "
                            + pred.get(e.get(1)).id() + " (" + (gb == null ? "unmatched" : gold.get(gb).id()) + ")");
                }
            }
            got.retainAll(needed);
            return new Links(edges.size(), right, needed.size(), got.size(), dangling, wrong,
                    edges.isEmpty() ? 0.0 : right / (double) edges.size(),
                    needed.isEmpty() ? 0.0 : got.size() / (double) needed.size());
        }
    }

    /** Pairwise same-chain agreement over matched core actions that gold chains hold. */
    private static Report.ChainPairs chainPairs(List<GoldAction> gold, List<GoldChain> chains, List<PredictedAction> pred,
                                                Matching m) {
        Map<String, Integer> gid = new HashMap<>();
        for (int gi = 0; gi < gold.size(); gi++) {
            gid.put(gold.get(gi).id(), gi);
        }
        // A step in two chains counts in the last, as in the reference.
        Map<Integer, String> chainOf = new LinkedHashMap<>();
        for (GoldChain c : chains) {
            for (String s : c.steps()) {
                Integer gi = gid.get(s);
                if (gi != null && gold.get(gi).tier() == Tier.CORE) {
                    chainOf.put(gi, c.chainId());
                }
            }
        }
        List<Integer> items = chainOf.keySet().stream().filter(m.goldToPred::containsKey).toList();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                int a = items.get(i);
                int b = items.get(j);
                boolean sameGold = chainOf.get(a).equals(chainOf.get(b));
                String ca = pred.get(m.goldToPred.get(a)).chainId();
                boolean samePred = ca != null && ca.equals(pred.get(m.goldToPred.get(b)).chainId());
                tp += sameGold && samePred ? 1 : 0;
                fp += !sameGold && samePred ? 1 : 0;
                fn += sameGold && !samePred ? 1 : 0;
            }
        }
        double p = ratio(tp, tp + fp);
        double r = ratio(tp, tp + fn);
        return new Report.ChainPairs(round(p), round(r), round(f1(p, r)), tp, fp, fn);
    }

    /** Closeness of a compatible pair ({@link DateMatch#distance}), or null when the prediction cannot stand for the gold. */
    public static Integer compatible(GoldAction g, PredictedAction p) {
        if (!g.source().equals(p.source()) || !g.target().equals(p.target())) {
            return null;
        }
        if (!normalType(g.type()).equals(normalType(p.type()))) {
            return null;
        }
        if (g.count() != null && p.count() != null && !g.count().equals(p.count())) {
            return null;
        }
        return DateMatch.distance(g.date(), p.date());
    }

    private static String normalType(String type) {
        String t = type.toUpperCase(java.util.Locale.ROOT);
        return TYPE_ALIAS.getOrDefault(t, t);
    }

    /** 0 when there is nothing to divide by, as in the reference. */
    private static double ratio(int a, int b) {
        return b == 0 ? 0.0 : a / (double) b;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** Python's {@code round(x, 3)}: the exact binary value rounded half to even. */
    static double round(double x) {
        return new BigDecimal(x).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
    }
}
