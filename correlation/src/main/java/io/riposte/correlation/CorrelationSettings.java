package io.riposte.correlation;

/**
 * The tuning of the correlation core (merge slack, link, mirror and dormancy windows, confidence
 * factor), read by every {@link Correlator}. Every window is in days and measured on action dates (content),
 * never on wall-clock or arrival time, so results do not depend on the order articles arrive in.
 *
 * @param mergeSlackDays two day-precise reports of the same action may disagree by this many days
 *     (announcement versus decision, time zones); the evaluation tolerates 3. Default 3.
 * @param threatMergeSlackDays the same for threats, which merge whatever their counts: a side often
 *     warns on consecutive days (an ultimatum, then "they will pay the price"), and those are distinct
 *     threats. Default 0.
 * @param linkWindowDays an action may answer an action of the other side at most this long before
 *     it; also the gap that separates independent episodes of a dyad (nothing links or merges across
 *     a longer quiet gap, which is what bounds recomputation). Default 90.
 * @param mirrorWindowDays a same-type, same-count answer this soon is a MIRROR rather than a mere
 *     INFERRED reciprocity. Default 45.
 * @param dormancyDays a chain with no step for this long, measured against the dyad's latest known
 *     action date, is DORMANT. Default 180.
 * @param backgroundConfidenceFactor confidence multiplier of an action only recalled as background.
 *     Default 0.6.
 * @param linkCarriedOutThreats whether a hostile measure taken after its author's own threat also lists
 *     the threat in {@code respondsTo} (reason INFERRED). Either way it joins the threat's chain and
 *     raises THREAT_CARRIED_OUT. Default false: annotators list the original provocation as what a
 *     measure answers, not the threat that announced it.
 */
public record CorrelationSettings(
        int mergeSlackDays,
        int threatMergeSlackDays,
        int linkWindowDays,
        int mirrorWindowDays,
        int dormancyDays,
        double backgroundConfidenceFactor,
        boolean linkCarriedOutThreats) {

    public CorrelationSettings {
        if (mergeSlackDays < 0 || mergeSlackDays > 31) {
            throw new IllegalArgumentException("mergeSlackDays must be within 0..31, got " + mergeSlackDays);
        }
        if (threatMergeSlackDays < 0 || threatMergeSlackDays > mergeSlackDays) {
            throw new IllegalArgumentException("threatMergeSlackDays must be within 0..mergeSlackDays, got " + threatMergeSlackDays);
        }
        if (linkWindowDays < 1 || linkWindowDays > 3650) {
            throw new IllegalArgumentException("linkWindowDays must be within 1..3650, got " + linkWindowDays);
        }
        if (mirrorWindowDays < 0 || mirrorWindowDays > linkWindowDays) {
            throw new IllegalArgumentException("mirrorWindowDays must be within 0..linkWindowDays, got " + mirrorWindowDays);
        }
        if (dormancyDays < 1) {
            throw new IllegalArgumentException("dormancyDays must be positive, got " + dormancyDays);
        }
        if (!(backgroundConfidenceFactor > 0 && backgroundConfidenceFactor <= 1)) {
            throw new IllegalArgumentException("backgroundConfidenceFactor must be within (0, 1], got " + backgroundConfidenceFactor);
        }
    }

    public static CorrelationSettings defaults() {
        return new CorrelationSettings(3, 0, 90, 45, 180, 0.6, false);
    }

    /**
     * Width of the quiet gap that separates two episodes: mentions whose dates (widened by this
     * much to the right) do not overlap can never merge or link, so they are computed apart.
     */
    int episodeGapDays() {
        return Math.max(linkWindowDays, mergeSlackDays);
    }
}
