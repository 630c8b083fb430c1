package io.riposte.correlation;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Chain;
import io.riposte.domain.DateBasis;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hand-made mentions for tests: no article prose, only the fields correlation reads. */
final class Fixtures {

    private Fixtures() {}

    static ExtractedAction m(String id, String article, String src, String tgt, ActionType type, String date, Integer count) {
        return m(id, article, src, tgt, type, date, count, Modality.ASSERTED);
    }

    static ExtractedAction m(String id, String article, String src, String tgt, ActionType type, String date, Integer count, Modality modality, String... respondsTo) {
        FuzzyDate d = FuzzyDate.parseIso(date);
        return new ExtractedAction(id, article, article + ".txt", src, tgt, type, d, count, modality, 0.8,
                List.of(new Evidence(article, article + ".txt", src + " " + type + " " + tgt + " #" + id, 0, 10)),
                List.of(respondsTo), respondsTo.length == 0 ? null : "in response to");
    }

    /** A report the text does not date, published on {@code day}: the week before is what it may denote. */
    static ExtractedAction undated(String id, String article, String src, String tgt, ActionType type, String day) {
        ExtractedAction x = m(id, article, src, tgt, type, day, null);
        LocalDate published = LocalDate.parse(day);
        return new ExtractedAction(x.id(), x.articleId(), x.origin(), src, tgt, type,
                x.date().withRange(published.minusDays(7), published).withBasis(DateBasis.PUBLICATION_FALLBACK), null,
                x.modality(), x.confidence(), x.evidence(), x.respondsTo(), x.cue());
    }

    /** The final content of a compacted topic: last value per key, tombstones applied. */
    static final class Topics {
        final Map<String, Action> actions = new TreeMap<>();
        final Map<String, Chain> chains = new TreeMap<>();
        final List<String> alertIds = new ArrayList<>();

        void apply(CorrelationUpdate u) {
            u.deletedActions().forEach(actions::remove);
            u.actions().forEach(a -> actions.put(a.id(), a));
            u.deletedChains().forEach(chains::remove);
            u.chains().forEach(c -> chains.put(c.id(), c));
            u.alerts().forEach(a -> alertIds.add(a.id()));
        }
    }

    static Topics run(List<ExtractedAction> mentions) {
        return run(mentions, CorrelationSettings.defaults());
    }

    static Topics run(List<ExtractedAction> mentions, CorrelationSettings settings) {
        Correlator c = new Correlator(settings, InMemorySortedStore.newStores());
        Topics t = new Topics();
        for (ExtractedAction m : mentions) {
            t.apply(c.add(m));
        }
        return t;
    }

    static Action only(Topics t, ActionType type, String source) {
        List<Action> found = t.actions.values().stream().filter(a -> a.type() == type && a.source().equals(source)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + source + " " + type + " action, found " + found);
        }
        return found.get(0);
    }
}
