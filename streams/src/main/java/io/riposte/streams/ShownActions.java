package io.riposte.streams;

import io.riposte.correlation.CrossDyadLinks;
import io.riposte.domain.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the {@code actions} topic shows of an action: the correlator's action (in {@value RiposteTopology#STORE_ACTIONS})
 * with the cross-dyad links received for its dyad's mentions (the {@code got|} entries of
 * {@value RiposteTopology#STORE_CROSS_DYAD_LINKS}). Interactive queries compose it from those two stores of the owning
 * task, as the processors do, so no copy of every emitted action has to be kept (and changelogged) for them.
 */
public final class ShownActions {
    static final String GOT = "got|";

    private ShownActions() {}

    /** Start of the received resolutions of a dyad's mentions in {@value RiposteTopology#STORE_CROSS_DYAD_LINKS}. */
    public static String receivedFrom(String answeringDyad) {
        return GOT + answeringDyad + "|";
    }

    /** End (exclusive, and beyond every real key) of {@link #receivedFrom}. */
    public static String receivedEnd(String answeringDyad) {
        return GOT + answeringDyad + "}";
    }

    /**
     * The action as the topic shows it, given the received resolutions (their stored lines) of its dyad. A resolution
     * names the report it resolves, which may be one the action does not carry ({@link Action#SHOWN_EVIDENCE}): then
     * {@code allReports} gives the action with every report, and the result carries the first ones again.
     */
    public static Action shown(Action action, List<String> received, UnaryOperator<Action> allReports) {
        if (received.isEmpty()) {
            return action;
        }
        List<CrossDyadLinks.Resolved> links = new ArrayList<>(received.size());
        received.forEach(r -> links.add(CrossDyadState.decode(r)));
        return CrossDyadLinks.apply(action, links, allReports);
    }
}
