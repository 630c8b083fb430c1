package io.riposte.extraction;

import io.riposte.domain.ExtractedAction;
import java.util.List;

/**
 * What extraction made of one article.
 *
 * @param reason why nothing was extracted (for NOTHING_FOUND and REJECTED), else null
 */
public record ExtractionResult(List<ExtractedAction> actions, Status status, String reason) {

    public enum Status {
        /** At least one action. */
        EXTRACTED,
        /** A readable article that reports no action (no trigger, one actor, not English, ...). */
        NOTHING_FOUND,
        /** Input that is not an article at all (empty, binary, oversize, garbled): dead-letter it. */
        REJECTED
    }

    public ExtractionResult {
        actions = List.copyOf(actions);
    }

    public static ExtractionResult of(List<ExtractedAction> actions, String reasonIfEmpty) {
        return actions.isEmpty()
                ? new ExtractionResult(actions, Status.NOTHING_FOUND, reasonIfEmpty)
                : new ExtractionResult(actions, Status.EXTRACTED, null);
    }

    public static ExtractionResult rejected(String reason) {
        return new ExtractionResult(List.of(), Status.REJECTED, reason);
    }
}
