package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static io.riposte.domain.ActionType.EXPEL_DIPLOMATS;
import static io.riposte.domain.ActionType.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Action;
import io.riposte.domain.ExtractedAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An undated article ("Rome expelled four French diplomats; France then barred two Italian officials from
 * leaving, and Italy did the same to two French ones") whose expulsion is anchored by its count to the
 * dated exchange puts its other undated acts, which nothing anchors, in that exchange's chain.
 */
class ArticleFollowingTest {

    private static final List<ExtractedAction> DATED = List.of(
            m("d1", "a", "ITA", "FRA", EXPEL_DIPLOMATS, "2024-03-04", 4),
            m("d2", "a", "FRA", "ITA", EXPEL_DIPLOMATS, "2024-03-06", 4));

    private static final List<ExtractedAction> UNDATED_OTHERS = List.of(
            m("u2", "u", "FRA", "ITA", OTHER, "", null),
            m("u3", "u", "ITA", "FRA", OTHER, "", null));

    private static List<ExtractedAction> with(List<ExtractedAction> extra) {
        List<ExtractedAction> all = new ArrayList<>(DATED);
        all.addAll(UNDATED_OTHERS);
        all.addAll(extra);
        return all;
    }

    private static String chainOf(BatchCorrelation.Result r, String source, io.riposte.domain.ActionType type) {
        List<Action> found = r.actions().stream().filter(a -> a.source().equals(source) && a.type() == type).toList();
        assertThat(found).as("%s %s actions", source, type).hasSize(1);
        return found.get(0).chainId();
    }

    @Test
    void undatedActsFollowTheirArticlesAnchoredExpulsionIntoTheDatedChain() {
        BatchCorrelation.Result r = AnchoringByKindTest.sameInEveryOrder(with(List.of(m("u1", "u", "ITA", "FRA", EXPEL_DIPLOMATS, "", 4))));
        String exchange = chainOf(r, "ITA", EXPEL_DIPLOMATS);
        assertThat(exchange).isNotNull().isEqualTo(chainOf(r, "FRA", EXPEL_DIPLOMATS));
        assertThat(chainOf(r, "FRA", OTHER)).isEqualTo(exchange);
        assertThat(chainOf(r, "ITA", OTHER)).isEqualTo(exchange);
        assertThat(r.actions()).as("the anchored expulsion adds no action, the two other acts keep theirs").hasSize(4);
    }

    @Test
    void withoutAnAnchoredSiblingTheUndatedActsStayApart() {
        BatchCorrelation.Result r = AnchoringByKindTest.sameInEveryOrder(with(List.of(m("u1", "u", "ITA", "FRA", EXPEL_DIPLOMATS, "", 7))));
        String exchange = chainOf(r, "FRA", EXPEL_DIPLOMATS);
        assertThat(chainOf(r, "FRA", OTHER)).isNotEqualTo(exchange);
        assertThat(chainOf(r, "ITA", OTHER)).isNotEqualTo(exchange);
    }
}
