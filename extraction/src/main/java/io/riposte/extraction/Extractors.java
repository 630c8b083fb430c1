package io.riposte.extraction;

import io.riposte.extraction.internal.Lexicon;

/** Factories for {@link Extractor}s. The dictionaries are loaded once per factory call; share the result. */
public final class Extractors {
    /** Articles longer than this are rejected as oversize (characters). */
    public static final int DEFAULT_MAX_CHARS = 1_000_000;

    private Extractors() {}

    /**
     * The standard extractor: factual actions (asserted, planned, background) and threats; negated
     * and hypothetical mentions are dropped.
     */
    public static Extractor standard() {
        return new RuleExtractor(Lexicon.load(), DEFAULT_MAX_CHARS, false);
    }

    /** Like {@link #standard()}, but also returns NEGATED and HYPOTHETICAL actions (marked by their modality). */
    public static Extractor withAllModalities() {
        return new RuleExtractor(Lexicon.load(), DEFAULT_MAX_CHARS, true);
    }

    /** A standard extractor with another size limit. */
    public static Extractor standard(int maxChars) {
        return new RuleExtractor(Lexicon.load(), maxChars, false);
    }
}
