package io.riposte.correlation;

import io.riposte.domain.Dyad;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import java.util.List;
import java.util.Objects;

/** What {@link Correlator#add} accepts of a mention, and the form in which it stores and reads it. */
final class MentionInput {

    private MentionInput() {}

    /**
     * The mention as correlation stores and reads it (see {@link ActionDates#effectiveDate}). Its evidence
     * first records the date extraction gave it: merging reads the widened date, but the action shows
     * the most precise date its reports gave ({@link ActionDates#actionDate}), and every report's own.
     */
    static ExtractedAction normalize(ExtractedAction m) {
        FuzzyDate d = ActionDates.effectiveDate(m.date());
        boolean stamped = m.evidence().stream().allMatch(e -> e.date() != null);
        if (d.equals(m.date()) && stamped) {
            return m;
        }
        List<Evidence> evidence = stamped ? m.evidence()
                : m.evidence().stream().map(e -> e.date() != null ? e : e.withDate(m.date())).toList();
        return new ExtractedAction(m.id(), m.articleId(), m.origin(), m.source(), m.target(), m.type(), d, m.count(),
                m.modality(), m.confidence(), evidence, m.respondsTo(), m.cue(), m.crossDyad());
    }

    /** @throws IllegalArgumentException for a mention correlation cannot key or place (see {@link Correlator#add}) */
    static void validate(ExtractedAction m) {
        Objects.requireNonNull(m, "mention");
        if (m.source().equals(m.target())) {
            throw new IllegalArgumentException("mention " + m.id() + ": source and target are both " + m.source());
        }
        Dyad.parts(m.dyad());
        if (m.crossDyad() != null) {
            Dyad.parts(m.crossDyad().dyad()); // the topology keys the answered dyad's part by it
        }
        Keys.requireKeySafe("mention id", m.id());
        for (String ref : m.respondsTo()) {
            Keys.requireKeySafe("responds_to id", ref);
        }
    }
}
