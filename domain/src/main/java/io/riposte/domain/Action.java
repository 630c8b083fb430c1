package io.riposte.domain;

import java.util.List;

/**
 * One real-world action after correlation: every mention of it across articles merged, the most
 * precise date and count kept, linked to what it answers and placed in a chain.
 *
 * @param id deterministic, derived from the content of its mentions, never from arrival order
 * @param articles origins of the articles that report it, sorted
 * @param evidence its reports, sorted by article id then offset; at most the first
 *     {@link #SHOWN_EVIDENCE} of them, so that an action told by hundreds of articles is not rewritten
 *     whole with each new report (queries compose the full list from the stored reports)
 * @param chainId the chain it belongs to, or null when it is in none
 * @param evidenceTotal how many reports the action has in all, those not in {@code evidence} included
 */
public record Action(
        String id,
        String dyad,
        String source,
        String target,
        ActionType type,
        FuzzyDate date,
        Integer count,
        Modality modality,
        double confidence,
        List<String> articles,
        List<Evidence> evidence,
        List<Link> respondsTo,
        String chainId,
        int evidenceTotal) {

    /** How many reports an action carries in {@link #evidence()}. */
    public static final int SHOWN_EVIDENCE = 10;

    public Action {
        articles = List.copyOf(articles);
        evidence = List.copyOf(evidence);
        respondsTo = List.copyOf(respondsTo);
        if (evidenceTotal < evidence.size()) {
            throw new IllegalArgumentException("evidenceTotal " + evidenceTotal + " is below the " + evidence.size() + " reports given");
        }
    }

    /** An action whose evidence is complete. */
    public Action(String id, String dyad, String source, String target, ActionType type, FuzzyDate date, Integer count,
            Modality modality, double confidence, List<String> articles, List<Evidence> evidence, List<Link> respondsTo,
            String chainId) {
        this(id, dyad, source, target, type, date, count, modality, confidence, articles, evidence, respondsTo, chainId,
                evidence.size());
    }

    /** The same action carrying only the first of its reports ({@link #shownOf}), their total kept. */
    public Action bounded() {
        return evidence.size() <= SHOWN_EVIDENCE ? this : new Action(id, dyad, source, target, type, date, count, modality,
                confidence, articles, shownOf(evidence), respondsTo, chainId, evidenceTotal);
    }

    /** Whether reports are left out of {@link #evidence()}. */
    public boolean evidenceTruncated() {
        return evidenceTotal > evidence.size();
    }

    /** The reports an action carries of its full list: the first {@link #SHOWN_EVIDENCE}. */
    public static List<Evidence> shownOf(List<Evidence> all) {
        return all.size() > SHOWN_EVIDENCE ? all.subList(0, SHOWN_EVIDENCE) : all;
    }

    /** The same action with its full list of reports (what queries show). */
    public Action withAllEvidence(List<Evidence> all) {
        return new Action(id, dyad, source, target, type, date, count, modality, confidence, articles, all, respondsTo,
                chainId, all.size());
    }
}
