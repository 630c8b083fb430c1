package io.riposte.correlation;

import static io.riposte.correlation.ActionDates.actionDate;
import static io.riposte.correlation.ActionDates.dayRange;
import io.riposte.domain.Evidence;
import static io.riposte.correlation.ActionDates.evidenceOf;
import static io.riposte.correlation.ActionDates.mergeKey;
import static io.riposte.correlation.ActionDates.positionOf;
import static io.riposte.correlation.ActionDates.precisionRank;
import static io.riposte.correlation.ActionDates.shownDate;
import static io.riposte.correlation.TimelineOrder.ORDER;
import static io.riposte.correlation.TimelineOrder.orderingPositionOf;

import io.riposte.domain.ActionType;
import io.riposte.domain.DateBasis;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merging: which mentions of an episode report one action, and what that action says (its date, count,
 * modality, confidence, evidence and id). Also the predicates the {@link Correlator} shares to decide
 * which mentions take part and which undated ones are anchored to a dated one.
 */
final class MentionMerger {

    /**
     * The merged actions in canonical order, the action each mention joined (by mention id), the
     * participating reports by id, the participating mentions that joined no action (cues may still
     * cite them), and the merge classes (sides, type) where some report was as near to two candidates,
     * so that their sizes took part in its choice.
     */
    record Merge(List<MergedAction> actions, Map<String, MergedAction> byMention, Map<String, ExtractedAction> reports,
            Map<String, ExtractedAction> unattached, Set<List<Object>> sizeTied) {}

    private final CorrelationSettings settings;
    /** Earlier builds to reuse (null: build every action), see {@link BuiltActions}. */
    private final BuiltActions built;

    MentionMerger(CorrelationSettings settings) {
        this(settings, null);
    }

    MentionMerger(CorrelationSettings settings, BuiltActions built) {
        this.settings = settings;
        this.built = built;
    }

    /**
     * Clusters an episode's mentions into actions (greedy over the canonical merge order, so the clusters
     * depend only on the set), builds each action's date, count, modality, confidence and evidence,
     * gives it its content-derived id, and returns them in the canonical {@link TimelineOrder#ORDER}.
     * The followers ({@link ArticleFollowing}: undated reports of a dated episode that no dated one
     * anchors) found actions of their own, dated as in the no-year bucket, and take only each other.
     */
    Merge merge(List<ExtractedAction> input, boolean noYear, Set<String> followers) {
        List<ExtractedAction> mentions = mergeOrder(input);

        List<MergedAction> merged = new ArrayList<>();
        Map<String, MergedAction> byMention = new HashMap<>();
        Map<String, ExtractedAction> reports = new HashMap<>();
        for (ExtractedAction m : mentions) {
            reports.put(m.id(), m);
        }
        Map<String, ExtractedAction> unattached = new HashMap<>();
        // Actions by (source, target, type), in founding order: only those can take a mention.
        Map<MergeClass, List<MergedAction>> byClass = new HashMap<>();
        Set<List<Object>> sizeTied = new HashSet<>();
        Set<MergedAction> followed = new HashSet<>();
        for (ExtractedAction m : mentions) {
            boolean follower = followers.contains(m.id());
            MergedAction best = null;
            long bestDist = Long.MAX_VALUE;
            // an undated mention anchored into a dated episode cannot be placed on its timeline
            TimelinePosition mp = !noYear && !m.date().hasYear() ? null : positionOf(m.date());
            ActionType t = effectiveType(m);
            MergeClass mc = new MergeClass(m.source(), m.target(), t);
            List<MergedAction> candidates = byClass.getOrDefault(mc, List.of());
            int slack = t == ActionType.THREATEN_RETALIATION ? settings.threatMergeSlackDays() : settings.mergeSlackDays();
            FuzzyDate md = mergeKey(m.date());
            for (MergedAction c : candidates) {
                if (follower != followed.contains(c) || !countsCompatible(t, c.clusterCount, m.count())) {
                    continue;
                }
                if (!c.fitsDates(md, slack, noYear || follower)) {
                    continue;
                }
                long dist = mp == null || c.anchorPosition == null ? 0 : Math.abs(mp.middleDay() - c.anchorPosition.middleDay());
                if (best != null && dist == bestDist) {
                    sizeTied.add(List.of(mc.source(), mc.target(), mc.type()));
                }
                if (best == null || dist < bestDist
                        || (dist == bestDist && c.members.size() > best.members.size())) {
                    best = c;
                    bestDist = dist;
                }
            }
            if (best != null) {
                best.add(m);
                byMention.put(m.id(), best);
            } else if (canFound(m) && (noYear || m.date().hasYear() || follower)) {
                MergedAction p = new MergedAction(m, merged.size());
                merged.add(p);
                if (follower) {
                    followed.add(p);
                    p.followed = true;
                }
                byClass.computeIfAbsent(mc, k -> new ArrayList<>()).add(p);
                byMention.put(m.id(), p);
            } else {
                unattached.put(m.id(), m);
            }
        }
        for (MergedAction p : merged) {
            boolean datedAsNoYear = noYear || followed.contains(p);
            if (built == null || !built.fill(p, datedAsNoYear)) {
                build(p, datedAsNoYear);
                if (built != null) {
                    built.keep(p, datedAsNoYear);
                }
            }
        }
        assignIds(merged, followed);
        merged.sort(ORDER);
        return new Merge(merged, byMention, reports, unattached, sizeTied);
    }

    void build(MergedAction p, boolean noYear) {
        // The most precise date wins; among equally precise ones the most reported, then the earliest.
        // In a dated episode only dated reports count (anchored undated ones only add their evidence).
        p.workingDate = actionDate(p.members, noYear);
        p.shownDate = shownDate(p.members, noYear);
        p.position = positionOf(p.workingDate);
        p.orderingPosition = orderingPositionOf(p);
        Map<Integer, Integer> counts = new TreeMap<>();
        for (ExtractedAction m : p.members) {
            if (m.count() != null) {
                counts.merge(m.count(), 1, Integer::sum);
            }
        }
        p.count = counts.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<Integer, Integer> e) -> e.getValue()).thenComparingInt(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(null);
        p.modality = p.members.stream().map(ExtractedAction::modality)
                .min(Comparator.comparingInt(MentionMerger::modalityRank)).orElseThrow();
        // Independent reports raise confidence: 1 - prod(1 - best confidence per article).
        TreeMap<String, Double> perArticle = new TreeMap<>(); // the product in article order, as floating point makes order matter
        int told = 0;
        for (ExtractedAction m : p.members) {
            perArticle.merge(String.valueOf(m.articleId()), clamped(m.confidence()), Math::max);
            told += m.modality() == Modality.BACKGROUND ? 0 : 1;
        }
        p.bestByArticle = perArticle;
        p.told = told;
        p.confidence = confidence(perArticle, told == 0);
        p.articles = p.members.stream()
                .map(m -> m.origin() != null ? m.origin() : String.valueOf(m.articleId()))
                .distinct().sorted().toList();
        p.evidence = evidenceOf(p.members);
    }

    private static double clamped(double confidence) {
        return Math.max(0, Math.min(1, confidence));
    }

    /**
     * 1 - prod(1 - c) over the best confidence per article, at most 0.99, lowered for an action only
     * recalled in the background, to three decimals. The product stops once it is at 0.99: each further
     * factor lies in [0, 1], so the rounded products only fall and 1 - miss only rises.
     */
    private double confidence(TreeMap<String, Double> perArticle, boolean backgroundOnly) {
        double miss = 1;
        for (double c : perArticle.values()) {
            miss *= 1 - c;
            if (1 - miss >= 0.99) {
                break;
            }
        }
        double conf = Math.min(0.99, 1 - miss);
        if (backgroundOnly) {
            conf *= settings.backgroundConfidenceFactor();
        }
        return Math.round(conf * 1000) / 1000.0;
    }

    /**
     * The action {@code old} with {@code members} (its members with m added, or put in the place of
     * the revised {@code previous}), built from old's summary in time independent of its size, when
     * that provably gives what {@link #build} gives: m does not move the action's date, shown date,
     * ordering position or count (it repeats the winning one, or is less precise), and its evidence
     * is new or equal. Null otherwise (then the caller builds in full). Takes over old's sets.
     */
    MergedAction extend(MergedAction old, List<ExtractedAction> members, ExtractedAction m, ExtractedAction previous) {
        FuzzyDate d = m.date();
        FuzzyDate reported = ActionDates.reportedDate(m);
        int rm = modalityRank(m.modality());
        int ro = modalityRank(old.modality);
        if (previous != null && (!previous.date().equals(d) || !ActionDates.reportedDate(previous).equals(reported)
                || previous.confidence() > m.confidence()
                // the revised report may have held the action's modality alone
                || previous.modality() != m.modality() && modalityRank(previous.modality()) == ro && rm > ro)) {
            return null;
        }
        boolean sameDates = previous != null;
        if (!sameDates) {
            // actionDate: a less precise date is not counted; the winning one only gains a report
            boolean working = precisionRank(d) < precisionRank(old.workingDate) || d.equals(old.workingDate);
            // shownDate: a stated date that is the shown one (a stated best) or less precise than it
            boolean shown = reported.basis() != DateBasis.PUBLICATION_FALLBACK && old.shownDate.basis() != DateBasis.PUBLICATION_FALLBACK
                    && (reported.equals(old.shownDate) || precisionRank(reported) < precisionRank(old.shownDate));
            // orderingPositionOf: a day-precise action is not narrowed; a report with no range stops the narrowing
            boolean ordering = old.position.precisionRank() == 4
                    || dayRange(d) == null && d.hasYear() && old.orderingPosition.equals(old.position);
            if (!working || !shown || !ordering || m.count() != null && !m.count().equals(old.count)) {
                return null;
            }
        }
        List<Evidence> evidence = new ArrayList<>(old.evidence);
        if (previous != null) {
            for (Evidence e : previous.evidence()) {
                int at = java.util.Collections.binarySearch(evidence, e, ActionDates.EVIDENCE_ORDER);
                if (at < 0 || !evidence.get(at).equals(e)) {
                    return null;
                }
                evidence.remove(at);
            }
        }
        for (Evidence e : m.evidence()) {
            int at = java.util.Collections.binarySearch(evidence, e, ActionDates.EVIDENCE_ORDER);
            if (at >= 0) {
                if (!evidence.get(at).equals(e)) {
                    return null; // which of two equal-ranking items is kept depends on the member order
                }
            } else {
                evidence.add(-at - 1, e);
            }
        }
        MergedAction p = new MergedAction(old, members, m);
        p.workingDate = old.workingDate;
        p.shownDate = old.shownDate;
        p.position = old.position;
        p.orderingPosition = old.orderingPosition;
        p.count = old.count;
        p.modality = rm < ro ? m.modality() : old.modality;
        TreeMap<String, Double> perArticle = old.bestByArticle;
        perArticle.merge(String.valueOf(m.articleId()), clamped(m.confidence()), Math::max);
        p.bestByArticle = perArticle;
        p.told = old.told + (m.modality() == Modality.BACKGROUND ? 0 : 1)
                - (previous == null || previous.modality() == Modality.BACKGROUND ? 0 : 1);
        p.confidence = confidence(perArticle, p.told == 0);
        String article = m.origin() != null ? m.origin() : String.valueOf(m.articleId());
        int at = java.util.Collections.binarySearch(old.articles, article);
        if (at >= 0) {
            p.articles = old.articles;
        } else {
            List<String> articles = new ArrayList<>(old.articles);
            articles.add(-at - 1, article);
            p.articles = List.copyOf(articles);
        }
        p.evidence = List.copyOf(evidence);
        return p;
    }

    /** Content-derived ids; clashes (two distinct actions with the same visible content) get a suffix in canonical order. */
    private static void assignIds(List<MergedAction> merged, Set<MergedAction> followed) {
        Map<String, List<MergedAction>> byBase = new TreeMap<>();
        for (MergedAction p : merged) {
            // an undated follower's content may equal an act's of the no-year bucket or of another
            // episode: its first report, which lies in no other region, tells it apart
            String own = followed.contains(p) ? "|" + firstMention(p) : "";
            String base = "act-" + Keys.hash(p.source + "|" + p.target + "|" + p.type + "|" + p.shownDate.iso() + "|" + p.count + own, 16);
            byBase.computeIfAbsent(base, k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<MergedAction>> e : byBase.entrySet()) {
            List<MergedAction> same = e.getValue();
            if (same.size() == 1) {
                same.get(0).id = e.getKey();
                continue;
            }
            same.sort(Comparator.comparing(MentionMerger::firstMention));
            for (int i = 0; i < same.size(); i++) {
                same.get(i).id = i == 0 ? e.getKey() : e.getKey() + "-" + (i + 1);
            }
        }
    }

    private static String firstMention(MergedAction p) {
        return p.members.stream().map(ExtractedAction::id).sorted().findFirst().orElse("");
    }

    /** A threatened measure is a threat: the gold ontology codes "will expel 300" as THREATEN_RETALIATION. */
    static ActionType effectiveType(ExtractedAction m) {
        return m.modality() == Modality.THREATENED ? ActionType.THREATEN_RETALIATION : m.type();
    }

    /**
     * Whether an undated mention is distinctive enough to be recognised as a dated action reported
     * elsewhere: it states a count, or a month. A bare "the US expelled Russian diplomats" is not.
     */
    static boolean anchorable(ExtractedAction m) {
        return !m.date().hasYear() && participates(m) && (m.count() != null || m.date().month() != null);
    }

    /**
     * Whether an undated mention can be recognised by its kind alone: a measure (not a threat, an OTHER
     * act or a conciliatory one, kinds that cover many different acts) with neither count nor month.
     * It anchors only where the dyad's dated reports of its sides and type describe one action
     * ({@link OneAction}).
     */
    static boolean anchorableByKind(ExtractedAction m) {
        return !m.date().hasYear() && participates(m) && m.count() == null && m.date().month() == null
                && measureByKind(m);
    }

    /** A dated or undated mention whose kind names one measure (see {@link #anchorableByKind}). */
    static boolean measureByKind(ExtractedAction m) {
        ActionType t = effectiveType(m);
        return t != ActionType.OTHER && t != ActionType.THREATEN_RETALIATION && t != ActionType.NEGOTIATE
                && t != ActionType.AGREE;
    }

    /**
     * Whether dated reports of one sides-and-type can only be one action: at most one count among them,
     * and every two dates within the merge slack of each other. Two counts or two separate dates are two
     * actions, and then an undated report of that kind cannot say which one it tells (no anchor). Fed one
     * report at a time, so that a long history stops at its first two distinct actions.
     */
    static final class OneAction {
        private final int slackDays;
        private Integer count;
        private long maxEarliest = Long.MIN_VALUE;
        private long minLatest = Long.MAX_VALUE;
        private long lastDay = Long.MIN_VALUE;

        OneAction(int slackDays) {
            this.slackDays = slackDays;
        }

        /** Adds a dated report; false once the reports so far cannot be one action. */
        boolean add(ExtractedAction y) {
            if (y.count() != null) {
                if (count != null && !count.equals(y.count())) {
                    return false;
                }
                count = y.count();
            }
            maxEarliest = Math.max(maxEarliest, y.date().earliest().toEpochDay());
            minLatest = Math.min(minLatest, y.date().latest().toEpochDay());
            lastDay = Math.max(lastDay, y.date().latest().toEpochDay());
            return maxEarliest <= minLatest + slackDays;
        }

        /** The last day the action may lie on (the latest end among its reports' dates). */
        long lastDay() {
            return lastDay;
        }
    }

    /** Whether the undated mention x may report the dated mention y (same action, year unknown to x). */
    static boolean anchors(ExtractedAction y, ExtractedAction x) {
        if (!y.date().hasYear() || !participates(y) || !anchorable(x)
                || !y.source().equals(x.source()) || !y.target().equals(x.target()) || effectiveType(y) != effectiveType(x)) {
            return false;
        }
        if (x.count() != null && y.count() != null && !x.count().equals(y.count())) {
            return false;
        }
        if (x.date().month() != null) {
            return x.date().month().equals(anchorMonth(y));
        }
        return x.count() != null && x.count().equals(y.count());
    }

    /**
     * The month a dated mention is in, for anchoring: its own, or for a publication-month fallback
     * (widened to its year) the month its range ends in, so "in April" in an undated article
     * still finds the undated report of an article published in April.
     */
    static Integer anchorMonth(ExtractedAction y) {
        return anchorMonth(y.date());
    }

    static Integer anchorMonth(FuzzyDate d) {
        if (d.month() != null) {
            return d.month();
        }
        long[] r = d.basis() == DateBasis.PUBLICATION_FALLBACK ? dayRange(d) : null;
        return r == null ? null : LocalDate.ofEpochDay(r[1]).getMonthValue();
    }

    /** Denied and hypothetical actions never happened: they are stored but take no part. */
    static boolean participates(ExtractedAction m) {
        return m.modality() != Modality.NEGATED && m.modality() != Modality.HYPOTHETICAL;
    }

    /**
     * Whether a mention may found an action when nothing matches it. A background recall with no
     * date at all ("after the US expulsions") cannot be placed or told apart from other actions of
     * its kind: it only attaches, or serves as the target of an explicit cue. A dated background
     * recall does found an action (the gold counts recalled past actions), with lower confidence.
     */
    static boolean canFound(ExtractedAction m) {
        return participates(m) && !(m.modality() == Modality.BACKGROUND && m.date().precision() == DatePrecision.UNKNOWN);
    }

    private static int modalityRank(Modality m) {
        return switch (m) {
            case ASSERTED -> 0;
            case PLANNED -> 1;
            case BACKGROUND -> 2;
            case THREATENED -> 3;
            case HYPOTHETICAL -> 4;
            case NEGATED -> 5;
        };
    }

    private record MergeClass(String source, String target, ActionType type) {}

    /** A mention with the keys of the canonical merge order, computed once. */
    private record Ranked(ExtractedAction mention, int group, long firstDay, long lastDay) {
        static Ranked of(ExtractedAction m) {
            // undated reports anchored into a dated episode join the clusters of the dated ones, then the
            // more precise, the stated (not background), those with a count, the earlier
            int group = (m.date().hasYear() ? 0 : 1) << 8 | (4 - precisionRank(m.date())) << 2
                    | (m.modality() == Modality.BACKGROUND ? 1 : 0) << 1 | (m.count() == null ? 1 : 0);
            TimelinePosition p = positionOf(m.date());
            return new Ranked(m, group, p == null ? Long.MAX_VALUE : p.firstDay(), p == null ? Long.MAX_VALUE : p.lastDay());
        }
    }

    private static final Comparator<Ranked> MERGE_ORDER = Comparator
            .comparingInt(Ranked::group)
            .thenComparingLong(Ranked::firstDay)
            .thenComparingLong(Ranked::lastDay)
            .thenComparing(r -> r.mention().id());

    /** The canonical merge order of two mentions (negative: a is merged before b). */
    static int mergeOrder(ExtractedAction a, ExtractedAction b) {
        return MERGE_ORDER.compare(Ranked.of(a), Ranked.of(b));
    }

    /** The merge signature of a dated mention: what its merge decision reads of it (class, date, count). */
    static List<Object> signature(ExtractedAction m) {
        return java.util.Arrays.asList(m.source(), m.target(), effectiveType(m), mergeKey(m.date()), m.count());
    }

    /** The base of an action's content-derived id (before any clash suffix, see assignIds). */
    static String idBase(MergedAction p) {
        return "act-" + Keys.hash(p.source + "|" + p.target + "|" + p.type + "|" + p.shownDate.iso() + "|" + p.count, 16);
    }

    /** The mentions that take part, in the canonical merge order. */
    static List<ExtractedAction> mergeOrder(List<ExtractedAction> input) {
        List<Ranked> ranked = new ArrayList<>(input.size());
        for (ExtractedAction m : input) {
            if (participates(m)) {
                ranked.add(Ranked.of(m));
            }
        }
        ranked.sort(MERGE_ORDER);
        List<ExtractedAction> out = new ArrayList<>(ranked.size());
        for (Ranked r : ranked) {
            out.add(r.mention());
        }
        return out;
    }

    static boolean countsCompatible(ActionType t, Integer a, Integer b) {
        return t == ActionType.THREATEN_RETALIATION || a == null || b == null || a.equals(b);
    }
}
