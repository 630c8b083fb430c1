package io.riposte.correlation;

import io.riposte.domain.Action;
import io.riposte.domain.Alert;
import io.riposte.domain.Chain;
import java.util.List;

/**
 * The result of one {@link Correlator#add}: what that insert changed. Actions and chains to upsert in
 * full, ids to tombstone, and new alerts.
 * Only what differs from what was emitted before is in it.
 */
public record CorrelationUpdate(
        List<Action> actions,
        List<String> deletedActions,
        List<Chain> chains,
        List<String> deletedChains,
        List<Alert> alerts) {

    public CorrelationUpdate {
        actions = List.copyOf(actions);
        deletedActions = List.copyOf(deletedActions);
        chains = List.copyOf(chains);
        deletedChains = List.copyOf(deletedChains);
        alerts = List.copyOf(alerts);
    }

    public boolean isEmpty() {
        return actions.isEmpty() && deletedActions.isEmpty() && chains.isEmpty() && deletedChains.isEmpty() && alerts.isEmpty();
    }
}
