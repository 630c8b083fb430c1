package io.riposte.domain;

/** Whether a reported action happened, and how the report places it. */
public enum Modality {
    /** It happened, reported as news. */
    ASSERTED,
    /** Warned, threatened, ultimatum: it may happen if the other side does something. */
    THREATENED,
    /** Announced or scheduled: it will happen. */
    PLANNED,
    /** Denied or said not to have happened. */
    NEGATED,
    /** Conditional or speculative ("could", "would", "if"). */
    HYPOTHETICAL,
    /** A past action recalled as context for the news. */
    BACKGROUND;

    /** Whether an action of this modality is a real event that belongs on a timeline. */
    public boolean isFactual() {
        return this == ASSERTED || this == PLANNED || this == BACKGROUND;
    }
}
