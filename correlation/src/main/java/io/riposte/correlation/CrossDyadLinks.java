package io.riposte.correlation;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.CrossDyadCue;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Cross-dyad answers (correlation/README.md, Links, rule 6): a mention whose text says it answers an act of
 * another dyad ({@link ExtractedAction#crossDyad()}: "C expelled A's diplomats in solidarity with B") links to
 * the latest such act of A against B before it, within the link window. Two halves, one per dyad, so that the
 * topology can run each on the task that owns the dyad:
 *
 * <ul>
 *   <li>{@link #resolve}: on the answered dyad's actions, which act the cue names (a function of that dyad's
 *       actions and of the mention alone);
 *   <li>{@link #apply}: on the answering dyad's action, the links of its mentions' resolved cues added to its
 *       {@code respondsTo}.
 * </ul>
 *
 * Neither half changes an action's id, date or chain (chains stay per dyad), so the overlay never feeds back
 * into either dyad's correlation and the result is independent of the order in which the mentions arrive.
 */
public final class CrossDyadLinks {

    /** A cue that names the kind of the answered act: as sure as an in-dyad cue resolved by its kind. */
    static final double KIND_CONFIDENCE = 0.8;
    /** A cue that names only the other dyad: the latest hostile measure of A against B is the likeliest. */
    static final double SIDE_CONFIDENCE = 0.7;

    private CrossDyadLinks() {}

    /**
     * The link of one answering mention to the other dyad's act, resolved as the answer's part of that dyad says it.
     *
     * @param mentionId the answering mention
     * @param articleId its article, with {@code start} (the first sentence of its evidence) and {@code type} (the
     *     type of the action it joins: a threatened measure joins a threat): by these the answering dyad finds the
     *     action the mention reports (the mention's id is not in the action)
     * @param link the act it answers, or null when the answered dyad holds none (yet)
     */
    public record Resolved(String mentionId, String articleId, int start, ActionType type, Link link) {
        public Resolved {
            Objects.requireNonNull(mentionId, "mentionId");
            Objects.requireNonNull(articleId, "articleId");
            Objects.requireNonNull(type, "type");
        }

        /** The resolution of a mention of no act found (yet). */
        public static Resolved none(ExtractedAction answer) {
            return of(answer, null);
        }

        static Resolved of(ExtractedAction answer, Link link) {
            Evidence first = answer.evidence().isEmpty() ? null : answer.evidence().get(0);
            return new Resolved(answer.id(), answer.articleId(), first == null ? -1 : first.start(),
                    MentionMerger.effectiveType(answer), link);
        }
    }

    /**
     * Resolves an answering mention's cross-dyad cue on the answered dyad's actions ({@code actions} holds at least
     * that dyad's, keyed as correlation stores them). The act: of the cue's source against its target, of the kind
     * the cue names (else a hostile measure other than a summons, else an OTHER act: the grievance), dated not
     * surely after a day-precise answer (surely before an answer of a month or a year) and at most
     * {@code linkWindowDays} before it; one surely before the answer wins over
     * one whose dates overlap it, then the latest, then the smaller id. An answer whose year is unknown resolves
     * nothing: there is no "before" to read.
     *
     * @return the resolution; its link is null when no act fits
     */
    public static Resolved resolve(ExtractedAction answer, SortedStore<Action> actions, CorrelationSettings settings) {
        CrossDyadCue cue = Objects.requireNonNull(answer.crossDyad(), "the mention has no cross-dyad cue");
        FuzzyDate date = answer.date();
        if (!date.hasYear()) {
            return Resolved.none(answer);
        }
        LocalDate first = date.earliest();
        LocalDate last = date.latest();
        // A month or a year is no "before": only acts surely before it qualify. (A report of the same action
        // with a day says more; it resolves on its own.)
        boolean dayPrecise = date.precision() == io.riposte.domain.DatePrecision.DAY;
        // keys are by an action's first day: a year-precise act may start 365 days before its end
        long from = first.toEpochDay() - settings.linkWindowDays() - 366;
        String dyad = cue.dyad();
        List<Action> candidates = new ArrayList<>();
        for (Map.Entry<String, Action> e : actions.range(Keys.datedFrom(dyad, from), Keys.datedThrough(dyad, last.toEpochDay()))) {
            Action a = e.getValue();
            if (a.source().equals(cue.source()) && a.target().equals(cue.target()) && a.date().hasYear()
                    && (dayPrecise ? !a.date().earliest().isAfter(last) : a.date().latest().isBefore(first))
                    && a.date().latest().toEpochDay() >= first.toEpochDay() - settings.linkWindowDays()) {
                candidates.add(a);
            }
        }
        Action best = cue.kind() != null
                ? latest(candidates, a -> a.type() == cue.kind(), first)
                : latest(candidates, a -> a.type().isHostileMeasure() && a.type() != ActionType.SUMMON_ENVOY, first);
        if (best == null && cue.kind() == null) {
            best = latest(candidates, a -> a.type() == ActionType.OTHER, first);
        }
        return best == null ? Resolved.none(answer)
                : Resolved.of(answer, new Link(best.id(), LinkReason.EXPLICIT_CUE,
                        cue.kind() != null ? KIND_CONFIDENCE : SIDE_CONFIDENCE));
    }

    private static Action latest(List<Action> candidates, java.util.function.Predicate<Action> kind, LocalDate answerStart) {
        Comparator<Action> order = Comparator
                .comparing((Action a) -> a.date().latest().isBefore(answerStart))
                .thenComparing(a -> a.date().earliest())
                .thenComparing(a -> a.date().latest())
                .thenComparing(Comparator.comparing(Action::id).reversed());
        return candidates.stream().filter(kind).max(order).orElse(null);
    }

    /**
     * The action with the links of the resolved cues of its mentions added (those it does not list already), in
     * the order of their action ids; the action itself when none of them is one of its mentions.
     */
    public static Action apply(Action action, Collection<Resolved> resolved) {
        return apply(action, resolved, a -> a);
    }

    /**
     * The same for an action that may carry only its first reports ({@link Action#SHOWN_EVIDENCE}): a resolution
     * names the report it resolves, so {@code allReports} gives the action with every report to find it in, and the
     * result carries the first ones again.
     */
    public static Action apply(Action action, Collection<Resolved> resolved, UnaryOperator<Action> allReports) {
        if (!action.evidenceTruncated()) {
            return link(action, resolved);
        }
        if (resolved.stream().noneMatch(r -> r.link() != null && r.type() == action.type())) {
            return action;
        }
        Action linked = link(allReports.apply(action), resolved);
        return linked.respondsTo().equals(action.respondsTo()) ? action : linked.bounded();
    }

    private static Action link(Action action, Collection<Resolved> resolved) {
        Map<String, Link> added = new LinkedHashMap<>();
        resolved.stream()
                .filter(r -> r.link() != null && reports(action, r))
                .sorted(Comparator.comparing((Resolved r) -> r.link().actionId()).thenComparing(r -> -r.link().confidence()))
                .forEach(r -> added.putIfAbsent(r.link().actionId(), r.link()));
        action.respondsTo().forEach(l -> added.remove(l.actionId()));
        if (added.isEmpty()) {
            return action;
        }
        List<Link> links = new ArrayList<>(action.respondsTo());
        links.addAll(added.values());
        return new Action(action.id(), action.dyad(), action.source(), action.target(), action.type(), action.date(),
                action.count(), action.modality(), action.confidence(), action.articles(), action.evidence(), links,
                action.chainId(), action.evidenceTotal());
    }

    /**
     * Whether the action holds the resolved mention's report: its type, article and first sentence (another act of
     * the same sentence told without the cue is another type, or the same act).
     */
    private static boolean reports(Action action, Resolved r) {
        if (action.type() != r.type()) {
            return false;
        }
        for (Evidence e : action.evidence()) {
            if (e.articleId().equals(r.articleId()) && e.start() == r.start()) {
                return true;
            }
        }
        return false;
    }
}
