package io.riposte.domain.scoring;

import io.riposte.domain.scoring.GoldAction.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scores predicted actions against gold with the rules of EVALUATION.md.
 *
 * <p>Matching is one to one and maximal: gold actions are served core first, then minor, then
 * ignore, each taking its compatible predictions in order of date agreement (then count
 * agreement, then file order), and an augmenting-path search (Kuhn) re-seats earlier matches when
 * that lets one more gold action be matched. A gold action once matched is never unmatched by a
 * later one, so the core matching is maximum before minor and ignore actions are considered. The
 * result is deterministic for a given input order.
 *
 * <p>Every prediction then falls in exactly one class: MATCHED (to a core or minor action),
 * DUPLICATE (unmatched, but compatible with a core or minor action another prediction took),
 * IGNORED (matched to or compatible with an {@code ignore} action: left out of every figure), or
 * FALSE. Precision = matched / (matched + false); the duplicate rate = duplicates / (predictions -
 * ignored).
 *
 * <p>Links: a prediction stands for the gold action it matched, or, when it is a duplicate, for
 * every matched gold action it is compatible with. A predicted {@code responds_to} edge p -> q is
 * right when some gold action of p lists some gold action of q in its {@code responds_to}.
 */
public final class Scorer {

    public enum Outcome { MATCHED, DUPLICATE, IGNORED, FALSE }

    private Scorer() {}

    public static Report score(List<GoldAction> gold, List<GoldChain> chains, List<PredictedAction> predicted) {
        List<GoldAction> order = new ArrayList<>(gold);
        order.sort(Comparator.comparingInt((GoldAction g) -> g.tier().ordinal()));
        int np = predicted.size();
        // candidate predictions per gold action, best first
        List<List<Integer>> cand = new ArrayList<>();
        for (GoldAction g : order) {
            List<Integer> c = new ArrayList<>();
            for (int i = 0; i < np; i++) {
                if (compatible(g, predicted.get(i))) {
                    c.add(i);
                }
            }
            c.sort(Comparator.comparingInt((Integer i) -> cost(g, predicted.get(i))).thenComparingInt(i -> i));
            cand.add(c);
        }
        int[] predToGold = new int[np];
        Arrays.fill(predToGold, -1);
        for (int gi = 0; gi < order.size(); gi++) {
            augment(gi, cand, predToGold, new boolean[np]);
        }
        improve(order, predicted, predToGold);
        Map<String, PredictedAction> goldToPred = new HashMap<>();
        Map<Integer, GoldAction> matchOf = new HashMap<>();
        for (int i = 0; i < np; i++) {
            if (predToGold[i] >= 0) {
                GoldAction g = order.get(predToGold[i]);
                goldToPred.put(g.id(), predicted.get(i));
                matchOf.put(i, g);
            }
        }

        Map<String, Outcome> outcome = new LinkedHashMap<>();
        Map<String, List<String>> ends = new HashMap<>();
        List<Report.Pair> matches = new ArrayList<>();
        List<Report.Pair> duplicates = new ArrayList<>();
        List<PredictedAction> falses = new ArrayList<>();
        int matchedCore = 0;
        int matchedMinor = 0;
        int ignored = 0;
        for (int i = 0; i < np; i++) {
            PredictedAction p = predicted.get(i);
            GoldAction m = matchOf.get(i);
            Outcome o;
            if (m != null && m.tier() != Tier.IGNORE) {
                o = Outcome.MATCHED;
                ends.put(p.id(), List.of(m.id()));
                matches.add(new Report.Pair(p, m.id()));
                if (m.tier() == Tier.CORE) {
                    matchedCore++;
                } else {
                    matchedMinor++;
                }
            } else if (m != null) {
                o = Outcome.IGNORED;
                // Gold may name an ignore-tier action as a provocation: an edge to it can still be right.
                ends.put(p.id(), List.of(m.id()));
            } else {
                List<String> dupOf = new ArrayList<>();
                List<String> ignorableAs = new ArrayList<>();
                for (GoldAction g : order) {
                    if (compatible(g, p)) {
                        if (g.tier() == Tier.IGNORE) {
                            ignorableAs.add(g.id());
                        } else if (goldToPred.containsKey(g.id())) {
                            dupOf.add(g.id());
                        }
                    }
                }
                if (!dupOf.isEmpty()) {
                    o = Outcome.DUPLICATE;
                    ends.put(p.id(), dupOf);
                    duplicates.add(new Report.Pair(p, String.join(",", dupOf)));
                } else if (!ignorableAs.isEmpty()) {
                    o = Outcome.IGNORED;
                    ends.put(p.id(), ignorableAs);
                } else {
                    o = Outcome.FALSE;
                    falses.add(p);
                }
            }
            if (o == Outcome.IGNORED) {
                ignored++;
            }
            outcome.put(p.id(), o);
        }

        List<GoldAction> core = gold.stream().filter(g -> g.tier() == Tier.CORE).toList();
        List<GoldAction> minor = gold.stream().filter(g -> g.tier() == Tier.MINOR).toList();
        List<GoldAction> missed = gold.stream()
                .filter(g -> g.tier() != Tier.IGNORE && !goldToPred.containsKey(g.id())).toList();

        // links
        Map<String, GoldAction> goldById = new HashMap<>();
        gold.forEach(g -> goldById.put(g.id(), g));
        Set<String> predIds = new HashSet<>();
        predicted.forEach(p -> predIds.add(p.id()));
        int edges = 0;
        int rightEdges = 0;
        Set<String> coreWithRightEdge = new HashSet<>();
        List<String> wrongEdges = new ArrayList<>();
        for (PredictedAction p : predicted) {
            if (outcome.get(p.id()) == Outcome.IGNORED) {
                continue;
            }
            for (String q : new LinkedHashSet<>(p.respondsTo())) {
                edges++;
                boolean right = false;
                for (String gp : ends.getOrDefault(p.id(), List.of())) {
                    for (String gq : predIds.contains(q) ? ends.getOrDefault(q, List.of()) : List.<String>of()) {
                        GoldAction g = goldById.get(gp);
                        if (g.respondsTo().contains(gq)) {
                            right = true;
                            if (g.tier() == Tier.CORE) {
                                coreWithRightEdge.add(g.id());
                            }
                        }
                    }
                }
                if (right) {
                    rightEdges++;
                } else {
                    wrongEdges.add(p.id() + " -> " + q);
                }
            }
        }
        long coreWithProvocation = core.stream().filter(g -> !g.respondsTo().isEmpty()).count();
        double linkP = edges == 0 ? Double.NaN : rightEdges / (double) edges;
        double linkR = coreWithProvocation == 0 ? Double.NaN : coreWithRightEdge.size() / (double) coreWithProvocation;

        // chain pairs over matched core actions
        Double chainF1 = null;
        int tp = 0;
        int fp = 0;
        int fn = 0;
        if (chains != null && !chains.isEmpty()) {
            List<GoldAction> matchedCoreList = core.stream().filter(g -> goldToPred.containsKey(g.id())).toList();
            for (int a = 0; a < matchedCoreList.size(); a++) {
                for (int b = a + 1; b < matchedCoreList.size(); b++) {
                    GoldAction ga = matchedCoreList.get(a);
                    GoldAction gb = matchedCoreList.get(b);
                    boolean goldSame = chains.stream().anyMatch(c -> c.steps().contains(ga.id()) && c.steps().contains(gb.id()));
                    String ca = goldToPred.get(ga.id()).chainId();
                    boolean predSame = ca != null && Objects.equals(ca, goldToPred.get(gb.id()).chainId());
                    if (goldSame && predSame) {
                        tp++;
                    } else if (predSame) {
                        fp++;
                    } else if (goldSame) {
                        fn++;
                    }
                }
            }
            chainF1 = 2 * tp + fp + fn == 0 ? Double.NaN : 2.0 * tp / (2 * tp + fp + fn);
        }

        int matched = matchedCore + matchedMinor;
        int considered = np - ignored;
        return new Report(np, matched, matchedCore, matchedMinor, duplicates.size(), falses.size(), ignored,
                core.size(), minor.size(),
                ratio(matched, matched + falses.size()),
                ratio(matchedCore, core.size()),
                ratio(matched, core.size() + minor.size()),
                considered == 0 ? 0.0 : duplicates.size() / (double) considered,
                edges, rightEdges, linkP, linkR, (int) coreWithProvocation,
                chainF1, tp, fp, fn,
                matches, duplicates, falses, missed, wrongEdges, outcome);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : a / (double) b;
    }

    private static boolean augment(int gi, List<List<Integer>> cand, int[] predToGold, boolean[] seen) {
        for (int p : cand.get(gi)) {
            if (seen[p]) {
                continue;
            }
            seen[p] = true;
            if (predToGold[p] < 0 || augment(predToGold[p], cand, predToGold, seen)) {
                predToGold[p] = gi;
                return true;
            }
        }
        return false;
    }

    /**
     * The maximum matching may seat a gold action on a worse prediction than it could have (a
     * vaguer date) so that another gold action also matches. Swapping predictions between two
     * matched gold actions, or moving one to a free prediction, keeps the number of matches; do it
     * while it lowers the cost, core actions weighing most, so links and chains are scored on the
     * predictions that really report the gold action.
     */
    private static void improve(List<GoldAction> order, List<PredictedAction> predicted, int[] predToGold) {
        int np = predicted.size();
        boolean changed = true;
        for (int round = 0; changed && round < 50; round++) {
            changed = false;
            for (int p = 0; p < np; p++) {
                if (predToGold[p] < 0) {
                    continue;
                }
                GoldAction g = order.get(predToGold[p]);
                for (int q = 0; q < np; q++) {
                    if (q == p || !compatible(g, predicted.get(q))) {
                        continue;
                    }
                    int h = predToGold[q];
                    long before = weighted(g, predicted.get(p));
                    long after = weighted(g, predicted.get(q));
                    if (h >= 0) {
                        GoldAction other = order.get(h);
                        if (!compatible(other, predicted.get(p))) {
                            continue;
                        }
                        before += weighted(other, predicted.get(q));
                        after += weighted(other, predicted.get(p));
                    }
                    if (after < before) {
                        predToGold[q] = predToGold[p];
                        predToGold[p] = h;
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    private static long weighted(GoldAction g, PredictedAction p) {
        int w = switch (g.tier()) {
            case CORE -> 100;
            case MINOR -> 10;
            case IGNORE -> 1;
        };
        return (long) w * cost(g, p);
    }

    /** Source, target and type equal, counts equal where both are given, dates compatible. */
    public static boolean compatible(GoldAction g, PredictedAction p) {
        return g.source().equals(p.source()) && g.target().equals(p.target()) && g.type().equals(p.type())
                && (g.count() == null || p.count() == null || g.count().equals(p.count()))
                && DateMatch.compatible(g.date(), p.date());
    }

    private static int cost(GoldAction g, PredictedAction p) {
        int c = DateMatch.cost(g.date(), p.date()) * 2;
        if (g.count() != null && p.count() == null) {
            c += 1;
        }
        return c;
    }
}
