package io.riposte.domain;

import java.util.List;

/**
 * A change of state worth telling people about. Emitted once per change, not once per article.
 * Besides the prose {@code summary}, it carries the facts a machine routes on.
 *
 * @param id deterministic: derived from the type and the actions concerned, so a replay or a
 *     second report of the same change yields the same id
 * @param actionId the action that caused it
 * @param severity Goldstein-style severity of that action (negative is hostile)
 * @param summary one human line, e.g. "RUS expelled 10 USA diplomats (2021-04-16) in response to ..."
 * @param source acting state of that action, or null (alerts written before the field existed)
 * @param target affected state of that action, or null
 * @param actionType type of that action, or null
 * @param count stated count of that action, or null
 * @param chainStep 1-based position of that action in the chain, or null when it is in none
 * @param provocationId the action it answers, the threat it carries out or the act a threat is over; or null
 * @param articleOrigins origins of the articles that report that action, sorted
 */
public record Alert(
        String id,
        AlertType type,
        String dyad,
        String chainId,
        String actionId,
        double severity,
        FuzzyDate actionDate,
        String summary,
        String source,
        String target,
        ActionType actionType,
        Integer count,
        Integer chainStep,
        String provocationId,
        List<String> articleOrigins) {

    public Alert {
        articleOrigins = articleOrigins == null ? List.of() : List.copyOf(articleOrigins);
    }
}
