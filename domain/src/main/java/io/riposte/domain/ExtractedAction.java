package io.riposte.domain;

import java.util.List;
import java.util.Objects;

/**
 * An action as one article reports it: the output of extraction and the input of correlation.
 * Every mention of the same action in one article is folded into one instance with several
 * evidence entries.
 *
 * @param id deterministic, derived from the article id and the action's content, never from arrival
 * @param source ISO 3166-1 alpha-3 of the acting state
 * @param target ISO 3166-1 alpha-3 of the affected state
 * @param count the stated number of diplomats, people or entities, or null
 * @param respondsTo ids of actions extracted from the same article that this one answers, by an
 *     explicit cue in the text ("in retaliation for", "mirror response", ...)
 * @param cue the response cue phrase as written, or null
 * @param crossDyad the act of another dyad that the text says this one answers ("in solidarity with"), or null
 */
public record ExtractedAction(
        String id,
        String articleId,
        String origin,
        String source,
        String target,
        ActionType type,
        FuzzyDate date,
        Integer count,
        Modality modality,
        double confidence,
        List<Evidence> evidence,
        List<String> respondsTo,
        String cue,
        CrossDyadCue crossDyad) {

    /** A mention that answers nothing in another dyad. */
    public ExtractedAction(String id, String articleId, String origin, String source, String target, ActionType type,
            FuzzyDate date, Integer count, Modality modality, double confidence, List<Evidence> evidence,
            List<String> respondsTo, String cue) {
        this(id, articleId, origin, source, target, type, date, count, modality, confidence, evidence, respondsTo, cue,
                null);
    }

    public ExtractedAction {
        if (crossDyad != null && (crossDyad.source().equals(source) || crossDyad.dyad().equals(Dyad.of(source, target)))) {
            throw new IllegalArgumentException("a cross-dyad cue names another dyad's act, not one of "
                    + source + " or of its own dyad: " + crossDyad);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(modality, "modality");
        evidence = List.copyOf(evidence);
        respondsTo = List.copyOf(respondsTo);
    }

    /** The unordered pair of states, as the partition key of correlation. */
    public String dyad() {
        return Dyad.of(source, target);
    }
}
