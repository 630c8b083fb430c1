package io.riposte.correlation;

import io.riposte.domain.Action;
import io.riposte.domain.Chain;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Link;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;

/**
 * The pure heart of correlation: one episode of one dyad (a set of mentions no other mention can merge
 * or link with) in, its actions and chains out, by {@link #correlate}. It is a function of the SET of
 * mentions: they are sorted canonically before every greedy step, ties are broken on content, and every
 * id is derived from content. {@link Correlator} only decides which episode to recompute. The steps live
 * in {@link MentionMerger} (merge and date, with {@link ActionDates}), {@link ResponseLinker} (link, in
 * {@link TimelineOrder}) and {@link ChainBuilder} (chain).
 */
final class EpisodeCorrelator {

    /**
     * @param carriedOut action id -> id of the threat (by the same side) it carries out
     * @param merged the merged actions as linking and chaining left them (for {@link EpisodeSummary})
     * @param sizeTied see {@link MentionMerger.Merge}
     */
    record Result(List<Action> actions, List<Chain> chains, Map<String, Long> chainKeyDays,
            Map<String, List<String>> mentionIdsByAction, Map<String, String> carriedOut, List<MergedAction> merged,
            Set<List<Object>> sizeTied) {}

    private final MentionMerger merger;
    private final ResponseLinker linker;
    private final ChainBuilder chainBuilder;

    EpisodeCorrelator(CorrelationSettings settings, Function<String, ExtractedAction> lookup) {
        this(settings, lookup, true);
    }

    /** @param windowed whether linking looks only at the actions its windows can reach (false: at all, the plain reference) */
    EpisodeCorrelator(CorrelationSettings settings, Function<String, ExtractedAction> lookup, boolean windowed) {
        this(new MentionMerger(settings), settings, lookup, windowed);
    }

    /** With the caller's merger (the {@link Correlator}'s, which keeps earlier builds to reuse). */
    EpisodeCorrelator(MentionMerger merger, CorrelationSettings settings, Function<String, ExtractedAction> lookup, boolean windowed) {
        this.merger = merger;
        this.linker = new ResponseLinker(settings, lookup, windowed);
        this.chainBuilder = new ChainBuilder(settings);
    }

    /**
     * Correlates one episode: merges its mentions into actions, links them, builds the chains.
     *
     * @param dyadLatestDay the epoch day of the dyad's latest known action (content, not wall clock), for
     *     dormancy; null when unknown
     * @param noYear whether these are the dyad's mentions of unknown year (the no-year bucket)
     */
    Result correlate(String dyad, List<ExtractedAction> input, Long dyadLatestDay, boolean noYear, Set<String> followers) {
        MentionMerger.Merge merge = merger.merge(input, noYear, followers);
        List<MergedAction> merged = merge.actions();
        Map<String, MergedAction> byId = new HashMap<>();
        for (MergedAction p : merged) {
            byId.put(p.id, p);
        }
        linker.linkAll(merge);
        ChainBuilder.Chains built = chainBuilder.build(dyad, merged, byId, dyadLatestDay, noYear);
        List<Chain> chains = built.chains();
        Map<String, Long> chainKeyDays = built.chainKeyDays();

        List<Action> actions = new ArrayList<>();
        Map<String, List<String>> mentionIds = new LinkedHashMap<>();
        for (MergedAction p : merged) {
            List<Link> links = new ArrayList<>(p.links);
            links.sort(Comparator.comparing((Link l) -> l.reason().ordinal()).thenComparing(Link::actionId));
            actions.add(action(p, dyad, links));
            mentionIds.put(p.id, p.members.stream().map(ExtractedAction::id).sorted().toList());
        }
        Map<String, String> carriedOut = new HashMap<>();
        for (MergedAction p : merged) {
            if (p.carriesOut != null) {
                carriedOut.put(p.id, p.carriesOut.id);
            }
        }
        return new Result(actions, chains, chainKeyDays, mentionIds, carriedOut, merged, merge.sizeTied());
    }

    /** The published form of a merged action, with its links (sorted) and the first of its reports. */
    static Action action(MergedAction p, String dyad, List<Link> links) {
        return new Action(p.id, dyad, p.source, p.target, p.type, p.shownDate, p.count, p.modality,
                p.confidence, p.articles, Action.shownOf(p.evidence), links, p.chainId, p.evidence.size());
    }
}
