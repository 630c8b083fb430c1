package io.riposte.correlation;

import static io.riposte.correlation.ActionDates.intervalGap;
import static io.riposte.correlation.CueReading.cueInCitedSentence;
import static io.riposte.correlation.CueReading.datedByItsAnswer;
import static io.riposte.correlation.CueReading.reversedCues;
import static io.riposte.correlation.CueReading.toldTogether;
import static io.riposte.correlation.MentionMerger.countsCompatible;
import static io.riposte.correlation.MentionMerger.effectiveType;
import static io.riposte.correlation.MentionMerger.participates;
import static io.riposte.correlation.TimelineOrder.ORDER;
import static io.riposte.correlation.TimelineOrder.datedBefore;
import static io.riposte.correlation.TimelineOrder.distance;
import static io.riposte.correlation.TimelineOrder.precedes;
import static io.riposte.correlation.TimelineOrder.precedesOnTimeline;
import static io.riposte.correlation.TimelineOrder.tied;

import io.riposte.domain.ActionType;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import io.riposte.domain.Modality;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Linking: what each action of an episode answers. Explicit cues first (a cue read backwards gives its
 * link to the other action), then shared provocations, then inference (threats, mirrors, the best
 * earlier act of the other side) where no cue speaks; also which threat a measure carries out.
 */
final class ResponseLinker {

    private final CorrelationSettings settings;
    private final Function<String, ExtractedAction> lookup;

    /** Whether linking looks only at the actions its windows can reach (false: at all, the plain reference). */
    private final boolean windowed;

    ResponseLinker(CorrelationSettings settings, Function<String, ExtractedAction> lookup, boolean windowed) {
        this.settings = settings;
        this.lookup = lookup;
        this.windowed = windowed;
    }

    /** Fills the links (and carried-out threats) of the merged actions, each against the earlier ones. */
    void linkAll(MentionMerger.Merge merge) {
        List<MergedAction> merged = merge.actions();
        Map<String, MergedAction> byMention = merge.byMention();
        Map<String, ExtractedAction> reports = merge.reports();
        Map<String, ExtractedAction> unattached = merge.unattached();
        Map<MergedAction, Map<MergedAction, Boolean>> cues = new HashMap<>();
        for (MergedAction b : merged) {
            cues.put(b, cited(b, merged, byMention, reports, unattached));
        }
        // what a cue names in the sentence of its answer is a cited act (decided by dates alone, before
        // anything reads the mark)
        for (MergedAction b : merged) {
            for (Map.Entry<MergedAction, Boolean> cue : cues.get(b).entrySet()) {
                if (cue.getValue()) {
                    MergedAction a = cue.getKey();
                    if (!datedBefore(b, a) || (b.threat() && !a.threat())) {
                        a.citedByCue = true;
                    } else if (opposite(a, b)) {
                        b.citedByCue = true;
                    }
                }
            }
        }
        Map<MergedAction, Set<MergedAction>> explicit = new HashMap<>();
        for (MergedAction b : merged) {
            explicit.computeIfAbsent(b, k -> new TreeSet<>(ORDER));
            for (Map.Entry<MergedAction, Boolean> cue : cues.get(b).entrySet()) {
                MergedAction a = cue.getKey();
                boolean together = cue.getValue();
                // (a threat's cue is kept: a warning answers the measure it names, and a measure dated
                // after it is most often dated by its deadline or its entry into force)
                if ((together ? datedBefore(b, a) : precedesOnTimeline(b, a)) && !(b.threat() && !a.threat())) {
                    // A response never precedes its provocation. "X closed the consulate in response"
                    // with X's act dated before the other side's cited one: the cue's scope was misread,
                    // and the later act is the responder. A cue within one sentence yields only to dates
                    // that do not overlap; one that reaches into another sentence also to the timeline's
                    // reading of overlapping dates (undated news last, middles), never to the tie-breaks
                    // of kind, coverage and severity.
                    if (opposite(a, b)) {
                        explicit.computeIfAbsent(a, k -> new TreeSet<>(ORDER)).add(b);
                    }
                } else {
                    explicit.get(b).add(a);
                }
            }
        }
        for (MergedAction b : merged) {
            for (ExtractedAction m : b.members) {
                for (ExtractedAction x : reversedCues(m, reports, unattached)) {
                    MergedAction a = byMention.get(x.id());
                    if (a != null && opposite(a, b) && !datedBefore(a, b)) {
                        explicit.get(a).add(b);
                    }
                }
            }
        }
        for (Set<MergedAction> cs : explicit.values()) {
            dropSideSummonses(cs);
        }
        Map<MergedAction, MergedAction> byKind = new HashMap<>();
        CueReading.SentenceIndex sentences = new CueReading.SentenceIndex(merged);
        for (MergedAction b : merged) {
            MergedAction a = explicit.get(b).isEmpty() && b.contentious() ? namedByKind(b, merged, sentences) : null;
            if (a != null && !explicit.get(a).contains(b)) {
                byKind.put(b, a);
                explicit.get(b).add(a);
                a.citedByCue = true;
            }
        }
        // only actions whose cues cite something can lend b a grievance
        List<MergedAction> citing = new ArrayList<>();
        for (MergedAction c : merged) {
            if (!explicit.get(c).isEmpty()) {
                citing.add(c);
            }
        }
        // Shared provocations before any inference, so that inference never links an act to one that
        // answers it (a cycle that no timeline allows).
        Map<MergedAction, MergedAction> shared = new HashMap<>();
        int mirrorWindow = settings.mirrorWindowDays();
        for (MergedAction b : merged) {
            if (explicit.get(b).isEmpty() && b.contentious()) {
                // c and b of a shared provocation are at most the mirror window apart, and a date spans at most a year
                MergedAction s = sharedProvocation(b, !windowed || b.position == null ? merged
                        : near(merged, b.position.firstDay() - mirrorWindow - 366, b.position.lastDay() + mirrorWindow + 366), explicit);
                if (s != null) {
                    shared.put(b, s);
                }
            }
        }
        Answers answers = new Answers(explicit, shared, byKind);
        for (MergedAction b : merged) {
            link(b, merged, windowed ? citing : merged, answers);
        }
    }

    /**
     * The actions b's explicit cues cite (the article says what this action answers), each with whether
     * some cue of b names it in the sentence that tells b: the syntax put the two acts together. A cue
     * that reaches into another sentence ("In response, ...") is a reading of the story, less sure.
     */
    private Map<MergedAction, Boolean> cited(MergedAction b, List<MergedAction> merged, Map<String, MergedAction> byMention,
            Map<String, ExtractedAction> reports, Map<String, ExtractedAction> unattached) {
        Map<MergedAction, Boolean> out = new TreeMap<>(ORDER);
        for (ExtractedAction m : b.members) {
            if (cueInCitedSentence(m, reports, unattached)) {
                // the cue's words stand in a cited act's sentence, not in m's: read backwards (see reversedCues)
                continue;
            }
            for (String ref : m.respondsTo()) {
                MergedAction a = byMention.get(ref);
                ExtractedAction x = null;
                if (a == null) {
                    x = unattached.containsKey(ref) ? unattached.get(ref) : lookup.apply(ref);
                    a = x == null || !participates(x) ? null : pointerMatch(x, b, merged);
                } else {
                    x = reports.get(ref);
                }
                boolean together = x != null && toldTogether(m, x);
                if (a != null && together && !datedBefore(a, b) && datedByItsAnswer(m, x)) {
                    MergedAction earlier = earlierOfKind(x, a, b, merged);
                    a = earlier == null ? a : earlier;
                }
                if (a != null && a != b) {
                    out.merge(a, together, Boolean::logicalOr);
                }
            }
        }
        return out;
    }

    /**
     * The act a recall dated by its answer's sentence stands for: the latest act of its sides and type
     * (a compatible count first, then any) that surely precedes the answer within the window; null
     * when there is none (then the recall's own action is kept).
     */
    private MergedAction earlierOfKind(ExtractedAction x, MergedAction own, MergedAction b, List<MergedAction> merged) {
        ActionType t = effectiveType(x);
        MergedAction best = null;
        for (boolean anyCount : new boolean[] {false, true}) {
            for (MergedAction a : merged) {
                if (a != own && a != b && a.source.equals(x.source()) && a.target.equals(x.target()) && a.type == t
                        && (anyCount || countsCompatible(t, a.count, x.count())) && datedBefore(a, b)
                        && distance(a, b) <= settings.linkWindowDays() && (best == null || precedes(best, a))) {
                    best = a;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /**
     * A summons is how a state tells the other side's envoy of its measure ("summoned the ambassador to
     * inform him of the expulsion"): a cue that names both names the measure as the provocation, and
     * the summons only as its delivery.
     */
    static void dropSideSummonses(Set<MergedAction> cited) {
        if (cited.size() < 2) {
            return;
        }
        Set<String> measuring = new HashSet<>();
        for (MergedAction a : cited) {
            if (a.measure() && a.type != ActionType.SUMMON_ENVOY && a.type != ActionType.OTHER) {
                measuring.add(a.source);
            }
        }
        cited.removeIf(a -> a.type == ActionType.SUMMON_ENVOY && measuring.contains(a.source));
    }

    /**
     * The provocation a cue names by its kind alone ("expelled the envoy in response to new sanctions",
     * no report of the sanctions in that sentence): the latest act of that kind by the other side that
     * b does not surely precede, within the window; an act before b wins over one b ties with. Only a
     * report told as news speaks (a recalled act's sentence is about something else), only one whose
     * cue extraction could not resolve, and not one that a cue of its sentence names (the cue is about
     * it), nor a sentence that reports the other side's act of the named kind itself (extraction then
     * read both acts and left the cue unresolved for a reason: which answers which is not clear).
     */
    private MergedAction namedByKind(MergedAction b, List<MergedAction> merged, CueReading.SentenceIndex sentences) {
        Set<ActionType> kinds = EnumSet.noneOf(ActionType.class);
        for (ExtractedAction m : b.members) {
            if (m.modality() == Modality.BACKGROUND || !m.respondsTo().isEmpty()) {
                continue;
            }
            for (Evidence e : m.evidence()) {
                Set<ActionType> named = ProvocationKinds.named(e.sentence());
                if (named.isEmpty() || sentences.cited(m.id())) {
                    continue;
                }
                Set<ActionType> ks = EnumSet.copyOf(named);
                for (ExtractedAction x : sentences.reporting(e.sentence())) {
                    if (x.source().equals(m.target()) && x.target().equals(m.source()) && Objects.equals(x.articleId(), m.articleId())) {
                        ks.remove(effectiveType(x));
                    }
                }
                kinds.addAll(ks);
            }
        }
        kinds.remove(ActionType.THREATEN_RETALIATION);
        if (kinds.isEmpty() || b.orderingPosition == null) {
            return null;
        }
        MergedAction best = null;
        for (MergedAction a : merged) {
            if (!opposite(a, b) || !kinds.contains(a.type) || a.orderingPosition == null || datedBefore(b, a)
                    || distance(a, b) > settings.linkWindowDays()) {
                continue;
            }
            if (best == null || precedes(a, b) && !precedes(best, b) || precedes(a, b) == precedes(best, b) && ORDER.compare(best, a) < 0) {
                best = a;
            }
        }
        return best;
    }

    /** What the text says each act answers: its explicit cues, and the provocation it shares with a cued act. */
    private record Answers(Map<MergedAction, Set<MergedAction>> cited, Map<MergedAction, MergedAction> shared,
                           Map<MergedAction, MergedAction> byKind) {
        /** Whether a answers b by the text's word: then b cannot be inferred to answer a. */
        boolean answers(MergedAction a, MergedAction b) {
            Set<MergedAction> c = cited.get(a);
            return (c != null && c.contains(b)) || shared.get(a) == b;
        }
    }

    /**
     * Whether a report of b says it answers another dyad's act ("in solidarity with"): then no act of its own dyad
     * is guessed for it (rules 3 and 4); {@link CrossDyadLinks} adds the one the text names.
     */
    private static boolean answersAnotherDyad(MergedAction b) {
        for (ExtractedAction m : b.members) {
            if (m.crossDyad() != null) {
                return true;
            }
        }
        return false;
    }

    private void link(MergedAction b, List<MergedAction> merged, List<MergedAction> citing, Answers answers) {
        Map<MergedAction, Set<MergedAction>> allCited = answers.cited();
        Set<String> explicit = new TreeSet<>();
        for (MergedAction a : allCited.get(b)) {
            explicit.add(a.id);
        }
        MergedAction kind = answers.byKind().get(b);
        for (String id : explicit) {
            // a cue that names only the kind of act is resolved by the episode: a little less sure
            b.links.add(new Link(id, LinkReason.EXPLICIT_CUE, kind != null && kind.id.equals(id) ? 0.8 : 0.9));
        }
        int window = settings.linkWindowDays();
        // What b may answer or carry out: within the window before it (see distance) and starting no later
        // than b ends (see precedes), so with a middle at most half a year after that; or undated. The
        // canonical order sorts by middle, undated last: a slice and the tail.
        List<MergedAction> recent = !windowed || b.orderingPosition == null ? merged : near(merged, b.orderingPosition.middleDay() - window, b.orderingPosition.lastDay() + 183);
        MergedAction shared = answers.shared().get(b);
        if (shared != null) {
            b.links.add(new Link(shared.id, LinkReason.INFERRED, 0.75));
        } else if (explicit.isEmpty() && !answersAnotherDyad(b) && b.threat()) {
            // A threat answers a recent unfriendly act of the other side, a threat included (ultimatum,
            // counter-threat): the closest, most reported, most precisely dated one.
            MergedAction best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (MergedAction a : recent) {
                boolean placed = precedes(a, b) && distance(a, b) <= window;
                // an undated threat answers what the same article reports of the other side
                boolean sameArticle = (a.position == null || b.position == null) && !disjoint(a.articles, b.articles);
                if (provocable(a) && opposite(a, b) && (placed || sameArticle) && !answers.answers(a, b) && !tied(a, b)) {
                    // recency first: a warning answers the latest move (an ultimatum answers the
                    // expulsion before it, the counter-threat answers the ultimatum), coverage second
                    double score = (placed ? -distance(a, b) / 30.0 : 0) + 0.02 * Math.min(a.articles.size(), 3)
                            + 0.1 * (a.position == null ? 0 : a.position.precisionRank()) + 0.01 * Math.log10(1 + (a.count == null ? 0 : a.count));
                    if (score > bestScore || (score == bestScore && ORDER.compare(best, a) < 0)) {
                        best = a;
                        bestScore = score;
                    }
                }
            }
            if (best != null) {
                b.links.add(new Link(best.id, LinkReason.INFERRED, 0.7));
            }
        } else if (explicit.isEmpty() && !answersAnotherDyad(b) && b.measure() && b.type != ActionType.OTHER) {
            // (an unfriendly act that is no measure, an incident, a statement, a suspended treaty, answers
            // only what a cue or a shared provocation says: in the gold such acts are the grievances that
            // measures answer, and guessed provocations for them were right 1 time in 6 over the four sets)
            MergedAction mirror = null;
            if (b.type != ActionType.OTHER) {
                long mirrorDist = Long.MAX_VALUE;
                for (MergedAction a : recent) {
                    if (a.type == b.type && provocable(a) && opposite(a, b) && Objects.equals(a.count, b.count) && precedes(a, b)
                            && !answers.answers(a, b) && !tied(a, b)) {
                        long d = distance(a, b);
                        if (d <= settings.mirrorWindowDays() && (d < mirrorDist || (d == mirrorDist && precedes(mirror, a)))) {
                            mirror = a;
                            mirrorDist = d;
                        }
                    }
                }
            }
            if (mirror != null) {
                b.links.add(new Link(mirror.id, LinkReason.MIRROR, 0.8));
            } else {
                // Reciprocity: the other side's unfriendly acts shortly before; its threats only when nothing else precedes.
                MergedAction best = bestInferred(b, recent, false, answers);
                if (best == null) {
                    best = bestInferred(b, recent, true, answers);
                }
                if (best != null) {
                    long d = distance(best, b);
                    double conf = 0.45 + 0.25 * (1 - (double) d / window) + (best.type == b.type ? 0.1 : 0);
                    b.links.add(new Link(best.id, LinkReason.INFERRED, Math.round(conf * 1000) / 1000.0));
                } else {
                    MergedAction grievance = citedGrievance(b, citing, allCited);
                    if (grievance != null) {
                        b.links.add(new Link(grievance.id, LinkReason.INFERRED, 0.5));
                    }
                }
            }
        }
        if (b.hostile() && b.position != null) {
            // Carrying out one's own threat: the latest threat by the same side, with a compatible count.
            MergedAction threat = null;
            for (MergedAction t : recent) {
                if (t.threat() && t.source.equals(b.source) && t.target.equals(b.target) && precedes(t, b)
                        && distance(t, b) <= window
                        && (t.count == null || b.count == null || t.count.equals(b.count))
                        && (threat == null || precedes(threat, t))) {
                    threat = t;
                }
            }
            if (threat != null) {
                b.carriesOut = threat;
                if (settings.linkCarriedOutThreats() && !explicit.contains(threat.id)) {
                    b.links.add(new Link(threat.id, LinkReason.INFERRED, 0.6));
                }
            }
        }
    }

    /**
     * "Riyadh expelled the envoy in reaction to Ottawa's criticism. It also recalled its ambassador and
     * froze new trade": measures an article reports together with an answer whose cue names its
     * provocation answer the same provocation. The latest such provocation that b does not precede.
     */
    private MergedAction sharedProvocation(MergedAction b, List<MergedAction> merged, Map<MergedAction, Set<MergedAction>> allCited) {
        MergedAction best = null;
        for (MergedAction c : merged) {
            Set<MergedAction> cs = allCited.get(c);
            if (c == b || cs == null || cs.isEmpty() || !c.source.equals(b.source) || !c.target.equals(b.target)
                    || c.position == null || b.position == null || intervalGap(c.position, b.position) > settings.mirrorWindowDays()
                    || disjoint(c.articles, b.articles)) {
                continue;
            }
            for (MergedAction p : cs) {
                if (opposite(p, b) && !precedes(b, p) && (best == null || ORDER.compare(best, p) < 0)) {
                    best = p;
                }
            }
        }
        return best;
    }

    /**
     * When nothing of the other side can be placed before a measure, the dispute's grievance: an OTHER
     * act of the other side (a statement, an inquiry call) that an earlier answer of b's side cites.
     * The beef ban cites the inquiry call; the barley duties a week later answer the same call.
     */
    private MergedAction citedGrievance(MergedAction b, List<MergedAction> merged, Map<MergedAction, Set<MergedAction>> allCited) {
        MergedAction best = null;
        for (MergedAction c : merged) {
            Set<MergedAction> cs = allCited.get(c);
            if (c == b || cs == null || !c.source.equals(b.source) || !c.target.equals(b.target) || precedes(b, c)) {
                continue;
            }
            for (MergedAction g : cs) {
                if (g.type == ActionType.OTHER && opposite(g, b) && !precedes(b, g) && (best == null || ORDER.compare(best, g) < 0)) {
                    best = g;
                }
            }
        }
        return best;
    }

    private MergedAction bestInferred(MergedAction b, List<MergedAction> merged, boolean threats, Answers answers) {
        MergedAction best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (MergedAction a : merged) {
            if (!(threats ? a.threat() : a.measure()) || !provocable(a) || !opposite(a, b) || !precedes(a, b) || answers.answers(a, b) || tied(a, b)
                    || TimelineOrder.guessedBetweenUndated(a, b)) {
                continue;
            }
            long d = distance(a, b);
            if (d > settings.linkWindowDays()) {
                continue;
            }
            double score = -d / 30.0 + (a.type == b.type && a.type != ActionType.OTHER ? 1 : 0) + 0.3 * Math.min(a.articles.size(), 3)
                    + 0.05 * Math.log10(1 + (a.count == null ? 0 : a.count)) - 0.01 * a.type.severity();
            if (score > bestScore || (score == bestScore && precedes(best, a))) {
                best = a;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Whether inference may take a as a provocation: an unfriendly act, but not a summons. Summoning the
     * other side's envoy is how a state protests (it answers); what the other side then does answers
     * the act protested against. Of the 240-odd provocations the four gold sets list, none is a
     * summons. A cue that names a summons still links to it.
     */
    private static boolean provocable(MergedAction a) {
        return a.contentious() && a.type != ActionType.SUMMON_ENVOY;
    }

    /** The actions (in {@link TimelineOrder#ORDER}) whose ordering middle is within {@code lo..hi}, then the undated ones. */
    private static List<MergedAction> near(List<MergedAction> merged, long lo, long hi) {
        int from = indexFrom(merged, lo);
        int to = indexFrom(merged, hi + 1);
        int undated = indexFrom(merged, Long.MAX_VALUE);
        if (to == undated) {
            return merged.subList(from, merged.size());
        }
        List<MergedAction> out = new ArrayList<>(merged.subList(from, to));
        out.addAll(merged.subList(undated, merged.size()));
        return out;
    }

    /** The index of the first action (in {@link TimelineOrder#ORDER}) whose ordering middle is at least {@code mid}, or undated. */
    private static int indexFrom(List<MergedAction> merged, long mid) {
        int lo = 0;
        int hi = merged.size();
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            TimelinePosition p = merged.get(m).orderingPosition;
            if (p != null && p.middleDay() < mid) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }

    /** {@code Collections.disjoint} of two sorted lists without duplicates (as {@link MergedAction#articles}), in one walk. */
    static boolean disjoint(List<String> a, List<String> b) {
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            int c = a.get(i).compareTo(b.get(j));
            if (c == 0) {
                return false;
            }
            if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return true;
    }

    static boolean opposite(MergedAction a, MergedAction b) {
        return a.source.equals(b.target) && a.target.equals(b.source);
    }

    /**
     * The action an explicit cue points at when the cited mention is not itself part of an action
     * here (an undated recall, or a mention of another episode): the best action of this episode that
     * the cited mention could describe, preferring those before the answering action.
     */
    private MergedAction pointerMatch(ExtractedAction x, MergedAction b, List<MergedAction> merged) {
        ActionType t = effectiveType(x);
        MergedAction best = null;
        int bestKey = Integer.MIN_VALUE;
        for (MergedAction a : merged) {
            if (a == b || !a.source.equals(x.source()) || !a.target.equals(x.target()) || a.type != t) {
                continue;
            }
            if (!countsCompatible(t, a.count, x.count()) || !x.date().compatibleWith(a.workingDate, settings.mergeSlackDays())) {
                continue;
            }
            // surely before the answer, then possibly before it, then the more reported; among equals the earliest
            int key = (precedes(a, b) ? 2000 : precedes(b, a) ? 0 : 1000) + Math.min(a.articles.size(), 100);
            if (key > bestKey) {
                best = a;
                bestKey = key;
            }
        }
        if (best == null && x.modality() == Modality.BACKGROUND && !x.date().hasYear()) {
            // An undated recall whose count fits nothing here ("the expulsion of Russian diplomats",
            // given the count of another sentence) still names the kind of act answered: take the
            // latest act of those sides and type before the answer, within the window.
            for (MergedAction a : merged) {
                if (a != b && a.source.equals(x.source()) && a.target.equals(x.target()) && a.type == t
                        && precedes(a, b) && distance(a, b) <= settings.linkWindowDays()
                        && (best == null || precedes(best, a))) {
                    best = a;
                }
            }
        }
        return best;
    }
}
