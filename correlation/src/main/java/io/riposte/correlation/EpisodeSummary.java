package io.riposte.correlation;

import io.riposte.domain.Action;
import io.riposte.domain.AlertType;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the last recomputation of a cached dated episode built (its merged, linked actions and its
 * result), with the indexes that let one more report be added without recomputing the episode
 * ({@link #join}). Kept with the {@link Correlator}'s episode cache, so it is a copy, never state.
 *
 * <p>{@link #join} answers only when the report provably joins one action and changes no other
 * decision of merging, linking or chaining; then the episode's result is the previous one with that
 * action rebuilt, which is what {@link EpisodeCorrelator#correlate} over all the episode's reports
 * would give (see {@code EpisodeFastPathTest}). Otherwise it answers null and the episode is
 * recomputed in full.
 */
final class EpisodeSummary {

    /** Work counters of {@link #join}, for tests and benchmarks (members of the joined action visited). */
    static final class Work {
        long joins;
        /** Joins that rebuilt the action from all its reports (m moved what it shows). */
        long rebuilt;
        long membersVisited;
        /** Why inserts into cached episodes did not take the fast path: the rule that failed, by count. */
        final Map<String, Long> fallbacks = new java.util.TreeMap<>();

        EpisodeSummary fallback(String rule) {
            fallbacks.merge(rule, 1L, Long::sum);
            return null;
        }
    }

    private final EpisodeCorrelator.Result result;
    private final Long dyadLatestDay;
    /*
     * The indexes below visit every report of the episode, and most summaries are replaced before an insert reads
     * them (the next insert into the episode fails join's first test, or never comes): each is built when first read.
     */
    /** Merge classes (sides and type) -> their actions not founded by followers, in founding order. */
    private Map<List<Object>, List<MergedAction>> actionsByClass;
    /**
     * The merge signatures of the dated members of actions not founded by followers -> the id of the
     * action that holds them ("" when several do).
     */
    private Map<List<Object>, String> signatures;
    /** The reports of the last recomputation and those joined since, and what is read of them. */
    private final Reports reports;
    /**
     * Action id -> alert types for which every report of the action carries its marker (see
     * {@link Alerts}): what the last insert's alerts marked, so the next need not read them again.
     */
    private final Map<String, Set<AlertType>> marked;

    private EpisodeSummary(EpisodeCorrelator.Result result, Long dyadLatestDay, Map<List<Object>, List<MergedAction>> actionsByClass,
            Map<List<Object>, String> signatures, Reports reports, Map<String, Set<AlertType>> marked) {
        this.result = result;
        this.dyadLatestDay = dyadLatestDay;
        this.actionsByClass = actionsByClass;
        this.signatures = signatures;
        this.reports = reports;
        this.marked = marked;
    }

    /** The summary of a dated episode just recomputed in full from {@code mentions} (a list no one changes). */
    static EpisodeSummary of(EpisodeCorrelator.Result result, List<ExtractedAction> mentions, Long dyadLatestDay) {
        return new EpisodeSummary(result, dyadLatestDay, null, null, new Reports(result, mentions), new HashMap<>());
    }

    private void indexActions() {
        if (actionsByClass != null) {
            return;
        }
        actionsByClass = new HashMap<>();
        signatures = new HashMap<>();
        for (MergedAction p : result.merged()) {
            if (p.followed) {
                continue;
            }
            List<Object> mc = List.of(p.source, p.target, p.type);
            actionsByClass.computeIfAbsent(mc, k -> new ArrayList<>()).add(p);
            for (ExtractedAction x : p.members) {
                if (x.date().hasYear()) {
                    signatures.merge(MentionMerger.signature(x), p.id, (a, b) -> a.equals(b) ? a : "");
                }
            }
        }
        for (List<MergedAction> actions : actionsByClass.values()) {
            actions.sort(java.util.Comparator.comparingInt(a -> a.index));
        }
    }

    /**
     * The episode's reports as the summaries of one line of joins read them, shared along the line (each join
     * replaces its summary). Built from the last recomputation's reports when first read.
     */
    private static final class Reports {
        private final EpisodeCorrelator.Result recomputed;
        private List<ExtractedAction> mentions;
        /** The joins since the recomputation, (revised report or null, report), until {@link #sentences} is built. */
        private List<ExtractedAction[]> joins = new ArrayList<>();
        private Map<String, Integer> sentences;
        private int cueBearing = -1;

        Reports(EpisodeCorrelator.Result recomputed, List<ExtractedAction> mentions) {
            this.recomputed = recomputed;
            this.mentions = mentions;
        }

        /**
         * Every evidence sentence of the episode's reports, with how many reports tell it: cue reading reads the
         * other reports of a sentence that names a provocation by kind, and a revised report's evidence is taken out
         * of its action's only when no other report tells its sentence.
         */
        Map<String, Integer> sentences() {
            if (sentences == null) {
                sentences = new HashMap<>();
                for (ExtractedAction m : mentions) {
                    for (Evidence e : m.evidence()) {
                        sentences.merge(e.sentence(), 1, Integer::sum);
                    }
                }
                joins.forEach(j -> count(j[0], j[1]));
                joins = null;
                release();
            }
            return sentences;
        }

        /**
         * Reports of the episode (at its recomputation: a joined report cites none) citing a report that is no
         * action's: such a cue is resolved by coverage.
         */
        int cueBearing() {
            if (cueBearing < 0) {
                Set<String> members = null;
                cueBearing = 0;
                for (ExtractedAction m : mentions) {
                    if (m.respondsTo().isEmpty()) {
                        continue;
                    }
                    if (members == null) {
                        members = new HashSet<>();
                        recomputed.mentionIdsByAction().values().forEach(members::addAll);
                    }
                    for (String ref : m.respondsTo()) {
                        if (!members.contains(ref)) {
                            cueBearing++;
                            break;
                        }
                    }
                }
                release();
            }
            return cueBearing;
        }

        void joined(ExtractedAction previous, ExtractedAction m) {
            if (sentences == null) {
                joins.add(new ExtractedAction[] {previous, m});
            } else {
                count(previous, m);
            }
        }

        private void count(ExtractedAction previous, ExtractedAction m) {
            if (previous != null) {
                for (Evidence e : previous.evidence()) {
                    sentences.remove(e.sentence()); // its own (checked by join)
                }
            }
            for (Evidence e : m.evidence()) {
                sentences.merge(e.sentence(), 1, Integer::sum);
            }
        }

        private void release() {
            if (sentences != null && cueBearing >= 0) {
                mentions = null;
            }
        }
    }

    EpisodeCorrelator.Result result() {
        return result;
    }

    /** The alert types for which every report of this action is marked. */
    Set<AlertType> marked(String actionId) {
        return marked.getOrDefault(actionId, Set.of());
    }

    /**
     * After an insert's alerts: an action that gained a report ({@code joined}) keeps only the types its
     * alerts marked again (its new report carries no other marker); every emit marked all its action's reports.
     */
    void alerted(Set<String> joined, List<Map.Entry<String, AlertType>> markedAll) {
        for (String id : joined) {
            marked.remove(id);
        }
        for (Map.Entry<String, AlertType> e : markedAll) {
            if (result.mentionIdsByAction().containsKey(e.getKey())) {
                marked.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(AlertType.class)).add(e.getValue());
            }
        }
    }

    /**
     * The episode with one more dated report m (a new one, or the revision of {@code previous} in place:
     * same key, same days; inside the episode's span, seeding nothing else), when m provably joins one
     * action and changes nothing but that action's reports, articles, confidence, modality and evidence;
     * null otherwise. The joined action's id is returned through {@code joined[0]}.
     */
    EpisodeSummary join(ExtractedAction m, ExtractedAction previous, Long latestDay, MentionMerger merger,
            CorrelationSettings settings, String dyad, Work work, String[] joined) {
        if (!Objects.equals(latestDay, dyadLatestDay) || !inert(m) || previous != null && !inert(previous)) {
            return work.fallback("latest date moved, or a report that cues, names a kind or takes no part");
        }
        if (previous != null) {
            // the revised report leaves: its sentences must be its own, and its place in merging the same
            for (Evidence e : previous.evidence()) {
                if (reports.sentences().getOrDefault(e.sentence(), 0) != 1) {
                    return work.fallback("revised report shares a sentence");
                }
            }
            if (!MentionMerger.signature(previous).equals(MentionMerger.signature(m)) || MentionMerger.mergeOrder(previous, m) != 0
                    || !Objects.equals(previous.origin(), m.origin()) || !Objects.equals(previous.articleId(), m.articleId())) {
                return work.fallback("revision moves in merging or changes article");
            }
        }
        // Cue reading looks up the other reports of a sentence only when it names a provocation by kind, which the
        // sentences of an inert report do unless it tells background.
        for (Evidence e : m.modality() == Modality.BACKGROUND ? m.evidence() : List.<Evidence>of()) {
            boolean own = previous != null && previous.evidence().stream().anyMatch(x -> x.sentence().equals(e.sentence()));
            if (!own && !ProvocationKinds.named(e.sentence()).isEmpty() && reports.sentences().containsKey(e.sentence())) {
                return work.fallback("sentence naming a kind told elsewhere in the episode");
            }
        }
        // Merging. A dated member of m's class (sides and type) has m's signature (the date as merging
        // reads it, the count), so m fits that member's action C when its date fits all of C's dates;
        // m adds no date to C (dated dates are compatible both ways, so the reports merged between m
        // and that member still fit) and no cluster count that differs. C is m's choice when every other
        // action of the class was founded after m, cannot take m (its founder's date or count does not
        // fit) or is strictly farther from m than C. Merged before C's founder, m founds C (the founder
        // joins it) when no earlier action can take m and m lies where the founder does. Later reports
        // of the class see C larger, which decides only between equally near candidates: none of the
        // class's reports met two (the full merge records it), and m meets none.
        List<Object> signature = MentionMerger.signature(m);
        List<Object> mc = signature.subList(0, 3);
        indexActions();
        List<MergedAction> rivals = actionsByClass.get(mc);
        String holder = signatures.get(signature);
        if (holder == null || rivals == null) {
            return work.fallback("no action holds the signature");
        }
        MergedAction old = null;
        for (MergedAction c : rivals) {
            if (c.id.equals(holder)) {
                old = c;
            }
        }
        if (old == null || result.sizeTied().contains(mc)) {
            return work.fallback("signature in two actions, or sizes decided a merge");
        }
        FuzzyDate md = ActionDates.mergeKey(m.date());
        int slack = old.threat() ? settings.threatMergeSlackDays() : settings.mergeSlackDays();
        long mid = ActionDates.positionOf(m.date()).middleDay();
        // merged before C's founder, m founds C: then nothing else may take m, and C's distances stay
        boolean founds = MentionMerger.mergeOrder(old.members.get(0), m) > 0;
        if (!old.fitsDates(md, slack, false) || !MentionMerger.countsCompatible(old.type, old.clusterCount, m.count())
                || founds && rivals.size() > 1 && (old.anchorPosition == null || old.anchorPosition.middleDay() != mid)) {
            return work.fallback("date or count does not fit, or founds elsewhere");
        }
        long own = distance(mid, old);
        for (MergedAction d : rivals) {
            if (d == old) {
                continue;
            }
            ExtractedAction founder = d.members.get(0);
            boolean later = MentionMerger.mergeOrder(founder, m) > 0;
            boolean unfit = !ActionDates.datesCompatible(md, ActionDates.mergeKey(founder.date()), slack, false)
                    || !MentionMerger.countsCompatible(d.type, founder.count(), m.count());
            if (!later && !unfit && (founds || distance(mid, d) <= own)) {
                return work.fallback("a rival action as near or nearer");
            }
        }
        List<MergedAction> merged = result.merged();
        int at = merged.indexOf(old);
        // the action rebuilt with m among its members in merge order (in the revised report's place)
        List<ExtractedAction> members = new ArrayList<>(old.members.size() + 1);
        members.addAll(old.members);
        int pos = Collections.binarySearch(members, m, MentionMerger::mergeOrder);
        if ((pos >= 0) != (previous != null)) {
            return work.fallback("report already a member, or revision not found");
        }
        if (pos >= 0) {
            members.set(pos, m);
        } else {
            members.add(-pos - 1, m);
        }
        MergedAction p = merger.extend(old, members, m, previous);
        if (p == null) {
            // m may move what the action shows: build it from all its reports
            p = new MergedAction(members.get(0), old.index);
            for (int i = 1; i < members.size(); i++) {
                p.add(members.get(i));
            }
            work.membersVisited += members.size();
            work.rebuilt++;
            merger.build(p, false);
        }
        // Linking and chaining read of an action its dates, count, kind, coverage and articles: the
        // first must not move, and its new article must change no order, score or shared article.
        if (!p.workingDate.equals(old.workingDate) || !p.shownDate.equals(old.shownDate) || !Objects.equals(p.position, old.position)
                || !Objects.equals(p.orderingPosition, old.orderingPosition) || !Objects.equals(p.count, old.count)
                || p.datedAfter != old.datedAfter) {
            return work.fallback("dates or count of the action move");
        }
        if (p.articles.size() != old.articles.size()) {
            String article = m.origin() != null ? m.origin() : String.valueOf(m.articleId());
            if (old.articles.size() < 3 || old.articles.size() < 100 && reports.cueBearing() > 0) {
                return work.fallback("coverage read by linking (fewer than 3 articles, or 100 with an unresolved cue)");
            }
            for (MergedAction b : merged) {
                if (b != old && (Collections.binarySearch(b.articles, article) >= 0 || TimelineOrder.orderReadsCoverage(b, old))) {
                    return work.fallback("article shared with another action, or coverage orders the action");
                }
            }
        }
        // the id: the same content, and no clash whose suffixes the first member orders
        String base = MentionMerger.idBase(p);
        if (!base.equals(old.id)) {
            return work.fallback("id changes");
        }
        for (MergedAction b : merged) {
            if (b != old && b.id.startsWith(base)) {
                return work.fallback("id clash");
            }
        }
        p.id = old.id;
        p.links.addAll(old.links);
        p.chainId = old.chainId;
        p.carriesOut = old.carriesOut;
        p.citedByCue = old.citedByCue;
        p.followed = false;

        List<MergedAction> nextMerged = new ArrayList<>(merged);
        nextMerged.set(at, p);
        Map<List<Object>, List<MergedAction>> nextByClass = new HashMap<>(actionsByClass);
        List<MergedAction> inClass = new ArrayList<>(rivals);
        inClass.set(inClass.indexOf(old), p);
        nextByClass.put(mc, inClass);
        List<Action> actions = new ArrayList<>(result.actions());
        Action before = actions.get(at);
        actions.set(at, EpisodeCorrelator.action(p, dyad, before.respondsTo()));
        Map<String, List<String>> mentionIds = new HashMap<>(result.mentionIdsByAction());
        if (previous == null) {
            List<String> ids = new ArrayList<>(mentionIds.get(p.id));
            ids.add(-Collections.binarySearch(ids, m.id()) - 1, m.id());
            mentionIds.put(p.id, List.copyOf(ids));
        }
        reports.joined(previous, m);
        work.joins++;
        joined[0] = p.id;
        EpisodeCorrelator.Result next = new EpisodeCorrelator.Result(actions, result.chains(), result.chainKeyDays(),
                mentionIds, result.carriedOut(), nextMerged, result.sizeTied());
        return new EpisodeSummary(next, dyadLatestDay, nextByClass, signatures, reports, marked);
    }

    /** Merging's distance from a report's middle day to an action (its founder's date). */
    private static long distance(long middle, MergedAction c) {
        return c.anchorPosition == null ? 0 : Math.abs(middle - c.anchorPosition.middleDay());
    }

    /**
     * A dated report that takes part and cues nothing: it cites no report, and its sentences name no
     * provocation by kind (a background recall's are not read for that).
     */
    private static boolean inert(ExtractedAction m) {
        if (!m.date().hasYear() || !MentionMerger.participates(m) || !m.respondsTo().isEmpty() || m.cue() != null || m.crossDyad() != null) {
            return false;
        }
        for (Evidence e : m.evidence()) {
            if (m.modality() != Modality.BACKGROUND && !ProvocationKinds.named(e.sentence()).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
