package io.riposte.correlation;

import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Modality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a cue's sentences say beyond the ids extraction resolved: whether a cited report shares the
 * answer's sentence, whether its date is the answer's, whether the cue's words belong to the cited
 * act's sentence (read backwards), and which reports each sentence of an episode tells.
 * {@link ResponseLinker} decides the links from these readings.
 */
final class CueReading {

    private CueReading() {}

    /**
     * "Moscow expels 15 Dutch diplomats after the Netherlands sent 18 Russians home last month, the
     * ministry said on Tuesday": the provocation recalled in the answer's sentence carries the date
     * that sentence gives, the answer's, though the cue says it came before. That date dates the
     * report, not the recalled act.
     */
    static boolean datedByItsAnswer(ExtractedAction m, ExtractedAction x) {
        String answered = m.date().iso();
        return answered != null && answered.equals(x.date().iso());
    }

    /**
     * Whether m's cue was attached to it from a neighbouring sentence the wrong way round: the cue's
     * words ("In response to ...") stand in the sentence of a report m cites, told in another sentence,
     * and not in m's own, and that report is told as news (an act recalled there is what the cue names:
     * "The minister cited Riga's decision as the reason"). "Belarus expelled the Latvian envoy over the incident. In response to the
     * actions of Belarus, Riga summoned its charge d'affaires": the summons answers the expulsion.
     */
    static boolean cueInCitedSentence(ExtractedAction m, Map<String, ExtractedAction> reports, Map<String, ExtractedAction> unattached) {
        return !reversedCues(m, reports, unattached).isEmpty();
    }

    /** The reports m cites whose own sentence (another than m's) holds m's cue and tells them as news: those answer m (see {@link #cueInCitedSentence}). */
    static List<ExtractedAction> reversedCues(ExtractedAction m, Map<String, ExtractedAction> reports, Map<String, ExtractedAction> unattached) {
        String cue = m.cue();
        if (cue == null || cue.isBlank() || m.respondsTo().isEmpty() || saysCue(m, cue)) {
            return List.of();
        }
        List<ExtractedAction> out = new ArrayList<>();
        for (String ref : m.respondsTo()) {
            ExtractedAction x = reports.containsKey(ref) ? reports.get(ref) : unattached.get(ref);
            if (x != null && x.modality() != Modality.BACKGROUND && !toldTogether(m, x) && saysCue(x, cue)) {
                out.add(x);
            }
        }
        return out;
    }

    private static boolean saysCue(ExtractedAction m, String cue) {
        String c = cue.toLowerCase(Locale.ROOT);
        for (Evidence e : m.evidence()) {
            if (e.sentence() != null && e.sentence().toLowerCase(Locale.ROOT).contains(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Which reports of an episode a cue cites and which report each sentence, built only when some
     * report names a provocation by its kind (most episodes have none: no cost for them).
     */
    static final class SentenceIndex {
        private final List<MergedAction> merged;
        private Set<String> citedIds;
        private Map<String, List<ExtractedAction>> bySentence;

        SentenceIndex(List<MergedAction> merged) {
            this.merged = merged;
        }

        boolean cited(String mentionId) {
            build();
            return citedIds.contains(mentionId);
        }

        List<ExtractedAction> reporting(String sentence) {
            build();
            return bySentence.getOrDefault(sentence, List.of());
        }

        private void build() {
            if (citedIds != null) {
                return;
            }
            citedIds = new HashSet<>();
            bySentence = new HashMap<>();
            for (MergedAction c : merged) {
                for (ExtractedAction m : c.members) {
                    citedIds.addAll(m.respondsTo());
                    for (Evidence e : m.evidence()) {
                        bySentence.computeIfAbsent(e.sentence(), k -> new ArrayList<>()).add(m);
                    }
                }
            }
        }
    }

    /** Whether two reports of one article share a sentence of their evidence. */
    static boolean toldTogether(ExtractedAction m, ExtractedAction x) {
        if (!Objects.equals(m.articleId(), x.articleId())) {
            return false;
        }
        for (Evidence e : m.evidence()) {
            for (Evidence f : x.evidence()) {
                if (Objects.equals(e.sentence(), f.sentence())) {
                    return true;
                }
            }
        }
        return false;
    }
}
