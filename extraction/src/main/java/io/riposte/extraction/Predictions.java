package io.riposte.extraction;

import io.riposte.domain.Article;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.scoring.PredictedAction;
import java.util.ArrayList;
import java.util.List;

/** Converts extracted actions to the "Predicted actions" form that evaluation reads. */
public final class Predictions {
    private Predictions() {}

    public static PredictedAction of(ExtractedAction a) {
        return new PredictedAction(a.id(), a.date(), a.source(), a.target(), a.type().name(), a.count(), a.respondsTo(), null,
                List.of(a.origin() == null ? a.articleId() : a.origin()), a.confidence());
    }

    /** Extracts every article, one prediction per action per article, in article order. */
    public static List<PredictedAction> extractAll(Extractor extractor, List<Article> articles) {
        List<PredictedAction> out = new ArrayList<>();
        for (Article article : articles) {
            for (ExtractedAction a : extractor.extract(article).actions()) {
                out.add(of(a));
            }
        }
        return out;
    }
}
