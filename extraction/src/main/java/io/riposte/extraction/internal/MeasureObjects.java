package io.riposte.extraction.internal;

import io.riposte.domain.ActionType;
import java.util.Set;

/**
 * Measures named by their object rather than by their verb: "closed its airspace to ...", "suspended the
 * treaty with ...", "removed X from its white list", "stripped the diplomatic status of ... buildings",
 * "held the treaty in abeyance". The object noun is the trigger (triggers.tsv, needs HOSTILEVERB); it
 * counts only when a hostile verb governs it, and that verb is the anchor, so that the subject of the
 * verb is the actor. A neutral verb ("signed the treaty", "praised the agreement") makes nothing.
 *
 * <p>Word lists ({@code words.tsv}): {@code OBJECT_HOSTILE_VERBS}, {@code ABEYANCE_VERBS},
 * {@code STATUS_PROPERTY_NOUNS}, {@code OBJECT_BARRIERS}, {@code PERFECT_AUXILIARIES} (and those named on its
 * methods).
 */
final class MeasureObjects {
    /** Hostile verbs that take these objects; compared by first letter before the set lookup. */
    private final Set<String> objectHostileVerbs;
    /** "holding the treaty in abeyance": the verb of an "in abeyance" phrase. */
    private final Set<String> abeyanceVerbs;
    /** What a stripped "diplomatic status" must belong to, so that it is a seizure and not an expulsion. */
    private final Set<String> statusPropertyNouns;

    /** Words that put the object in another phrase than the verb's. */
    private final Set<String> objectBarriers;

    private final Tokens t;
    /** The first letters of the hostile verbs: most words are ruled out before any set lookup. */
    private final String verbInitials;
    /** "have been closed": the auxiliaries of a perfect before a participle. */
    private final Set<String> perfectAuxiliaries;
    private final Set<String> military;
    private final Set<String> diplomatic;
    private final Set<String> ownStaff;
    private final Set<String> ownStaffModifiers;
    private final Set<String> demands;

    MeasureObjects(Tokens t, Lexicon lex) {
        this.t = t;
        this.ownStaff = lex.words("OWN_STAFF_NOUNS");
        this.ownStaffModifiers = lex.words("OWN_STAFF_MODIFIERS");
        this.demands = lex.words("DEMAND_VERBS");
        this.military = lex.words("MILITARY_NOUNS");
        this.diplomatic = lex.words("DIPLOMATIC_NOUNS");
        this.objectHostileVerbs = lex.words("OBJECT_HOSTILE_VERBS");
        this.abeyanceVerbs = lex.words("ABEYANCE_VERBS");
        this.statusPropertyNouns = lex.words("STATUS_PROPERTY_NOUNS");
        this.objectBarriers = lex.words("OBJECT_BARRIERS");
        this.perfectAuxiliaries = lex.words("PERFECT_AUXILIARIES");
        StringBuilder initials = new StringBuilder();
        for (String w : objectHostileVerbs) {
            initials.append(w.charAt(0));
        }
        this.verbInitials = initials.toString();
    }

    /**
     * Whether an expulsion or a staff measure concerns soldiers, not a mission: "whose troops were ordered out",
     * "plans to cut the contingent's strength". An expulsion needs the military noun within five words of its
     * trigger, a staff measure anywhere in the sentence; either way no diplomatic noun may be as close.
     * Word classes (words.tsv): {@code MILITARY_NOUNS}, {@code DIPLOMATIC_NOUNS}.
     */
    boolean militaryObject(Trig tr, int from, int to) {
        boolean staff = tr.type() == ActionType.RESTRICT_STAFF;
        if (!staff && tr.type() != ActionType.EXPEL_DIPLOMATS) {
            return false;
        }
        int lo = staff ? from : Math.max(from, tr.from() - 5);
        int hi = staff ? to : Math.min(to, tr.to() + 5);
        boolean soldiers = false;
        for (int k = lo; k < hi; k++) {
            String l = t.lower[k];
            if (diplomatic.contains(l)) {
                return false;
            }
            soldiers |= military.contains(l);
        }
        return soldiers;
    }

    /**
     * A drawdown: "reduced its staff in X", "the withdrawal of more than half of its own diplomats from X". The
     * people cut are the actor's own ("its", "their") within a few words after the verb, and no order or demand
     * before it, nor an obligation ("must", "has to"), makes the cut the other side's ("demanded that Washington
     * reduce its staff" is a cap imposed by the one who demands). Word classes (words.tsv): {@code OWN_STAFF_NOUNS}, {@code OWN_STAFF_MODIFIERS},
     * {@code DEMAND_VERBS}.
     */
    boolean ownDrawdown(int i, int end, int from, int to) {
        if (i - 1 >= from && t.lower[i - 1].equals("must") || i - 2 >= from && t.lower[i - 1].equals("to")
                && t.in(perfectAuxiliaries, i - 2)) {
            return false; // "Russia would have to reduce its staff": an obligation imposed by the other side
        }
        for (int k = i - 1; k >= from; k--) {
            if (t.in(demands, k)) {
                return false;
            }
        }
        for (int k = end; k < Math.min(to, end + 7); k++) {
            String l = t.lower[k];
            if (l.equals("its") || l.equals("their")) {
                int j = k + 1;
                while (j < to && t.in(ownStaffModifiers, j)) {
                    j++;
                }
                return j < to && t.in(ownStaff, j);
            }
            if (l.equals(",") || l.equals(";") || l.equals("to")) {
                return false;
            }
        }
        return false;
    }

    /**
     * The index of the hostile verb governing the object trigger at i..end, or -1. The verb must lie a few
     * words before the object with no clause boundary (";", ":", a relative pronoun) in between.
     */
    int governingVerb(int i, int end, int from, int to) {
        boolean abeyance = t.lower[i].equals("in") && end - i == 2;
        for (int k = i - 1; k >= Math.max(from, i - 9); k--) {
            String l = t.lower[k];
            if (l.equals(";") || l.equals(":") || l.equals("which") || l.equals("who") || l.equals("that") && !abeyance
                    || objectBarriers.contains(l)) {
                return -1; // "closed the consulate under the 1961 treaty": the object of another phrase
            }
            if (abeyance ? abeyanceVerbs.contains(l) : isVerb(l)) {
                if (t.lower[i].equals("diplomatic") && !following(end, to, 8, statusPropertyNouns)) {
                    return -1; // "stripped the envoy of his diplomatic status" is about a person
                }
                return k;
            }
        }
        return -1;
    }

    private boolean isVerb(String l) {
        return verbInitials.indexOf(l.charAt(0)) >= 0 && objectHostileVerbs.contains(l);
    }

    private boolean following(int end, int to, int w, Set<String> words) {
        for (int k = end; k < Math.min(to, end + w); k++) {
            if (t.in(words, k)) {
                return true;
            }
        }
        return false;
    }
}
