package io.riposte.domain;

/** Why correlation says one action answers another. */
public enum LinkReason {
    /** The text says so ("in retaliation for", "in response to"). */
    EXPLICIT_CUE,
    /** Same type and count in the opposite direction ("mirror response"). */
    MIRROR,
    /** The target struck back at the source within the window with a similar or harsher measure. */
    INFERRED
}
