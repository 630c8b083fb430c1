package io.riposte.correlation;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Chain;
import io.riposte.domain.ChainStatus;
import io.riposte.domain.ChainStep;
import io.riposte.domain.DateBasis;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.Dyad;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The pure heart of correlation: one episode of one dyad (a set of mentions no other mention can
 * merge or link with) in, its actions and chains out. It is a function of the SET of mentions: they
 * are sorted canonically before every greedy step, ties are broken on content, and every id is
 * derived from content. {@link Correlator} only decides which episode to recompute.
 */
final class Episode {

    /** Where a date sits on the timeline, in epoch days. Year-less months sit in a nominal year. */
    record Pos(long e, long l, long mid, int rank) {}

    /** A merged action before chains are known. */
    static final class Proto {
        final String source;
        final String target;
        final ActionType type;
        final List<ExtractedAction> members = new ArrayList<>();
        Integer clusterCount;
        final Pos anchorPos;
        final int index;
        // filled by build()
        String id;
        /** The date merging and linking work with (a publication-month fallback widened to its year). */
        FuzzyDate date;
        /** The date the action is published with: the most precise its reports give ({@link #shownDate}). */
        FuzzyDate shown;
        Pos pos;
        /** Where the action sits for ordering: {@link #pos} narrowed by the days its reports say it may denote. */
        Pos opos;
        Integer count;
        Modality modality;
        double confidence;
        List<String> articles;
        List<Evidence> evidence;
        final List<Link> links = new ArrayList<>();
        String chainId;
        Proto carriesOut;
        /** Named by a cue, in the sentence of the act that answers it: a cited act, not the undated news of the day. */
        boolean citedByCue;
        /**
         * The distinct dates of the members, notes dropped: whether a report's date fits every member
         * ({@link #datesCompatible}) reads nothing else, so checking these is checking every member.
         */
        final List<FuzzyDate> memberDates = new ArrayList<>();
        private final Set<FuzzyDate> memberDateSet = new HashSet<>();
        /** Whether a date fits all of {@link #memberDates}, memoised until a new distinct date joins. */
        final Map<FuzzyDate, Boolean> fits = new HashMap<>();
        /** Whether a member was dated relative to an earlier act (a key of {@link #ORDER}). */
        boolean datedAfter;

        Proto(ExtractedAction anchor, int index) {
            this.source = anchor.source();
            this.target = anchor.target();
            this.type = effectiveType(anchor);
            this.anchorPos = pos(anchor.date());
            this.index = index;
            add(anchor);
        }

        void add(ExtractedAction m) {
            members.add(m);
            if (clusterCount == null && m.count() != null) {
                clusterCount = m.count();
            }
            FuzzyDate d = mergeKey(m.date());
            if (memberDateSet.add(d)) {
                memberDates.add(d);
                fits.clear();
            }
            datedAfter |= datedAfterAnother(m.date());
        }

        /** Whether a report dated {@code d} may join: its date fits every member's (see {@link #datesCompatible}). */
        boolean fitsDates(FuzzyDate d, int slack, boolean noYear) {
            Boolean ok = fits.get(d);
            if (ok == null) {
                ok = true;
                for (FuzzyDate o : memberDates) {
                    if (!datesCompatible(d, o, slack, noYear)) {
                        ok = false;
                        break;
                    }
                }
                fits.put(d, ok);
            }
            return ok;
        }

        /** Hostile and not a threat: a measure, a summons, or any other unfriendly act (OTHER). */
        boolean measure() {
            return type.severity() < 0 && type != ActionType.THREATEN_RETALIATION;
        }

        /** A hostile measure proper (not OTHER): what carries out a threat. */
        boolean hostile() {
            return type.isHostileMeasure();
        }

        /** Anything unfriendly, threats included: what a threat may answer. */
        boolean contentious() {
            return type.severity() < 0;
        }

        boolean threat() {
            return type == ActionType.THREATEN_RETALIATION;
        }
    }

    /**
     * @param carriedOut action id -> id of the threat (by the same side) it carries out
     */
    record Result(List<Action> actions, List<Chain> chains, Map<String, Long> chainKeyDays,
            Map<String, List<String>> mentionIdsByAction, Map<String, String> carriedOut) {}

    private static final int NOMINAL_YEAR = 2000;

    private final CorrelationSettings settings;
    private final Function<String, ExtractedAction> lookup;

    /** Whether linking looks only at the actions its windows can reach (false: at all, the plain reference). */
    private final boolean windowed;

    Episode(CorrelationSettings settings, Function<String, ExtractedAction> lookup) {
        this(settings, lookup, true);
    }

    Episode(CorrelationSettings settings, Function<String, ExtractedAction> lookup, boolean windowed) {
        this.settings = settings;
        this.lookup = lookup;
        this.windowed = windowed;
    }

    static Pos pos(FuzzyDate d) {
        if (d.precision() == DatePrecision.UNKNOWN) {
            return null;
        }
        LocalDate e;
        LocalDate l;
        if (d.hasYear()) {
            e = d.earliest();
            l = d.latest();
        } else {
            e = LocalDate.of(NOMINAL_YEAR, d.month(), 1);
            l = YearMonth.of(NOMINAL_YEAR, d.month()).atEndOfMonth();
        }
        long ed = e.toEpochDay();
        long ld = l.toEpochDay();
        return new Pos(ed, ld, ed + (ld - ed) / 2, rank(d));
    }

    /**
     * Whether two reports' dates allow one action. An undated report anchored into a dated episode
     * ("in March", year unknown) fits a dated report of that month, including an undated report
     * whose publication month it is (widened to its year for merging).
     */
    static boolean datesCompatible(FuzzyDate m, FuzzyDate o, int slack, boolean noYear) {
        if (!noYear && !m.hasYear() && o.hasYear()) {
            Integer om = anchorMonth(o);
            return m.month() == null || om == null || om.equals(m.month());
        }
        if (!m.compatibleWith(o, slack)) {
            return false;
        }
        // An undated report (publication fallback) is recent news: it is the action of a dated report
        // only if that date lies in the three months before its publication, not any day of the year
        // ("downgrades ties" in November is not the ambassador's recall of August).
        return recentEnough(m, o, slack) && recentEnough(o, m, slack);
    }

    static final int FALLBACK_REACH_DAYS = 90;

    private static boolean recentEnough(FuzzyDate f, FuzzyDate d, int slack) {
        if (f.basis() != DateBasis.PUBLICATION_FALLBACK || rank(d) < 3 || !d.hasYear()) {
            return true;
        }
        long[] r = dayRange(f);
        if (r == null) {
            return true;
        }
        return d.latest().toEpochDay() >= r[1] - FALLBACK_REACH_DAYS && d.earliest().toEpochDay() <= r[1] + slack;
    }

    /** A date as merging sees it: everything but the note, which no date comparison reads. */
    static FuzzyDate mergeKey(FuzzyDate d) {
        return d.note() == null ? d : d.withNote(null);
    }

    static int rank(FuzzyDate d) {
        return switch (d.precision()) {
            case DAY -> 4;
            case MONTH -> d.hasYear() ? 3 : 2;
            case YEAR -> 1;
            case UNKNOWN -> 0;
        };
    }

    /**
     * The date correlation works with. Extraction dates an action it found no date for by the month
     * of publication, or the day for the news of an article's lead (basis
     * {@link DateBasis#PUBLICATION_FALLBACK}): an upper bound, not a date. Two articles published
     * months apart about the same action would never merge on it, and a year-end review would found
     * new actions, so such a date is widened to its year for merging and linking (note, range and basis
     * kept); the action still shows it when nothing stated is as precise ({@link #shownDate}).
     */
    static FuzzyDate effectiveDate(FuzzyDate d) {
        if ((d.precision() == DatePrecision.MONTH || d.precision() == DatePrecision.DAY) && d.hasYear()
                && d.basis() == DateBasis.PUBLICATION_FALLBACK) {
            return new FuzzyDate(d.year(), null, null, DatePrecision.YEAR, d.note(), d.rangeStart(), d.rangeEnd(), d.basis());
        }
        return d;
    }

    /**
     * Whether extraction dated this report relative to another act that came first: "the same day",
     * "a week later" (kept at the earlier act's month when that is all that is known).
     */
    static boolean datedAfterAnother(FuzzyDate d) {
        return d.basis() == DateBasis.AFTER_EARLIER_ACT;
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

    private static Integer anchorMonth(FuzzyDate d) {
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
    private record Ranked(ExtractedAction m, int group, long e, long l) {
        static Ranked of(ExtractedAction m) {
            // undated reports anchored into a dated episode join the clusters of the dated ones, then the
            // more precise, the stated (not background), those with a count, the earlier
            int group = (m.date().hasYear() ? 0 : 1) << 8 | (4 - rank(m.date())) << 2
                    | (m.modality() == Modality.BACKGROUND ? 1 : 0) << 1 | (m.count() == null ? 1 : 0);
            Pos p = pos(m.date());
            return new Ranked(m, group, p == null ? Long.MAX_VALUE : p.e(), p == null ? Long.MAX_VALUE : p.l());
        }
    }

    private static final Comparator<Ranked> MERGE_ORDER = Comparator
            .comparingInt(Ranked::group)
            .thenComparingLong(Ranked::e)
            .thenComparingLong(Ranked::l)
            .thenComparing(r -> r.m().id());

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
            out.add(r.m());
        }
        return out;
    }

    Result compute(String dyad, List<ExtractedAction> input, Long dyadLatestDay, boolean noYear) {
        List<ExtractedAction> mentions = mergeOrder(input);

        // 1. Merge: greedy over the canonical order, so the clusters depend only on the set.
        List<Proto> protos = new ArrayList<>();
        Map<String, Proto> byMention = new HashMap<>();
        Map<String, ExtractedAction> reports = new HashMap<>();
        for (ExtractedAction m : mentions) {
            reports.put(m.id(), m);
        }
        Map<String, ExtractedAction> unattached = new HashMap<>();
        // Protos by (source, target, type), in founding order: only those can take a mention.
        Map<MergeClass, List<Proto>> byClass = new HashMap<>();
        for (ExtractedAction m : mentions) {
            Proto best = null;
            long bestDist = Long.MAX_VALUE;
            // an undated mention anchored into a dated episode cannot be placed on its timeline
            Pos mp = !noYear && !m.date().hasYear() ? null : pos(m.date());
            ActionType t = effectiveType(m);
            MergeClass mc = new MergeClass(m.source(), m.target(), t);
            List<Proto> candidates = byClass.getOrDefault(mc, List.of());
            int slack = t == ActionType.THREATEN_RETALIATION ? settings.threatMergeSlackDays() : settings.mergeSlackDays();
            FuzzyDate md = mergeKey(m.date());
            for (Proto c : candidates) {
                if (!countsCompatible(t, c.clusterCount, m.count())) {
                    continue;
                }
                if (!c.fitsDates(md, slack, noYear)) {
                    continue;
                }
                long dist = mp == null || c.anchorPos == null ? 0 : Math.abs(mp.mid() - c.anchorPos.mid());
                if (best == null || dist < bestDist
                        || (dist == bestDist && c.members.size() > best.members.size())) {
                    best = c;
                    bestDist = dist;
                }
            }
            if (best != null) {
                best.add(m);
                byMention.put(m.id(), best);
            } else if (canFound(m) && (noYear || m.date().hasYear())) {
                Proto p = new Proto(m, protos.size());
                protos.add(p);
                byClass.computeIfAbsent(mc, k -> new ArrayList<>()).add(p);
                byMention.put(m.id(), p);
            } else {
                unattached.put(m.id(), m);
            }
        }
        for (Proto p : protos) {
            build(p, noYear);
        }
        assignIds(protos);
        protos.sort(ORDER);
        Map<String, Proto> byId = new HashMap<>();
        for (Proto p : protos) {
            byId.put(p.id, p);
        }

        // 2. Links, each action against the earlier ones: explicit cues of every action first (a cue
        // read backwards gives its link to the other action), then inference where no cue speaks.
        Map<Proto, Map<Proto, Boolean>> cues = new HashMap<>();
        for (Proto b : protos) {
            cues.put(b, cited(b, protos, byMention, reports, unattached));
        }
        // what a cue names in the sentence of its answer is a cited act (decided by dates alone, before
        // anything reads the mark)
        for (Proto b : protos) {
            for (Map.Entry<Proto, Boolean> cue : cues.get(b).entrySet()) {
                if (cue.getValue()) {
                    Proto a = cue.getKey();
                    if (!datedBefore(b, a) || (b.threat() && !a.threat())) {
                        a.citedByCue = true;
                    } else if (opposite(a, b)) {
                        b.citedByCue = true;
                    }
                }
            }
        }
        Map<Proto, Set<Proto>> explicit = new HashMap<>();
        for (Proto b : protos) {
            explicit.computeIfAbsent(b, k -> new TreeSet<>(ORDER));
            for (Map.Entry<Proto, Boolean> cue : cues.get(b).entrySet()) {
                Proto a = cue.getKey();
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
        for (Set<Proto> cs : explicit.values()) {
            dropSideSummonses(cs);
        }
        // only actions whose cues cite something can lend b a grievance
        List<Proto> citing = new ArrayList<>();
        for (Proto c : protos) {
            if (!explicit.get(c).isEmpty()) {
                citing.add(c);
            }
        }
        // Shared provocations before any inference, so that inference never links an act to one that
        // answers it (a cycle that no timeline allows).
        Map<Proto, Proto> shared = new HashMap<>();
        int mirrorWindow = settings.mirrorWindowDays();
        for (Proto b : protos) {
            if (explicit.get(b).isEmpty() && b.contentious()) {
                // c and b of a shared provocation are at most the mirror window apart, and a date spans at most a year
                Proto s = sharedProvocation(b, !windowed || b.pos == null ? protos
                        : near(protos, b.pos.e() - mirrorWindow - 366, b.pos.l() + mirrorWindow + 366), explicit);
                if (s != null) {
                    shared.put(b, s);
                }
            }
        }
        Answers answers = new Answers(explicit, shared);
        for (Proto b : protos) {
            link(b, protos, windowed ? citing : protos, answers);
        }

        // 3. Chains: connected components over links and reciprocity associations.
        int n = protos.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<Proto, Integer> idx = new HashMap<>();
        for (int i = 0; i < n; i++) {
            idx.put(protos.get(i), i);
        }
        for (Proto b : protos) {
            for (Link l : b.links) {
                union(parent, idx.get(b), idx.get(byId.get(l.actionId())));
            }
            if (b.carriesOut != null) {
                union(parent, idx.get(b), idx.get(b.carriesOut));
            }
        }
        for (int i = 0; i < n; i++) {
            Proto a = protos.get(i);
            if (!a.contentious() || a.pos == null) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                Proto b = protos.get(j);
                // protos are in order of ordering middles (within a year of their dates' middles, spanning at
                // most 366 days): past this margin no gap is small enough
                if (b.pos == null || b.opos.mid() - a.opos.mid() > settings.linkWindowDays() + 1200) {
                    break;
                }
                if (b.contentious() && opposite(a, b) && intervalGap(a.pos, b.pos) <= settings.linkWindowDays()) {
                    union(parent, i, j);
                }
            }
        }
        // An undated act has no gap to measure, but an article that reports it beside the other side's acts
        // in this dyad tells one story ("X barred their citizens from leaving; hours later Y did the same").
        for (int i = 0; i < n; i++) {
            Proto a = protos.get(i);
            if (!a.contentious() || a.pos != null) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                Proto b = protos.get(j);
                if (b.contentious() && opposite(a, b) && !disjoint(a.articles, b.articles)) {
                    union(parent, i, j);
                }
            }
        }
        Map<Integer, List<Proto>> components = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            components.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(protos.get(i));
        }
        List<Chain> chains = new ArrayList<>();
        Map<String, Long> chainKeyDays = new HashMap<>();
        for (List<Proto> comp : components.values()) {
            if (comp.size() < 2) {
                continue;
            }
            List<Proto> steps = topological(comp, byId);
            String chainId = "chain-" + steps.get(0).id;
            long lastDay = Long.MIN_VALUE;
            double escalation = 0;
            List<ChainStep> chainSteps = new ArrayList<>();
            for (Proto p : steps) {
                p.chainId = chainId;
                if (p.pos != null) {
                    lastDay = Math.max(lastDay, p.pos.e());
                }
                if (p.type.severity() < 0) {
                    escalation += -p.type.severity() * (1 + Math.log10(1 + (p.count == null ? 0 : p.count)));
                }
                chainSteps.add(new ChainStep(p.id, p.source, p.target, p.type, p.shown, p.count,
                        p.links.stream().map(Link::actionId).toList()));
            }
            ChainStatus status = ChainStatus.ACTIVE;
            if (!noYear && dyadLatestDay != null && lastDay != Long.MIN_VALUE
                    && dyadLatestDay - lastDay > settings.dormancyDays()) {
                status = ChainStatus.DORMANT;
            }
            chains.add(new Chain(chainId, dyad, status, Math.round(escalation * 100) / 100.0,
                    steps.get(0).shown, steps.get(steps.size() - 1).shown, chainSteps));
            chainKeyDays.put(chainId, lastDay == Long.MIN_VALUE ? null : lastDay);
        }

        List<Action> actions = new ArrayList<>();
        Map<String, List<String>> mentionIds = new LinkedHashMap<>();
        for (Proto p : protos) {
            List<Link> links = new ArrayList<>(p.links);
            links.sort(Comparator.comparing((Link l) -> l.reason().ordinal()).thenComparing(Link::actionId));
            actions.add(new Action(p.id, dyad, p.source, p.target, p.type, p.shown, p.count, p.modality,
                    p.confidence, p.articles, p.evidence, links, p.chainId));
            mentionIds.put(p.id, p.members.stream().map(ExtractedAction::id).sorted().toList());
        }
        Map<String, String> carriedOut = new HashMap<>();
        for (Proto p : protos) {
            if (p.carriesOut != null) {
                carriedOut.put(p.id, p.carriesOut.id);
            }
        }
        return new Result(actions, chains, chainKeyDays, mentionIds, carriedOut);
    }

    static long intervalGap(Pos a, Pos b) {
        return Math.max(0, Math.max(a.e(), b.e()) - Math.min(a.l(), b.l()));
    }

    private static boolean countsCompatible(ActionType t, Integer a, Integer b) {
        return t == ActionType.THREATEN_RETALIATION || a == null || b == null || a.equals(b);
    }

    /** The canonical timeline order of actions: middle of the date, more precise first, then id. */
    static final Comparator<Proto> ORDER = timeline()
            // on the same date a threat answers the measure, not the other way round
            .thenComparingInt(p -> p.threat() ? 1 : 0)
            // and a measure answers an unfriendly act that is none (an incident, a statement, a
            // recognition): that is what measures are taken over
            .thenComparingInt(p -> p.type == ActionType.OTHER ? 0 : 1)
            // and the more reported, harsher act is more likely the one that started it
            .thenComparingInt(p -> -p.articles.size())
            .thenComparingDouble(p -> p.type.severity())
            .thenComparing(p -> p.id);

    /** The part of {@link #ORDER} that reads only what the text says of the dates. */
    private static Comparator<Proto> timeline() {
        return Comparator
                .comparingLong((Proto p) -> p.opos == null ? Long.MAX_VALUE : p.opos.mid())
                .thenComparingInt(p -> p.opos == null ? 0 : -p.opos.rank())
                .thenComparingLong(p -> p.opos == null ? 0 : p.opos.e())
                // "... and the other side did the same the same day": the act dated by reference came second
                .thenComparingInt(p -> p.datedAfter ? 1 : 0);
    }

    private static final Comparator<Proto> TIMELINE = timeline();

    /**
     * Whether a came before b, so that b may answer it. Disjoint dates decide by themselves. When they
     * overlap and one contains the other: of a threat and a measure, the measure comes first; a
     * year-precise date is otherwise too vague to order against anything inside its year (no
     * inference; explicit cues still link); a
     * precise date inside a coarser one comes first (the coarse report is typically the reaction, "in
     * April Moscow summoned..."); otherwise the canonical
     * order decides (date middle, then threats after measures, OTHER acts before measures, then the more
     * reported, harsher one).
     */
    static boolean precedes(Proto a, Proto b) {
        return precedes(a, b, ORDER);
    }

    /**
     * {@link #precedes} without the guesses by kind, coverage and severity when the dates tie: what may
     * overrule a cue that reaches into another sentence.
     */
    static boolean precedesOnTimeline(Proto a, Proto b) {
        return precedes(a, b, TIMELINE);
    }

    private static boolean precedes(Proto a, Proto b, Comparator<Proto> ties) {
        if (a == b || a.opos == null || b.opos == null) {
            return false;
        }
        if (a.opos.l() < b.opos.e()) {
            return true;
        }
        if (b.opos.l() < a.opos.e()) {
            return false;
        }
        boolean aInB = a.opos.e() >= b.opos.e() && a.opos.l() <= b.opos.l();
        boolean bInA = b.opos.e() >= a.opos.e() && b.opos.l() <= a.opos.l();
        if ((aInB || bInA) && a.threat() != b.threat()) {
            return b.threat(); // a threat answers; a measure of the threat's month (or year) still came first
        }
        if (a.opos.rank() <= 1 || b.opos.rank() <= 1) {
            return false;
        }
        // A precise date inside the days of an undated report (publication fallback) comes first: the
        // text dates what it cites and leaves the news of the day undated. A precise date inside a
        // stated coarse date ("this month", "in April") is ordered by the middles like any other.
        // An act that a cue cites is not that news, however undated.
        if (aInB && !bInA && fallback(b) && !b.citedByCue) {
            return true;
        }
        if (bInA && !aInB && fallback(a) && !a.citedByCue) {
            return false;
        }
        return ties.compare(a, b) < 0;
    }

    /**
     * Whether a's days all lie before b's: what may overrule the word of a cue. Overlapping dates are
     * ordered by {@link #precedes} with guesses (middles of coarse dates, undated news last, the more
     * reported first) that the text's word beats.
     */
    static boolean datedBefore(Proto a, Proto b) {
        return a != b && a.opos != null && b.opos != null && a.opos.l() < b.opos.e();
    }

    /**
     * Whether only the id tells a from b in the canonical order: the same days, kind of date, standing,
     * coverage and severity. Then nothing says who answered whom ("Moscow and Sofia each close a
     * consulate", both undated in one article), and inference links neither way; the reciprocity
     * association still puts both in one chain.
     */
    static boolean tied(Proto a, Proto b) {
        return a.opos != null && b.opos != null && a.opos.equals(b.opos) && a.datedAfter == b.datedAfter
                && a.threat() == b.threat() && a.articles.size() == b.articles.size()
                && a.type.severity() == b.type.severity();
    }

    private static boolean fallback(Proto p) {
        return p.date.basis() == DateBasis.PUBLICATION_FALLBACK;
    }

    /** Days from a to b, middle to middle, never negative (a precise date inside b may lie after b's middle). */
    private static long distance(Proto a, Proto b) {
        return Math.max(0, b.opos.mid() - a.opos.mid());
    }

    /**
     * The days a coarse date may denote, when extraction knows them better than the precision says
     * ("this week", "this month", the publication-month fallback of an undated report), as epoch
     * days; null when the date carries no range.
     */
    static long[] dayRange(FuzzyDate d) {
        return d.hasRange() ? new long[] {d.rangeStart().toEpochDay(), d.rangeEnd().toEpochDay()} : null;
    }

    /**
     * The ordering position: a coarse date narrowed by the tightest range its reports give (the one
     * ending first, so the set of members decides, not their order). A reported action the text did
     * not date, in an article of 17 April, is no longer "some day of 2021" that can be ordered against
     * nothing: it happened in the days before publication, before an answer dated 18 April.
     */
    private static Pos orderingPos(Proto p) {
        if (p.pos == null || p.pos.rank() == 4) {
            return p.pos;
        }
        long[] best = null;
        for (ExtractedAction m : p.members) {
            long[] r = dayRange(m.date());
            if (r == null && m.date().hasYear()) {
                // a report with a plain coarse date ("this year", "in 2021") may be of anything earlier:
                // another report's publication range does not bound the action
                return p.pos;
            }
            if (r != null && r[0] <= p.pos.l() && r[1] >= p.pos.e()
                    && (best == null || r[1] < best[1] || (r[1] == best[1] && r[0] > best[0]))) {
                best = r;
            }
        }
        if (best == null) {
            return p.pos;
        }
        long e = Math.max(p.pos.e(), best[0]);
        long l = Math.min(p.pos.l(), best[1]);
        return new Pos(e, l, e + (l - e) / 2, Math.max(p.pos.rank(), 3));
    }

    /** Evidence order: article, start, end, sentence, origin (absent values as "null"). */
    static final Comparator<Evidence> EVIDENCE_ORDER = (a, b) -> {
        int c = String.valueOf(a.articleId()).compareTo(String.valueOf(b.articleId()));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.start(), b.start());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.end(), b.end());
        if (c != 0) {
            return c;
        }
        c = String.valueOf(a.sentence()).compareTo(String.valueOf(b.sentence()));
        return c != 0 ? c : String.valueOf(a.origin()).compareTo(String.valueOf(b.origin()));
    };

    /**
     * The date of an action: among its dating reports' most precise dates the most reported, then the
     * earliest, then by note; the first in member order among equals.
     */
    private record IsoKey(DatePrecision precision, Integer year, Integer month, Integer day) {}

    static FuzzyDate actionDate(List<ExtractedAction> members, boolean noYear) {
        int bestRank = 0;
        for (ExtractedAction m : members) {
            if (noYear || m.date().hasYear()) {
                bestRank = Math.max(bestRank, rank(m.date()));
            }
        }
        // one pass to count each date's reports, one to pick (the first of equals, in member order)
        // dates with the same fields have the same iso form, and only those (see FuzzyDate#iso)
        List<FuzzyDate> top = new ArrayList<>();
        List<IsoKey> topIso = new ArrayList<>();
        Map<IsoKey, Integer> freq = new HashMap<>();
        for (ExtractedAction m : members) {
            if ((noYear || m.date().hasYear()) && rank(m.date()) == bestRank) {
                FuzzyDate d = m.date();
                IsoKey iso = new IsoKey(d.precision(), d.year(), d.month(), d.day());
                top.add(d);
                topIso.add(iso);
                freq.merge(iso, 1, Integer::sum);
            }
        }
        if (top.isEmpty()) {
            throw new java.util.NoSuchElementException("an action without a dating report");
        }
        FuzzyDate best = top.get(0);
        int bestFreq = freq.get(topIso.get(0));
        long bestE = pos(best) == null ? 0 : pos(best).e();
        for (int i = 1; i < top.size(); i++) {
            FuzzyDate d = top.get(i);
            if (d.equals(best)) {
                continue;
            }
            int f = freq.get(topIso.get(i));
            if (f < bestFreq) {
                continue;
            }
            Pos dp = pos(d);
            long e = dp == null ? 0 : dp.e();
            if (f == bestFreq) {
                if (e > bestE) {
                    continue;
                }
                if (e == bestE && (d.note() == null ? "" : d.note()).compareTo(best.note() == null ? "" : best.note()) >= 0) {
                    continue;
                }
            }
            best = d;
            bestFreq = f;
            bestE = e;
        }
        return best;
    }

    /**
     * The date a report gave its action before correlation widened it ({@link #effectiveDate}): its
     * evidence records it ({@link Correlator#normalize}); a mention without it is taken as it is.
     */
    static FuzzyDate reportedDate(ExtractedAction m) {
        for (Evidence e : m.evidence()) {
            if (e.date() != null) {
                return e.date();
            }
        }
        return m.date();
    }

    /**
     * The date an action is published with: never coarser than its best-dated report. Among the
     * reports' own dates ({@link #reportedDate}; in a dated episode only those with a year) a stated
     * date is chosen by {@link #actionDate}'s rule (the most precise, then the most reported, then the
     * earliest). A publication fallback (an undated report: the month, or the day of a lead) bounds the
     * act rather than dating it: it wins only where it is more precise than every stated date and lies
     * inside the chosen one, or where nothing is stated; among fallbacks the most precise, then one
     * that states a count, then the earliest. Reports whose stated dates disagree beyond the merge
     * tolerance never reach this point: they are separate actions.
     */
    static FuzzyDate shownDate(List<ExtractedAction> members, boolean noYear) {
        List<ExtractedAction> stated = new ArrayList<>(members.size());
        List<ExtractedAction> fallbacks = new ArrayList<>();
        for (ExtractedAction m : members) {
            FuzzyDate d = reportedDate(m);
            if (!noYear && !d.hasYear() || d.precision() == DatePrecision.UNKNOWN) {
                continue;
            }
            ExtractedAction r = m.date() == d ? m : withDate(m, d);
            (d.basis() == DateBasis.PUBLICATION_FALLBACK ? fallbacks : stated).add(r);
        }
        FuzzyDate best = stated.isEmpty() ? null : actionDate(stated, noYear);
        // a fallback refines a stated date only inside it ("in 2022" and the news of a June article);
        // the most precise wins, then one that states the count (this act's own news; a count-less one
        // may be a loose mention from another month), then the earliest: the act precedes every report
        Comparator<ExtractedAction> finest = Comparator.comparingInt((ExtractedAction m) -> -rank(m.date()))
                .thenComparingInt(m -> m.count() != null ? 0 : 1)
                .thenComparingLong(m -> pos(m.date()).e())
                .thenComparing(m -> noteOf(m.date()));
        FuzzyDate refined = fallbacks.stream().filter(m -> best == null || within(m.date(), best)).min(finest)
                .map(ExtractedAction::date).orElse(null);
        if (refined != null && (best == null || rank(refined) > rank(best))) {
            return refined;
        }
        return best != null ? best : actionDate(members, noYear);
    }

    /** Whether every day {@code inner} may denote is one {@code outer} may denote. */
    private static boolean within(FuzzyDate inner, FuzzyDate outer) {
        Pos i = pos(inner);
        Pos o = pos(outer);
        return i != null && o != null && inner.hasYear() == outer.hasYear() && o.e() <= i.e() && i.l() <= o.l();
    }

    private static String noteOf(FuzzyDate d) {
        return d.note() == null ? "" : d.note();
    }

    private static ExtractedAction withDate(ExtractedAction m, FuzzyDate d) {
        return new ExtractedAction(m.id(), m.articleId(), m.origin(), m.source(), m.target(), m.type(), d, m.count(),
                m.modality(), m.confidence(), m.evidence(), m.respondsTo(), m.cue());
    }

    /**
     * The members' evidence in {@link #EVIDENCE_ORDER} without repeats, the first given of equals kept (as
     * a TreeSet fed in member order would, which a stable sort does in one pass).
     */
    static List<Evidence> evidenceOf(List<ExtractedAction> members) {
        List<Evidence> ev = new ArrayList<>();
        for (ExtractedAction m : members) {
            ev.addAll(m.evidence());
        }
        ev.sort(EVIDENCE_ORDER);
        List<Evidence> distinct = new ArrayList<>(ev.size());
        for (Evidence e : ev) {
            if (distinct.isEmpty() || EVIDENCE_ORDER.compare(distinct.get(distinct.size() - 1), e) != 0) {
                distinct.add(e);
            }
        }
        return List.copyOf(distinct);
    }

    private void build(Proto p, boolean noYear) {
        // The most precise date wins; among equally precise ones the most reported, then the earliest.
        // In a dated episode only dated reports count (anchored undated ones only add their evidence).
        p.date = actionDate(p.members, noYear);
        p.shown = shownDate(p.members, noYear);
        p.pos = pos(p.date);
        p.opos = orderingPos(p);
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
                .min(Comparator.comparingInt(Episode::modalityRank)).orElseThrow();
        // Independent reports raise confidence: 1 - prod(1 - best confidence per article).
        Map<String, Double> perArticle = new HashMap<>();
        for (ExtractedAction m : p.members) {
            double c = Math.max(0, Math.min(1, m.confidence()));
            perArticle.merge(String.valueOf(m.articleId()), c, Math::max);
        }
        List<String> articleIds = new ArrayList<>(perArticle.keySet());
        articleIds.sort(null); // the product in article order, as floating point makes order matter
        double miss = 1;
        for (String a : articleIds) {
            miss *= 1 - perArticle.get(a);
        }
        double conf = Math.min(0.99, 1 - miss);
        if (p.members.stream().allMatch(m -> m.modality() == Modality.BACKGROUND)) {
            conf *= settings.backgroundConfidenceFactor();
        }
        p.confidence = Math.round(conf * 1000) / 1000.0;
        p.articles = p.members.stream()
                .map(m -> m.origin() != null ? m.origin() : String.valueOf(m.articleId()))
                .distinct().sorted().toList();
        p.evidence = evidenceOf(p.members);
    }

    /** Content-derived ids; clashes (two distinct actions with the same visible content) get a suffix in canonical order. */
    private static void assignIds(List<Proto> protos) {
        Map<String, List<Proto>> byBase = new TreeMap<>();
        for (Proto p : protos) {
            String base = "act-" + Keys.hash(p.source + "|" + p.target + "|" + p.type + "|" + p.shown.iso() + "|" + p.count, 16);
            byBase.computeIfAbsent(base, k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<Proto>> e : byBase.entrySet()) {
            List<Proto> same = e.getValue();
            if (same.size() == 1) {
                same.get(0).id = e.getKey();
                continue;
            }
            same.sort(Comparator.comparing((Proto p) -> p.members.stream().map(ExtractedAction::id).sorted().findFirst().orElse("")));
            for (int i = 0; i < same.size(); i++) {
                same.get(i).id = i == 0 ? e.getKey() : e.getKey() + "-" + (i + 1);
            }
        }
    }

    /**
     * The actions b's explicit cues cite (the article says what this action answers), each with whether
     * some cue of b names it in the sentence that tells b: the syntax put the two acts together. A cue
     * that reaches into another sentence ("In response, ...") is a reading of the story, less sure.
     */
    private Map<Proto, Boolean> cited(Proto b, List<Proto> protos, Map<String, Proto> byMention,
            Map<String, ExtractedAction> reports, Map<String, ExtractedAction> unattached) {
        Map<Proto, Boolean> out = new TreeMap<>(ORDER);
        for (ExtractedAction m : b.members) {
            for (String ref : m.respondsTo()) {
                Proto a = byMention.get(ref);
                ExtractedAction x = null;
                if (a == null) {
                    x = unattached.containsKey(ref) ? unattached.get(ref) : lookup.apply(ref);
                    a = x == null || !participates(x) ? null : pointerMatch(x, b, protos);
                } else {
                    x = reports.get(ref);
                }
                if (a != null && a != b) {
                    out.merge(a, x != null && toldTogether(m, x), Boolean::logicalOr);
                }
            }
        }
        return out;
    }

    /**
     * A summons is how a state tells the other side's envoy of its measure ("summoned the ambassador to
     * inform him of the expulsion"): a cue that names both names the measure as the provocation, and
     * the summons only as its delivery.
     */
    static void dropSideSummonses(Set<Proto> cited) {
        if (cited.size() < 2) {
            return;
        }
        Set<String> measuring = new HashSet<>();
        for (Proto a : cited) {
            if (a.measure() && a.type != ActionType.SUMMON_ENVOY && a.type != ActionType.OTHER) {
                measuring.add(a.source);
            }
        }
        cited.removeIf(a -> a.type == ActionType.SUMMON_ENVOY && measuring.contains(a.source));
    }

    /** Whether two reports of one article share a sentence of their evidence. */
    static boolean toldTogether(ExtractedAction m, ExtractedAction x) {
        if (!Objects.equals(m.articleId(), x.articleId())) {
            return false;
        }
        for (Evidence e : m.evidence()) {
            for (Evidence f : x.evidence()) {
                if (Objects.equals(e.sentence(), f.sentence())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What the text says each act answers: its explicit cues, and the provocation it shares with a cued act. */
    private record Answers(Map<Proto, Set<Proto>> cited, Map<Proto, Proto> shared) {
        /** Whether a answers b by the text's word: then b cannot be inferred to answer a. */
        boolean answers(Proto a, Proto b) {
            Set<Proto> c = cited.get(a);
            return (c != null && c.contains(b)) || shared.get(a) == b;
        }
    }

    private void link(Proto b, List<Proto> protos, List<Proto> citing, Answers answers) {
        Map<Proto, Set<Proto>> allCited = answers.cited();
        Set<String> explicit = new TreeSet<>();
        for (Proto a : allCited.get(b)) {
            explicit.add(a.id);
        }
        for (String id : explicit) {
            b.links.add(new Link(id, LinkReason.EXPLICIT_CUE, 0.9));
        }
        int window = settings.linkWindowDays();
        // What b may answer or carry out: within the window before it (see distance) and starting no later
        // than b ends (see precedes), so with a middle at most half a year after that; or undated. The
        // canonical order sorts by middle, undated last: a slice and the tail.
        List<Proto> recent = !windowed || b.opos == null ? protos : near(protos, b.opos.mid() - window, b.opos.l() + 183);
        Proto shared = answers.shared().get(b);
        if (shared != null) {
            b.links.add(new Link(shared.id, LinkReason.INFERRED, 0.75));
        } else if (explicit.isEmpty() && b.threat()) {
            // A threat answers a recent unfriendly act of the other side, a threat included (ultimatum,
            // counter-threat): the closest, most reported, most precisely dated one.
            Proto best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Proto a : recent) {
                boolean placed = precedes(a, b) && distance(a, b) <= window;
                // an undated threat answers what the same article reports of the other side
                boolean sameArticle = (a.pos == null || b.pos == null) && !disjoint(a.articles, b.articles);
                if (a.contentious() && opposite(a, b) && (placed || sameArticle) && !answers.answers(a, b) && !tied(a, b)) {
                    // recency first: a warning answers the latest move (an ultimatum answers the
                    // expulsion before it, the counter-threat answers the ultimatum), coverage second
                    double score = (placed ? -distance(a, b) / 30.0 : 0) + 0.02 * Math.min(a.articles.size(), 3)
                            + 0.1 * (a.pos == null ? 0 : a.pos.rank()) + 0.01 * Math.log10(1 + (a.count == null ? 0 : a.count));
                    if (score > bestScore || (score == bestScore && ORDER.compare(best, a) < 0)) {
                        best = a;
                        bestScore = score;
                    }
                }
            }
            if (best != null) {
                b.links.add(new Link(best.id, LinkReason.INFERRED, 0.7));
            }
        } else if (explicit.isEmpty() && b.measure()) {
            Proto mirror = null;
            if (b.type != ActionType.OTHER) {
                long mirrorDist = Long.MAX_VALUE;
                for (Proto a : recent) {
                    if (a.type == b.type && opposite(a, b) && Objects.equals(a.count, b.count) && precedes(a, b)
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
                Proto best = bestInferred(b, recent, false, answers);
                if (best == null) {
                    best = bestInferred(b, recent, true, answers);
                }
                if (best != null) {
                    long d = distance(best, b);
                    double conf = 0.45 + 0.25 * (1 - (double) d / window) + (best.type == b.type ? 0.1 : 0);
                    b.links.add(new Link(best.id, LinkReason.INFERRED, Math.round(conf * 1000) / 1000.0));
                } else {
                    Proto grievance = citedGrievance(b, citing, allCited);
                    if (grievance != null) {
                        b.links.add(new Link(grievance.id, LinkReason.INFERRED, 0.5));
                    }
                }
            }
        }
        if (b.hostile() && b.pos != null) {
            // Carrying out one's own threat: the latest threat by the same side, with a compatible count.
            Proto threat = null;
            for (Proto t : recent) {
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
    private Proto sharedProvocation(Proto b, List<Proto> protos, Map<Proto, Set<Proto>> allCited) {
        Proto best = null;
        for (Proto c : protos) {
            Set<Proto> cs = allCited.get(c);
            if (c == b || cs == null || cs.isEmpty() || !c.source.equals(b.source) || !c.target.equals(b.target)
                    || c.pos == null || b.pos == null || intervalGap(c.pos, b.pos) > settings.mirrorWindowDays()
                    || disjoint(c.articles, b.articles)) {
                continue;
            }
            for (Proto p : cs) {
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
    private Proto citedGrievance(Proto b, List<Proto> protos, Map<Proto, Set<Proto>> allCited) {
        Proto best = null;
        for (Proto c : protos) {
            Set<Proto> cs = allCited.get(c);
            if (c == b || cs == null || !c.source.equals(b.source) || !c.target.equals(b.target) || precedes(b, c)) {
                continue;
            }
            for (Proto g : cs) {
                if (g.type == ActionType.OTHER && opposite(g, b) && !precedes(b, g) && (best == null || ORDER.compare(best, g) < 0)) {
                    best = g;
                }
            }
        }
        return best;
    }

    private Proto bestInferred(Proto b, List<Proto> protos, boolean threats, Answers answers) {
        Proto best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Proto a : protos) {
            if (!(threats ? a.threat() : a.measure()) || !opposite(a, b) || !precedes(a, b) || answers.answers(a, b) || tied(a, b)) {
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

    /** The protos (in {@link #ORDER}) whose ordering middle is within {@code lo..hi}, then the undated ones. */
    private static List<Proto> near(List<Proto> protos, long lo, long hi) {
        int from = indexFrom(protos, lo);
        int to = indexFrom(protos, hi + 1);
        int undated = indexFrom(protos, Long.MAX_VALUE);
        if (to == undated) {
            return protos.subList(from, protos.size());
        }
        List<Proto> out = new ArrayList<>(protos.subList(from, to));
        out.addAll(protos.subList(undated, protos.size()));
        return out;
    }

    /** The index of the first proto (in {@link #ORDER}) whose ordering middle is at least {@code mid}, or undated. */
    private static int indexFrom(List<Proto> protos, long mid) {
        int lo = 0;
        int hi = protos.size();
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            Pos p = protos.get(m).opos;
            if (p != null && p.mid() < mid) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }

    /** {@code Collections.disjoint} of two sorted lists without duplicates (as {@link Proto#articles}), in one walk. */
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

    private static boolean opposite(Proto a, Proto b) {
        return a.source.equals(b.target) && a.target.equals(b.source);
    }

    /**
     * The action an explicit cue points at when the cited mention is not itself part of an action
     * here (an undated recall, or a mention of another episode): the best action of this episode that
     * the cited mention could describe, preferring those before the answering action.
     */
    private Proto pointerMatch(ExtractedAction x, Proto b, List<Proto> protos) {
        ActionType t = effectiveType(x);
        Proto best = null;
        int bestKey = Integer.MIN_VALUE;
        for (Proto a : protos) {
            if (a == b || !a.source.equals(x.source()) || !a.target.equals(x.target()) || a.type != t) {
                continue;
            }
            if (!countsCompatible(t, a.count, x.count()) || !x.date().compatibleWith(a.date, settings.mergeSlackDays())) {
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
            for (Proto a : protos) {
                if (a != b && a.source.equals(x.source()) && a.target.equals(x.target()) && a.type == t
                        && precedes(a, b) && distance(a, b) <= settings.linkWindowDays()
                        && (best == null || precedes(best, a))) {
                    best = a;
                }
            }
        }
        return best;
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
    private static List<Proto> topological(List<Proto> comp, Map<String, Proto> byId) {
        Set<Proto> in = new HashSet<>(comp);
        Map<Proto, Integer> indegree = new HashMap<>();
        Map<Proto, List<Proto>> answeredBy = new HashMap<>();
        for (Proto p : comp) {
            indegree.putIfAbsent(p, 0);
            for (Link l : p.links) {
                Proto a = byId.get(l.actionId());
                if (a != null && in.contains(a)) {
                    indegree.merge(p, 1, Integer::sum);
                    answeredBy.computeIfAbsent(a, k -> new ArrayList<>()).add(p);
                }
            }
        }
        PriorityQueue<Proto> ready = new PriorityQueue<>(ORDER);
        TreeSet<Proto> remaining = new TreeSet<>(ORDER);
        remaining.addAll(comp);
        for (Proto p : comp) {
            if (indegree.get(p) == 0) {
                ready.add(p);
            }
        }
        List<Proto> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Proto next = ready.isEmpty() ? remaining.first() : ready.poll(); // a cycle: take the earliest
            if (!remaining.remove(next)) {
                continue;
            }
            out.add(next);
            for (Proto q : answeredBy.getOrDefault(next, List.of())) {
                if (remaining.contains(q) && indegree.merge(q, -1, Integer::sum) == 0) {
                    ready.add(q);
                }
            }
        }
        return out;
    }

    static String dyadOf(ExtractedAction m) {
        return Dyad.of(m.source(), m.target());
    }
}
