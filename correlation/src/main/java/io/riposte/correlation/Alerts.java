package io.riposte.correlation;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Alert;
import io.riposte.domain.AlertType;
import io.riposte.domain.Chain;
import io.riposte.domain.ChainStep;
import io.riposte.domain.Link;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alerts for what one insert changed. Each alert is remembered by marking every mention of the
 * actions it concerns (in the mention's index entry), so a second article about the same action (which may change the action's
 * id, e.g. by refining its date) does not announce the same change again. Alert ids hash the type
 * and the action (or chain) ids: a replay of the same history yields the same ids.
 */
final class Alerts {

    private final SortedStore<String> book;
    private final Map<String, Action> actions;
    private final Map<String, List<String>> mentionIds;
    private final Map<String, String> carriedOut;
    private final List<Chain> regionChains;
    /**
     * Action id -> its one report new in this insert, for actions whose other reports are known to carry
     * the markers of {@link #knownMarked}'s types (see {@link EpisodeSummary}): only that report is read.
     */
    private final Map<String, String> joined;
    private final java.util.function.Function<String, Set<AlertType>> knownMarked;
    /** (action id, alert type) of every emit: all the action's reports carry that marker afterwards. */
    private final List<Map.Entry<String, AlertType>> markedAll = new ArrayList<>();
    /**
     * Index entries of the mentions this insert's alerts looked at (their markers: {@link Keys#mentionEntry}),
     * read once however many alerts concern a mention; those it marked are written once, at the end.
     */
    private final Map<String, String> entries = new java.util.HashMap<>();
    private final Set<String> changedEntries = new java.util.LinkedHashSet<>();

    Alerts(SortedStore<String> book, Map<String, Action> regionActions, Map<String, List<String>> mentionIds,
            Map<String, String> carriedOut, List<Chain> regionChains) {
        this(book, regionActions, mentionIds, carriedOut, regionChains, Map.of(), id -> Set.of());
    }

    Alerts(SortedStore<String> book, Map<String, Action> regionActions, Map<String, List<String>> mentionIds,
            Map<String, String> carriedOut, List<Chain> regionChains, Map<String, String> joined,
            java.util.function.Function<String, Set<AlertType>> knownMarked) {
        this.joined = joined;
        this.knownMarked = knownMarked;
        this.carriedOut = carriedOut;
        this.book = book;
        this.actions = regionActions;
        this.mentionIds = mentionIds;
        this.regionChains = regionChains;
    }

    List<Alert> forChanges(List<Action> upserted, List<Chain> upsertedChains) {
        List<Alert> out = new ArrayList<>();
        for (Chain c : upsertedChains) {
            if (!regionChains.contains(c)) {
                continue; // only its status changed
            }
            List<String> mentions = new ArrayList<>();
            for (ChainStep s : c.steps()) {
                mentions.addAll(mentionIds.getOrDefault(s.actionId(), List.of()));
                markedAll.add(Map.entry(s.actionId(), AlertType.NEW_CHAIN));
            }
            Action first = actions.get(c.steps().get(0).actionId());
            emit(out, AlertType.NEW_CHAIN, mentions, c.id(), first, c.id(), null,
                    () -> "New retaliation chain " + c.dyad() + " (" + c.steps().size() + " steps) starting with " + describe(first));
        }
        for (Action a : upserted) {
            List<String> mentions = mentionIds.getOrDefault(a.id(), List.of());
            if (a.type() == ActionType.THREATEN_RETALIATION) {
                Action over = answered(a).stream().findFirst().orElse(null);
                emit(out, AlertType.THREAT, mentions, a.id(), a, a.chainId(), over,
                        () -> describe(a) + (over == null ? "" : " over " + describe(over)));
                continue;
            }
            if (a.type().isDeEscalation()) {
                Chain c = chainBefore(a);
                if (c != null) {
                    emit(out, AlertType.DE_ESCALATION, mentions, a.id(), a, c.id(), null, () -> describe(a) + " amid chain " + c.id());
                }
                continue;
            }
            List<Action> answered = answered(a);
            Action threat = carriedOut.containsKey(a.id()) ? actions.get(carriedOut.get(a.id())) : null;
            if (threat != null) {
                emit(out, AlertType.THREAT_CARRIED_OUT, mentions, a.id() + "|" + threat.id(), a, a.chainId(), threat,
                        () -> describe(a) + ", carrying out " + describe(threat));
            }
            List<Action> provocations = answered.stream().filter(p -> p.type() != ActionType.THREATEN_RETALIATION).toList();
            if (a.chainId() == null || provocations.isEmpty()) {
                continue;
            }
            Action p0 = provocations.get(0);
            emit(out, AlertType.RETALIATION, mentions, a.id(), a, a.chainId(), p0, () -> describe(a) + " in response to " + describe(p0));
            for (Action p : provocations) {
                boolean harsher = a.type().severity() < p.type().severity();
                boolean larger = a.type() == p.type() && a.count() != null && p.count() != null && a.count() > p.count();
                if (harsher || larger) {
                    emit(out, AlertType.ESCALATION, mentions, a.id() + "|" + p.id(), a, a.chainId(), p,
                            () -> describe(a) + (harsher ? " is harsher than " : " is larger than ") + describe(p));
                    break;
                }
            }
        }
        for (String m : changedEntries) {
            book.put(Keys.mentionIndex(m), entries.get(m));
        }
        changedEntries.clear();
        return out;
    }

    /** After {@link #forChanges}: (action id, alert type) pairs whose markers every report of the action now carries. */
    List<Map.Entry<String, AlertType>> markedAll() {
        return markedAll;
    }

    private List<Action> answered(Action a) {
        List<Action> out = new ArrayList<>();
        for (Link l : a.respondsTo()) {
            Action p = actions.get(l.actionId());
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** The latest chain of the episode that started no later than this action. */
    private Chain chainBefore(Action a) {
        TimelinePosition ap = ActionDates.positionOf(a.date());
        Chain best = null;
        long bestStart = Long.MIN_VALUE;
        for (Chain c : regionChains) {
            TimelinePosition cp = ActionDates.positionOf(c.firstDate());
            long start = cp == null ? Long.MIN_VALUE + 1 : cp.firstDay();
            boolean before = ap == null || cp == null || cp.firstDay() <= ap.lastDay();
            if (before && (best == null || start > bestStart || (start == bestStart && c.id().compareTo(best.id()) < 0))) {
                best = c;
                bestStart = start;
            }
        }
        return best;
    }

    private void emit(List<Alert> out, AlertType type, List<String> mentions, String subject, Action action, String chainId,
            Action provocation, java.util.function.Supplier<String> summary) {
        // one read per mention: seen when a mention was marked before this call, else marked now
        boolean seen = false;
        String id = "alert-" + Keys.hash(type + "|" + subject, 16);
        Set<String> markedNow = new HashSet<>();
        if (type != AlertType.NEW_CHAIN) {
            markedAll.add(Map.entry(action.id(), type));
            String added = joined.get(action.id());
            if (added != null && mentions.size() > 1 && knownMarked.apply(action.id()).contains(type)) {
                // every other report is marked already: seen, and only the new one may need its marker
                seen = true;
                mentions = List.of(added);
            }
        }
        for (String m : mentions) {
            String entry = entries.computeIfAbsent(m, this::readEntry);
            if (Keys.marked(entry, type.name())) {
                seen |= !markedNow.contains(m);
            } else {
                entries.put(m, Keys.withMarker(entry, type.name()));
                changedEntries.add(m);
                markedNow.add(m);
            }
        }
        if (seen || book.get(Keys.alert(id)) != null) {
            return;
        }
        String text = summary.get(); // built only for an alert that is emitted
        book.put(Keys.alert(id), text);
        out.add(new Alert(id, type, action.dyad(), chainId, action.id(), action.type().severity(), action.date(), text,
                action.source(), action.target(), action.type(), action.count(), stepOf(chainId, action.id()),
                provocation == null ? null : provocation.id(), action.articles()));
    }

    private String readEntry(String mentionId) {
        String entry = book.get(Keys.mentionIndex(mentionId));
        if (entry == null) {
            // every stored mention has its entry (Correlator.add writes it with the mention)
            throw new IllegalStateException("no index entry for mention " + mentionId + " of an action to alert on");
        }
        return entry;
    }

    private Integer stepOf(String chainId, String actionId) {
        if (chainId == null) {
            return null;
        }
        for (Chain c : regionChains) {
            if (c.id().equals(chainId)) {
                for (int i = 0; i < c.steps().size(); i++) {
                    if (c.steps().get(i).actionId().equals(actionId)) {
                        return i + 1;
                    }
                }
            }
        }
        return null;
    }

    static String describe(Action a) {
        if (a == null) {
            return "?";
        }
        String verb = switch (a.type()) {
            case EXPEL_DIPLOMATS -> "expels diplomats of";
            case CLOSE_MISSION -> "closes diplomatic missions of";
            case SANCTION -> "sanctions";
            case TRADE_MEASURE -> "imposes trade measures on";
            case RESTRICT_VISAS -> "restricts visas for";
            case RESTRICT_STAFF -> "restricts the mission staff of";
            case SUMMON_ENVOY -> "summons the envoy of";
            case RECALL_ENVOY -> "recalls its envoy from";
            case DETAIN -> "detains nationals of";
            case THREATEN_RETALIATION -> "threatens to retaliate against";
            case NEGOTIATE -> "holds talks with";
            case AGREE -> "reaches an agreement with";
            case OTHER -> "acts against";
        };
        String date = a.date().iso();
        return a.source() + " " + verb + " " + a.target() + (a.count() == null ? "" : " (" + a.count() + ")")
                + " [" + (date == null ? "date unknown" : date) + "]";
    }
}
