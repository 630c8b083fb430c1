package io.riposte.domain;

/** What changed in a dyad that people should hear about. */
public enum AlertType {
    NEW_CHAIN,
    /** A new step answers an earlier one. */
    RETALIATION,
    /** The new step is more severe or larger than what it answers. */
    ESCALATION,
    THREAT,
    THREAT_CARRIED_OUT,
    /** Talks, agreements, returned ambassadors. */
    DE_ESCALATION,
    /** What a reader gets for a type added after it was built (the Avro enum's default); never emitted. */
    OTHER
}
