package io.riposte.domain;

/** An edge from an action to an earlier action of the other side that it answers. */
public record Link(String actionId, LinkReason reason, double confidence) {}
