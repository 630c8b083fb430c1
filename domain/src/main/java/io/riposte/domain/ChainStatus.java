package io.riposte.domain;

/** Whether a chain still moves. */
public enum ChainStatus {
    ACTIVE,
    /** No step for the configured quiet period, measured against the dyad's latest known action. */
    DORMANT
}
