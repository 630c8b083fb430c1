package io.riposte.extraction.internal;

import io.riposte.domain.ActionType;
import io.riposte.extraction.internal.Lexicon.TriggerDef;

/**
 * A measure frame's trigger: tokens [from, to), the anchor whose clause and subject decide the actors (the
 * governing verb when the trigger is its object), the lexicon entry, the resolved type and whether the
 * anchor is in the passive voice.
 */
record Trig(int from, int to, int anchor, TriggerDef def, ActionType type, boolean passive) {}
