package io.riposte.evaluation;

import io.riposte.domain.FuzzyDate;
import java.util.List;
import java.util.Objects;

/**
 * One line of a gold file ({@code gold.jsonl} in the format of {@code ../shared/EVALUATION.md}).
 *
 * @param tier {@code core}, {@code minor} or {@code ignore}; the reference scorer reads a missing tier as core
 * @param respondsTo acceptable provocations (gold ids), most likely first
 */
public record GoldAction(
        String id, Tier tier, FuzzyDate date, String source, String target, String type, Integer count,
        List<String> articles, List<String> respondsTo, String evidence) {

    /** In matching order: core actions are served first, then minor, then ignore. */
    public enum Tier { CORE, MINOR, IGNORE }

    public GoldAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tier, "tier");
        date = date == null ? FuzzyDate.UNKNOWN : date;
        articles = articles == null ? List.of() : List.copyOf(articles);
        respondsTo = respondsTo == null ? List.of() : List.copyOf(respondsTo);
    }
}
