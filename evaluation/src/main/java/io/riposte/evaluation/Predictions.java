package io.riposte.evaluation;

import io.riposte.domain.Action;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Link;
import java.util.List;

/** Extracted and correlated actions in the "Predicted actions" form that evaluation reads. */
public final class Predictions {
    private Predictions() {}

    /** One article's report of an action: no links or chain yet, the article as its only origin. */
    public static PredictedAction of(ExtractedAction a) {
        return new PredictedAction(a.id(), a.date(), a.source(), a.target(), a.type().name(), a.count(), a.respondsTo(), null,
                List.of(a.origin() == null ? a.articleId() : a.origin()), a.confidence());
    }

    /** A correlated action, with its links and chain. */
    public static PredictedAction of(Action a) {
        return new PredictedAction(a.id(), a.date(), a.source(), a.target(), a.type().name(), a.count(),
                a.respondsTo().stream().map(Link::actionId).toList(), a.chainId(), a.articles(), a.confidence());
    }
}
