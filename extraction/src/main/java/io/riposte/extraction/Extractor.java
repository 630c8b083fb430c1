package io.riposte.extraction;

import io.riposte.domain.Article;

/**
 * Turns one article into the actions it reports. Implementations are thread-safe and never throw
 * on bad input: they return {@link ExtractionResult#rejected(String)} with a reason instead.
 */
public interface Extractor {

    ExtractionResult extract(Article article);
}
