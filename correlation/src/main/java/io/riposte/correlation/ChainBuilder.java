package io.riposte.correlation;

import static io.riposte.correlation.ActionDates.intervalGap;
import static io.riposte.correlation.ResponseLinker.opposite;
import static io.riposte.correlation.TimelineOrder.ORDER;

import io.riposte.domain.Chain;
import io.riposte.domain.ChainStatus;
import io.riposte.domain.ChainStep;
import io.riposte.domain.Link;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chains: the connected components (two actions or more) over the links, the carried-out threats and
 * the reciprocity associations of opposite sides' unfriendly acts; their steps, escalation and status.
 */
final class ChainBuilder {

    /** The chains, and the day of each chain's latest step (null for a no-year chain) for its store key. */
    record Chains(List<Chain> chains, Map<String, Long> chainKeyDays) {}

    private final CorrelationSettings settings;

    ChainBuilder(CorrelationSettings settings) {
        this.settings = settings;
    }

    /** Builds the chains of an episode's linked actions and sets each member's chain id. */
    Chains build(String dyad, List<MergedAction> merged, Map<String, MergedAction> byId, Long dyadLatestDay, boolean noYear) {
        int n = merged.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<MergedAction, Integer> idx = new HashMap<>();
        for (int i = 0; i < n; i++) {
            idx.put(merged.get(i), i);
        }
        for (MergedAction b : merged) {
            for (Link l : b.links) {
                union(parent, idx.get(b), idx.get(byId.get(l.actionId())));
            }
            if (b.carriesOut != null) {
                union(parent, idx.get(b), idx.get(b.carriesOut));
            }
        }
        for (int i = 0; i < n; i++) {
            MergedAction a = merged.get(i);
            if (!a.contentious() || a.position == null) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                MergedAction b = merged.get(j);
                // the actions are in order of ordering middles (within a year of their dates' middles, spanning at
                // most 366 days): past this margin no gap is small enough
                if (b.position == null || b.orderingPosition.middleDay() - a.orderingPosition.middleDay() > settings.linkWindowDays() + 1200) {
                    break;
                }
                // ordering positions: an undated report widened to its publication year would otherwise
                // join an exchange of April with one of the next April (the week before publication is
                // what such a report may denote)
                if (b.contentious() && opposite(a, b) && intervalGap(a.orderingPosition, b.orderingPosition) <= settings.linkWindowDays()) {
                    union(parent, i, j);
                }
            }
        }
        // An undated act has no gap to measure, but an article that reports it beside the other side's acts
        // in this dyad tells one story ("X barred their citizens from leaving; hours later Y did the same").
        for (int i = 0; i < n; i++) {
            MergedAction a = merged.get(i);
            if (!a.contentious() || a.position != null) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                MergedAction b = merged.get(j);
                if (b.contentious() && opposite(a, b) && !ResponseLinker.disjoint(a.articles, b.articles)) {
                    union(parent, i, j);
                }
            }
        }
        Map<Integer, List<MergedAction>> components = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            components.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(merged.get(i));
        }
        List<Chain> chains = new ArrayList<>();
        Map<String, Long> chainKeyDays = new HashMap<>();
        for (List<MergedAction> comp : components.values()) {
            if (comp.size() < 2) {
                continue;
            }
            List<MergedAction> steps = topological(comp, byId);
            String chainId = "chain-" + steps.get(0).id;
            long lastDay = Long.MIN_VALUE;
            double escalation = 0;
            List<ChainStep> chainSteps = new ArrayList<>();
            for (MergedAction p : steps) {
                p.chainId = chainId;
                if (p.position != null) {
                    lastDay = Math.max(lastDay, p.position.firstDay());
                }
                if (p.type.severity() < 0) {
                    escalation += -p.type.severity() * (1 + Math.log10(1 + (p.count == null ? 0 : p.count)));
                }
                chainSteps.add(new ChainStep(p.id, p.source, p.target, p.type, p.shownDate, p.count,
                        p.links.stream().map(Link::actionId).toList()));
            }
            ChainStatus status = ChainStatus.ACTIVE;
            if (!noYear && dyadLatestDay != null && lastDay != Long.MIN_VALUE
                    && dyadLatestDay - lastDay > settings.dormancyDays()) {
                status = ChainStatus.DORMANT;
            }
            chains.add(new Chain(chainId, dyad, status, Math.round(escalation * 100) / 100.0,
                    steps.get(0).shownDate, steps.get(steps.size() - 1).shownDate, chainSteps));
            chainKeyDays.put(chainId, lastDay == Long.MIN_VALUE ? null : lastDay);
        }
        return new Chains(chains, chainKeyDays);
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a);
        int rb = find(p, b);
        if (ra != rb) {
            p[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** Steps in date order, but never before what they answer (Kahn's algorithm, canonical order as priority). */
    private static List<MergedAction> topological(List<MergedAction> comp, Map<String, MergedAction> byId) {
        Set<MergedAction> in = new HashSet<>(comp);
        Map<MergedAction, Integer> indegree = new HashMap<>();
        Map<MergedAction, List<MergedAction>> answeredBy = new HashMap<>();
        for (MergedAction p : comp) {
            indegree.putIfAbsent(p, 0);
            for (Link l : p.links) {
                MergedAction a = byId.get(l.actionId());
                if (a != null && in.contains(a)) {
                    indegree.merge(p, 1, Integer::sum);
                    answeredBy.computeIfAbsent(a, k -> new ArrayList<>()).add(p);
                }
            }
        }
        PriorityQueue<MergedAction> ready = new PriorityQueue<>(ORDER);
        TreeSet<MergedAction> remaining = new TreeSet<>(ORDER);
        remaining.addAll(comp);
        for (MergedAction p : comp) {
            if (indegree.get(p) == 0) {
                ready.add(p);
            }
        }
        List<MergedAction> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            MergedAction next = ready.isEmpty() ? remaining.first() : ready.poll(); // a cycle: take the earliest
            if (!remaining.remove(next)) {
                continue;
            }
            out.add(next);
            for (MergedAction q : answeredBy.getOrDefault(next, List.of())) {
                if (remaining.contains(q) && indegree.merge(q, -1, Integer::sum) == 0) {
                    ready.add(q);
                }
            }
        }
        return out;
    }
}
