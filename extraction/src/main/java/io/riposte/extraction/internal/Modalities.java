package io.riposte.extraction.internal;

import io.riposte.domain.ActionType;
import io.riposte.domain.Modality;
import java.util.List;
import java.util.Set;

/**
 * The modality pass: whether an action is reported (ASSERTED), announced (PLANNED), recalled (BACKGROUND: "had",
 * "previously", "... ago", an act cited after a preposition or in a subordinate clause), negated ("not", "refused
 * to"), hypothetical (a condition, a modal, options under discussion, a call for it) or threatened ("threatened to
 * expel", "Otherwise, we will close ...": then a THREATEN_RETALIATION action). A past perfect in reported speech is
 * the day's news, not a recall.
 *
 * <p>Word lists ({@code words.tsv}): {@code BACKGROUND_MARKERS}, {@code BE_FORMS}, {@code DELIBERATION_WORDS},
 * {@code DEMONSTRATIVE_OPENERS}, {@code HYPOTHETICAL_MARKERS}, {@code NEGATORS}, {@code PLANNED_MARKERS},
 * {@code REFERENCING_PREPOSITIONS}, {@code REFUSALS}, {@code REPORTING_VERBS}, {@code SUBORDINATORS},
 * {@code THREAT_WORDS}, {@code THREAT_MODALS}, {@code THREAT_VERBS}, {@code CONDITION_OPENERS}.
 */
final class Modalities {
    private final Tokens t;
    private final Segmentation seg;
    private final MeasureFrames frames;
    private final SpeechActs speech;
    private final ThreatFrames threatFrames;
    private final Set<String> backgroundMarkers;
    private final Set<String> beForms;
    private final Set<String> deliberationWords;
    private final Set<String> demonstrativeOpeners;
    private final Set<String> hypotheticalMarkers;
    private final Set<String> negators;
    private final Set<String> plannedMarkers;
    private final Set<String> referencingPrepositions;
    private final Set<String> refusals;
    private final Set<String> reportingVerbs;
    private final Set<String> subordinators;
    private final Set<String> threatWords;
    private final Set<String> threatModals;
    private final Set<String> conditionOpeners;
    private final Set<String> threatVerbs;

    Modalities(Tokens tokens, Lexicon lex, Segmentation seg, MeasureFrames frames, SpeechActs speech, ThreatFrames threatFrames) {
        this.t = tokens;
        this.seg = seg;
        this.frames = frames;
        this.speech = speech;
        this.threatFrames = threatFrames;
        this.backgroundMarkers = lex.words("BACKGROUND_MARKERS");
        this.beForms = lex.words("BE_FORMS");
        this.deliberationWords = lex.words("DELIBERATION_WORDS");
        this.demonstrativeOpeners = lex.words("DEMONSTRATIVE_OPENERS");
        this.hypotheticalMarkers = lex.words("HYPOTHETICAL_MARKERS");
        this.negators = lex.words("NEGATORS");
        this.plannedMarkers = lex.words("PLANNED_MARKERS");
        this.referencingPrepositions = lex.words("REFERENCING_PREPOSITIONS");
        this.refusals = lex.words("REFUSALS");
        this.reportingVerbs = lex.words("REPORTING_VERBS");
        this.subordinators = lex.words("SUBORDINATORS");
        this.threatWords = lex.words("THREAT_WORDS");
        this.threatModals = lex.words("THREAT_MODALS");
        this.conditionOpeners = lex.words("CONDITION_OPENERS");
        this.threatVerbs = lex.words("THREAT_VERBS");
    }

    /** Set by {@link #modality}: the action is the condition of a threat ("if X expels ..."), not the threat. */
    private boolean conditional;

    /** A noun action word after a preposition, another action word before it: an act cited, not reported ("in response to the expulsion"). */
    private boolean isReferenced(Trig tr, List<Trig> all, int from) {
        if (tr.def().kind() != 'N' && !frames.isNominal(tr)) {
            return false;
        }
        boolean earlier = false;
        for (Trig o : all) {
            if (o.anchor() < tr.from() && o != tr) {
                earlier = true;
            }
        }
        if (!earlier) {
            return false;
        }
        for (int k = tr.from() - 1; k >= Math.max(from, tr.from() - 7); k--) {
            if (t.in(referencingPrepositions, k)) {
                return true;
            }
            if (t.lower[k].equals(",") || t.lower[k].equals(";")) {
                return false;
            }
        }
        return false;
    }

    private Modality modality(Trig tr, int from, int to) {
        int a = tr.anchor();
        for (int k = a - 1; k >= Math.max(from, a - 3); k--) {
            String l = t.lower[k];
            if (negators.contains(l) && !(k + 1 < to && t.lower[k + 1].equals("only")) || refusals.contains(l)) {
                return Modality.NEGATED;
            }
            if (l.equals(",") || l.equals(";")) {
                break;
            }
        }
        if (tr.type() == ActionType.THREATEN_RETALIATION) {
            return Modality.ASSERTED;
        }
        if (threatFrames.insideFutureSubject(a, from, to)) {
            return Modality.HYPOTHETICAL; // "measures, including curbs on hiring, will be taken": announced, the threat says so
        }
        if (speech.threatVerbBefore(a, from) || seg.startsWith(from, to, "otherwise") || seg.startsWith(from, to, "or else")) {
            // "threatened to expel": the threat is the action; "Otherwise, we will close ...": the price
            // of a demand not met
            return Modality.THREATENED;
        }
        for (int k = a - 1; k >= Math.max(from, a - 6); k--) {
            String l = t.lower[k];
            if (conditionOpeners.contains(l)) {
                conditional = true;
                return Modality.HYPOTHETICAL; // the condition of a threat, not an action
            }
            if (l.equals(",") || l.equals(";") || plannedMarkers.contains(l) || l.equals("would") || l.equals("could")) {
                break;
            }
        }
        boolean reported = false;
        boolean leadingClause = t.in(subordinators, from);
        for (int k = a - 1; k >= Math.max(from, a - 6); k--) {
            String l = t.lower[k];
            if (l.equals(";") || l.equals(":") || leadingClause && l.equals(",")) {
                break; // "After Oslo proposed talks, Russia expelled ...": the main clause is not the proposal
            }
            if (l.equals("would")) {
                for (int j = from; j < k; j++) {
                    if (t.lower[j].equals("that") || t.lower[j].equals("said") || t.lower[j].equals("announced")) {
                        reported = true;
                    }
                }
                return reported ? Modality.PLANNED : Modality.HYPOTHETICAL;
            }
            if (hypotheticalMarkers.contains(l) && !t.word[k].equals("May")) {
                return Modality.HYPOTHETICAL;
            }
        }
        if (t.lower[from].equals("if") || t.lower[from].equals("unless")) {
            return Modality.HYPOTHETICAL;
        }
        for (int k = from; k < a; k++) {
            if (t.in(deliberationWords, k)) {
                return Modality.HYPOTHETICAL; // "Options under discussion include expulsions ..."
            }
        }
        if (speech.requested(a, from, seg::isClauseBoundary)) {
            return Modality.HYPOTHETICAL;
        }
        for (int k = a - 1; k >= Math.max(from, a - 4); k--) {
            String l = t.lower[k];
            if (plannedMarkers.contains(l) || (l.equals("be") && k > from && t.lower[k - 1].equals("to"))) {
                return Modality.PLANNED;
            }
        }
        for (int k = a - 1; k >= Math.max(from, a - 6); k--) {
            String l = t.lower[k];
            if (backgroundMarkers.contains(l) && !(k + 1 < to && (t.lower[k + 1].equals("this") || t.lower[k + 1].equals("on")))) {
                if (l.equals("already") && k > from && t.lower[k - 1].equals("had") && backshifted(k - 1, from)) {
                    return Modality.ASSERTED; // "said it had already decided to withdraw": the day's news, told as prior
                }
                return Modality.BACKGROUND;
            }
            if (l.equals("had") && k >= a - 2) {
                // "the ministry said it had summoned the envoy": reported speech shifts the news of the
                // day into the past perfect; only an unreported past perfect recalls an older act
                return backshifted(k, from) ? Modality.ASSERTED : Modality.BACKGROUND;
            }
        }
        for (int k = a - 1; k >= Math.max(from + 1, a - 3); k--) {
            if (t.in(beForms, k) && (t.lower[k - 1].equals("who") || t.lower[k - 1].equals("which")
                    || t.lower[k - 1].equals("that"))) {
                return Modality.BACKGROUND; // "ambassadors who were recalled"
            }
        }
        for (int k = a + 1; k < Math.min(to, a + 8); k++) {
            if (t.lower[k].equals("ago")) {
                return Modality.BACKGROUND;
            }
        }
        return Modality.ASSERTED;
    }

    /** "X said (that) it had ...": a reporting verb just before the subject of the past perfect. */
    private boolean backshifted(int had, int from) {
        for (int j = had - 1; j >= Math.max(from, had - 4); j--) {
            if (t.in(reportingVerbs, j)) {
                return true;
            }
            if (t.lower[j].equals(",") || t.lower[j].equals(";")) {
                return false;
            }
        }
        return false;
    }

    private boolean isThreatened(Trig tr, int from) {
        int a = tr.anchor();
        boolean modal = false;
        for (int k = a - 1; k >= Math.max(from, a - 4); k--) {
            String l = t.lower[k];
            if (threatModals.contains(l)) {
                modal = true;
            }
            if (threatVerbs.contains(l)) {
                return true;
            }
        }
        if (!modal) {
            return false;
        }
        int end = t.sentenceTo(t.sentenceOf(a));
        if (t.lower[from].equals("if") || t.lower[from].equals("unless")) {
            return true; // "If the visit is blocked, the response would be sanctions"
        }
        for (int k = tr.to(); k < end; k++) {
            if (t.lower[k].equals("if") || t.lower[k].equals("unless")) {
                return true; // "would impose sanctions if ...": a conditional threat
            }
        }
        for (int k = from; k < a; k++) {
            if (t.in(threatWords, k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the action lies in a clause opened by "after / because / when ..." (b1 the clause boundary before
     * the anchor a): the background of the main clause. A sentence that opens with the subordinator holds it up
     * to the first comma ("After Tallinn capped the staff, Moscow expelled ...").
     */
    boolean subordinate(int b1, int from, int a) {
        boolean subordinate = b1 > from && b1 < a && t.in(subordinators, b1) && !t.lower[b1].equals("before");
        if (a > from + 1 && t.in(subordinators, from) && !t.lower[from].equals("before")
                && !t.in(demonstrativeOpeners, from + 1)) {
            boolean comma = false;
            for (int k = from; k < a; k++) {
                comma |= t.word[k].equals(",");
            }
            subordinate = !comma;
        }
        return subordinate;
    }

    /**
     * Sets whether the action is cited (referenced), its modality, and turns a hostile measure that is
     * threatened ("threatened to expel", "would impose sanctions if ...") into a threat, which is asserted.
     */
    void classify(Hit h, Trig tr, List<Trig> all, int from, int to, boolean nominal, boolean subordinate) {
        h.referenced = isReferenced(tr, all, from) || subordinate;
        conditional = false;
        h.modality = modality(tr, from, to);
        if (h.type != ActionType.THREATEN_RETALIATION && h.type.isHostileMeasure() && (h.modality == Modality.THREATENED
                || !conditional && (h.modality == Modality.PLANNED || h.modality == Modality.HYPOTHETICAL) && isThreatened(tr, from))) {
            h.type = ActionType.THREATEN_RETALIATION;
            h.modality = Modality.ASSERTED;
        }
        if (h.modality == Modality.ASSERTED && h.referenced && (nominal || subordinate)) {
            h.modality = Modality.BACKGROUND;
        }
    }
}
