package io.riposte.evaluation;

import io.riposte.domain.FuzzyDate;
import java.util.List;
import java.util.Objects;

/** One line of a predictions file in the "Predicted actions" format of ../shared/EVALUATION.md. */
public record PredictedAction(
        String id, FuzzyDate date, String source, String target, String type, Integer count,
        List<String> respondsTo, String chainId, List<String> articles, Double confidence) {

    public PredictedAction {
        Objects.requireNonNull(id, "id");
        date = date == null ? FuzzyDate.UNKNOWN : date;
        respondsTo = respondsTo == null ? List.of() : List.copyOf(respondsTo);
        articles = articles == null ? List.of() : List.copyOf(articles);
    }
}
