package io.riposte.extraction.internal;

import io.riposte.domain.ActionType;
import io.riposte.extraction.internal.Lexicon.ActorKind;
import io.riposte.extraction.internal.Lexicon.Phrase;
import io.riposte.extraction.internal.Lexicon.TriggerDef;
import io.riposte.extraction.internal.Mention.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The measure-frame pass: an action word of {@code triggers.tsv} is an action only in its frame (trigger +
 * object + modifiers). Each trigger's {@code needs} names what must stand near it (people for an expulsion, a
 * mission for a closure, an envoy for a recall, relations for a break, a threatened object for a warning, ...);
 * a generic restriction takes its type from the nearest object noun (visas, staff, goods); the frame also
 * gives the anchor (the governing verb of a noun) and the voice (passive, "must cut", "had to bear").
 *
 * <p>Word lists ({@code words.tsv}): {@code ACCREDITATION_NOUNS}, {@code AGREE_OBJECTS}, {@code ASSET_NOUNS},
 * {@code BE_FORMS}, {@code GIVING_VERBS}, {@code IRREGULAR_PARTICIPLES}, {@code CREDENTIAL_OBJECTS}, {@code DENIAL_OBJECTS}, {@code DIPLOMAT_NOUNS},
 * {@code ECONOMIC_TIES}, {@code ENVOY_NOUNS}, {@code FORCE_NOUNS}, {@code FUTURE_MARKERS}, {@code GOODS_WORDS},
 * {@code HELD_MARKERS}, {@code LIFT_OBJECTS}, {@code MISSION_CONTEXT}, {@code MISSION_NOUNS},
 * {@code OPERATIONS_NOUNS}, {@code ORDER_VERBS}, {@code OTHER_TIES}, {@code PEOPLE_WORDS}, {@code PERSON_NOUNS},
 * {@code PROPERTY_NOUNS}, {@code RELATION_NOUNS}, {@code RESTORABLE_OBJECTS}, {@code STAFF_NOUNS},
 * {@code STAFF_WORDS}, {@code SUMMONING_PLACES}, {@code THREAT_OBJECTS}, {@code TRADE_NOUNS}, {@code UNDOING_VERBS},
 * {@code VISA_NOUNS}, {@code VISA_WORDS}, {@code VERB_OPENERS}, {@code SERIES_NOUNS}.
 */
final class MeasureFrames {
    private static final boolean DEBUG = System.getenv("RIPOSTE_DEBUG") != null;
    private final Tokens t;
    private final Lexicon lex;
    private final Segmentation seg;
    private final ActorMentions actors;
    private final MeasureObjects measureObjects;
    private final ThreatFrames threatFrames;
    private final OtherActs otherActs;
    private final Set<String> accreditationNouns;
    private final Set<String> agreeObjects;
    private final Set<String> assetNouns;
    private final Set<String> beForms;
    private final Set<String> credentialObjects;
    private final Set<String> denialObjects;
    private final Set<String> diplomatNouns;
    private final Set<String> economicTies;
    private final Set<String> envoyNouns;
    private final Set<String> forceNouns;
    private final Set<String> futureMarkers;
    private final Set<String> goodsWords;
    private final Set<String> heldMarkers;
    private final Set<String> liftObjects;
    private final Set<String> missionContext;
    private final Set<String> missionNouns;
    private final Set<String> operationsNouns;
    private final Set<String> orderVerbs;
    private final Set<String> otherTies;
    private final Set<String> peopleWords;
    private final Set<String> personNouns;
    private final Set<String> propertyNouns;
    private final Set<String> relationNouns;
    private final Set<String> restorableObjects;
    private final Set<String> staffNouns;
    private final Set<String> staffWords;
    private final Set<String> summoningPlaces;
    private final Set<String> threatObjects;
    private final Set<String> tradeNouns;
    private final Set<String> undoingVerbs;
    private final Set<String> visaNouns;
    private final Set<String> visaWords;
    /** Words after which a base form is a verb: "to", the modals. */
    private final Set<String> verbOpeners;

    MeasureFrames(Tokens tokens, Lexicon lex, Segmentation seg, ActorMentions actors, MeasureObjects measureObjects,
            ThreatFrames threatFrames, OtherActs otherActs) {
        this.t = tokens;
        this.lex = lex;
        this.seg = seg;
        this.actors = actors;
        this.measureObjects = measureObjects;
        this.threatFrames = threatFrames;
        this.otherActs = otherActs;
        this.accreditationNouns = lex.words("ACCREDITATION_NOUNS");
        this.agreeObjects = lex.words("AGREE_OBJECTS");
        this.assetNouns = lex.words("ASSET_NOUNS");
        this.beForms = lex.words("BE_FORMS");
        this.givingVerbs = lex.words("GIVING_VERBS");
        this.irregularParticiples = lex.words("IRREGULAR_PARTICIPLES");
        this.credentialObjects = lex.words("CREDENTIAL_OBJECTS");
        this.denialObjects = lex.words("DENIAL_OBJECTS");
        this.diplomatNouns = lex.words("DIPLOMAT_NOUNS");
        this.economicTies = lex.words("ECONOMIC_TIES");
        this.envoyNouns = lex.words("ENVOY_NOUNS");
        this.forceNouns = lex.words("FORCE_NOUNS");
        this.futureMarkers = lex.words("FUTURE_MARKERS");
        this.goodsWords = lex.words("GOODS_WORDS");
        this.heldMarkers = lex.words("HELD_MARKERS");
        this.liftObjects = lex.words("LIFT_OBJECTS");
        this.missionContext = lex.words("MISSION_CONTEXT");
        this.missionNouns = lex.words("MISSION_NOUNS");
        this.operationsNouns = lex.words("OPERATIONS_NOUNS");
        this.orderVerbs = lex.words("ORDER_VERBS");
        this.otherTies = lex.words("OTHER_TIES");
        this.peopleWords = lex.words("PEOPLE_WORDS");
        this.personNouns = lex.words("PERSON_NOUNS");
        this.propertyNouns = lex.words("PROPERTY_NOUNS");
        this.relationNouns = lex.words("RELATION_NOUNS");
        this.restorableObjects = lex.words("RESTORABLE_OBJECTS");
        this.staffNouns = lex.words("STAFF_NOUNS");
        this.staffWords = lex.words("STAFF_WORDS");
        this.summoningPlaces = lex.words("SUMMONING_PLACES");
        this.threatObjects = lex.words("THREAT_OBJECTS");
        this.tradeNouns = lex.words("TRADE_NOUNS");
        this.undoingVerbs = lex.words("UNDOING_VERBS");
        this.visaNouns = lex.words("VISA_NOUNS");
        this.visaWords = lex.words("VISA_WORDS");
        this.verbOpeners = lex.words("VERB_OPENERS");
        this.seriesNouns = lex.words("SERIES_NOUNS");
    }

    private final Set<String> seriesNouns;

    /** The action words of sentence [from, to) that their frame confirms, in order. */
    List<Trig> findTriggers(int from, int to) {
        List<Trig> out = new ArrayList<>();
        int metEnd = -1;
        for (int i = from; i < to; i++) {
            if (!t.in(lex.triggerWords, i)) {
                continue;
            }
            Phrase<TriggerDef> p = Lexicon.longest(lex.triggers, t.lower, i, to);
            if (p == null) {
                continue;
            }
            int end = i + p.tokens().length;
            TriggerDef d = p.value();
            if (metEnd >= 0 && i - metEnd < 5 && "THREATEN_RETALIATION".equals(d.type())) {
                i = end - 1;
                continue; // "met with countermeasures": the object of the threat already found
            }
            if (d.kind() == 'N' && inASeries(i, from)) {
                i = end - 1;
                continue; // "the latest in a series of expulsions": a kind of act, none in particular
            }
            Trig tr = resolve(i, end, d, from, to);
            if (DEBUG) {
                System.err.println("CAND " + t.word[i] + " " + d + " -> " + tr);
            }
            if (tr != null && d.needs().equals("MET")) {
                metEnd = end;
            }
            if (tr != null && d.needs().equals("MET") && !out.isEmpty()
                    && out.get(out.size() - 1).type() == ActionType.THREATEN_RETALIATION) {
                // "warned that any step by X would be met with ...": one threat, whose condition names who is warned
                out.set(out.size() - 1, new Trig(tr.from(), tr.to(), tr.anchor(), tr.def(), tr.type(), tr.passive()));
            } else if (tr != null) {
                out.add(tr);
            }
            i = end - 1;
        }
        return out;
    }

    /** "a series of tit-for-tat expulsions", "a wave of closures": the noun after a series noun and "of" (adjectives between). */
    private boolean inASeries(int i, int from) {
        for (int k = i - 1; k > Math.max(from, i - 8); k--) {
            if (t.lower[k].equals("of")) {
                return t.in(seriesNouns, k - 1);
            }
            if (!Character.isLetter(t.lower[k].charAt(0)) && !t.lower[k].equals("-")) {
                return false;
            }
        }
        return false;
    }

    private Trig resolve(int i, int end, TriggerDef d, int from, int to) {
        ActionType type;
        int anchor = i;
        boolean passive = d.kind() == 'V' && isParticiple(t.lower[i]) && seg.beforeAny(i, from, 3, beForms);
        switch (d.needs()) {
            case "PERSON" -> {
                if (!seg.near(i, end, from, to, 8, personNouns) && !actors.nearMention(i, end, 8, Role.PEOPLE)) {
                    return null;
                }
            }
            case "DIPLOMAT" -> {
                if (!seg.after(end, to, 6, diplomatNouns) && !(seg.after(end, to, 5, staffNouns)
                        && seg.after(end, to, 6, missionContext))) {
                    return null;
                }
            }
            case "HOSTILEVERB" -> {
                int v = measureObjects.governingVerb(i, end, from, to);
                if (v < 0) {
                    return null;
                }
                anchor = v;
                passive = isParticiple(t.lower[v]) && seg.beforeAny(v, from, 3, beForms);
            }
            case "MISSION" -> {
                if (!seg.after(end, to, 6, missionNouns) && !seg.before(i, from, 4, missionNouns)) {
                    return null;
                }
                if (t.lower[i].startsWith("clos") && end < to && (t.lower[end].equals("to") || t.lower[end].equals("ties")
                        || t.lower[end].equals("ally") || t.lower[end].equals("allies"))) {
                    return null;
                }
            }
            case "PROPERTY" -> {
                if (!seg.near(i, end, from, to, 6, propertyNouns)) {
                    if (seg.near(i, end, from, to, 6, personNouns) || actors.nearMention(i, end, 6, Role.PEOPLE)) {
                        return new Trig(i, end, anchor, d, ActionType.DETAIN, passive);
                    }
                    return null;
                }
            }
            case "ENVOY" -> {
                if (!seg.near(i, end, from, to, 8, envoyNouns) && !actors.nearNamedAmbassador(i, end, 8) && !diplomaticStaffAfter(end, to)
                        && !(seg.after(end, to, 5, summoningPlaces) && t.lower[i].startsWith("summon"))
                        && !measureObjects.ownDrawdown(i, end, from, to)) {
                    return null;
                }
            }
            case "CHARGED" -> {
                // "prosecutors charged three men, among them an official of ...", "two attaches were charged":
                // people charged, not "charged that ..." (an accusation)
                if (end < to && t.lower[end].equals("that") || !(seg.after(end, to, 8, personNouns) || passive && seg.before(i, from, 8, personNouns))) {
                    return null;
                }
            }
            case "CREDENTIALS" -> {
                if (!seg.after(end, to, 5, credentialObjects)) {
                    return null;
                }
                if (seg.after(end, to, 5, visaNouns) && !seg.after(end, to, 5, accreditationNouns)) {
                    return new Trig(i, end, anchor, d, ActionType.RESTRICT_VISAS, passive);
                }
            }
            case "ORDEROUT" -> {
                // "ordered 35 Russian diplomats out of the United States", "were ordered out"
                int out = -1;
                for (int k = end; k < Math.min(to, end + 9); k++) {
                    if (t.lower[k].equals("out") && (k + 1 >= to || !Character.isLetter(t.lower[k + 1].charAt(0))
                            || t.lower[k + 1].equals("of") || t.lower[k + 1].equals("by") || t.lower[k + 1].equals("within")
                            || t.lower[k + 1].equals("on") || t.lower[k + 1].equals("and"))) {
                        out = k;
                        break;
                    }
                }
                if (out < 0 || !(seg.after(end, out, 7, personNouns) || actors.nearMention(end, out, 0, Role.PEOPLE)
                        || passive && seg.before(i, from, 8, personNouns))) {
                    return null;
                }
            }
            case "ENVOYHOME" -> {
                // "bring its ambassador home", "brought back the envoy": one's own envoy, so a recall
                int h = seg.firstWord(end, Math.min(to, end + 6), "home", "back");
                // "bring back / home its ambassador" or "bring its ambassador home / back"
                if (h < 0 || !(h == end ? seg.after(end + 1, to, 4, envoyNouns) : seg.after(end, h, 5, envoyNouns))) {
                    return null;
                }
            }
            case "SENDHOME" -> {
                // "sent two German diplomats home"
                int h = seg.firstWord(end, Math.min(to, end + 7), "home", "packing");
                if (h < 0 || !(seg.after(end, h, 6, personNouns) || actors.nearMention(end, h, 0, Role.PEOPLE))) {
                    return null;
                }
            }
            case "RELATIONS" -> {
                if (!seg.after(end, to, 4, relationNouns) || seg.after(end, to, 3, otherTies)) {
                    return null;
                }
            }
            case "TRADE" -> {
                if (!seg.near(i, end, from, to, 6, tradeNouns)) {
                    return null;
                }
            }
            case "LEAVE" -> {
                int o = orderVerbBefore(i, from);
                if (o < 0 || !(seg.before(o + 1, from, 12, personNouns) || actors.nearMention(o, o + 1, 12, Role.PEOPLE) || seg.after(o, i, 6, personNouns))) {
                    return null;
                }
                // "ordered to leave": no object between the order and "to leave", so the people ordered stand before it
                boolean objectBetween = false;
                for (int k = o + 1; k < i - 1; k++) {
                    if (t.in(personNouns, k) || actors.mentionAt(k) != null) {
                        objectBetween = true;
                    }
                }
                anchor = o;
                passive = !objectBetween;
            }
            case "THREATOBJ" -> {
                if (!seg.after(end, to, 14, threatObjects)) {
                    return null;
                }
            }
            case "FOREIGNPERSON" -> {
                // "executed the German-Iranian dissident ...", "hanged a British national": a national of a state
                if (!foreignPersonAfter(end, to)) {
                    return null;
                }
            }
            case "MET" -> {
                // "would be met with a decisive response / full force", not "met with scepticism"
                if (!seg.after(end, to, 5, threatObjects) && !seg.after(end, to, 4, forceNouns)) {
                    return null;
                }
            }
            case "FUTURE" -> {
                // "would be treated as an act of war": the modal sits further back
                int w = t.lower[i].equals("act") ? 6 : 4;
                if (!seg.before(i, from, w, futureMarkers) || (t.lower[i - 1].equals("to") && !seg.before(i - 1, from, 3, futureMarkers))) {
                    return null;
                }
                if (i - 1 >= from && (t.lower[i - 1].equals("in") || t.lower[i - 1].equals("as")) && end < to
                        && (t.lower[end].equals("to") || t.lower[end].equals("for"))) {
                    return null; // "expelled the envoy to X in response to ...": a response cue, the act before it answers
                }
            }
            case "TAKEN" -> {
                if (!threatFrames.measuresTaken(i, from)) {
                    return null;
                }
            }
            case "EXITBAN" -> {
                if (!otherActs.barsFromLeaving(end, to)) {
                    return null;
                }
            }
            case "LAUNCHED" -> {
                int v = otherActs.strikeAnchor(i, from);
                if (v < 0) {
                    return null;
                }
                anchor = v;
                passive = isParticiple(t.lower[v]) && seg.beforeAny(v, from, 3, beForms);
            }
            case "WEIGHED" -> {
                if (!threatFrames.measuresWeighed(end, to)) {
                    return null;
                }
            }
            case "HELD" -> {
                if (!seg.before(i, from, 3, heldMarkers)) {
                    return null;
                }
            }
            case "AGREEOBJ" -> {
                if (!seg.after(end, to, 5, agreeObjects)) {
                    return null;
                }
            }
            case "ULTIMATUM" -> {
                // "gave Moscow until noon on Thursday to ...": an ultimatum to the state named in between
                int g = -1;
                for (int k = i - 1; k >= Math.max(from, i - 5); k--) {
                    if (t.in(givingVerbs, k)) {
                        g = k;
                        break;
                    }
                }
                if (g < 0 || g + 1 >= i || actors.mentionAt(g + 1) == null && !(g + 2 < i && actors.mentionAt(g + 2) != null)) {
                    return null;
                }
                anchor = g;
            }
            case "RESTOREOBJ" -> {
                if (seg.before(i, from, 6, undoingVerbs)) {
                    return null; // "withdrawing permission to reopen": the opposite of an agreement
                }
                if (!seg.after(end, to, 5, restorableObjects)
                        || seg.after(end, to, 3, economicTies)) {
                    return null;
                }
            }
            case "LIFTOBJ" -> {
                if (!seg.after(end, to, 4, liftObjects)) {
                    return null;
                }
            }
            default -> {
            }
        }
        if (d.type().equals("RESTRICT") && t.lower[i].equals("no")) {
            // "X nationals will no longer be allowed to travel ... under a visa exemption": only a visa regime
            // makes this a measure; "no longer allowed to hire" and the like are the generic case below
            type = seg.after(end, to, 10, visaWords) ? ActionType.RESTRICT_VISAS : restrictionType(i, end, from, to);
            if (type == null) {
                return null;
            }
            passive = true; // those no longer allowed are acted upon

        } else if (d.type().equals("RESTRICT") && seg.after(end, to, 3, operationsNouns)
                && seg.after(end, to, 7, missionNouns)) {
            type = ActionType.CLOSE_MISSION; // "suspended operations at its embassy in X": the mission stops working
        } else if (d.type().equals("RESTRICT") && t.lower[i].startsWith("den") && end < to
                && (t.in(denialObjects, end) || isGerund(end))) {
            return null; // "denies expelling ...", "denied any involvement": a denial, not visas denied
        } else if (d.type().equals("RESTRICT") && (t.lower[i].startsWith("reduc") || t.lower[i].startsWith("cut"))
                && measureObjects.ownDrawdown(i, end, from, to)) {
            type = ActionType.RECALL_ENVOY; // "reduced its staff in X": one's own people brought home
        } else if (d.type().equals("RESTRICT")) {
            type = restrictionType(i, end, from, to);
            if (type == null && seg.after(end, to, 4, relationNouns) && !seg.after(end, to, 3, economicTies)) {
                type = ActionType.RECALL_ENVOY;
            }
            if (type == null && seg.after(end, to, 5, assetNouns)) {
                type = ActionType.SANCTION; // "froze the assets of"
            }
            if (type == null) {
                return null;
            }
        } else {
            type = ActionType.valueOf(d.type());
        }
        if (type == ActionType.EXPEL_DIPLOMATS && t.lower[i].equals("persona")) {
            for (int k = i - 1; k >= Math.max(from, i - 9); k--) {
                if (t.lower[k].startsWith("declar")) {
                    anchor = k;
                    passive = isParticiple(t.lower[k]) && seg.beforeAny(k, from, 3, beForms);
                    break;
                }
            }
        }
        if (t.lower[i].equals("bear") || t.lower[i].equals("face") || t.lower[i].equals("pay") || t.lower[i].startsWith("los")
                || d.needs().equals("MET") || t.lower[i].equals("act") && end - i == 3) {
            passive = true; // "Lithuania had to bear the consequences": the one who bears them is threatened
        }
        if (anchor > from + 1 && (t.lower[anchor - 1].equals("must") || t.lower[anchor - 2].equals("must")
                || t.lower[anchor - 1].equals("to") && (t.lower[anchor - 2].equals("has") || t.lower[anchor - 2].equals("have")))) {
            passive = true; // "London must cut its staff": the one who must is acted upon
        }
        return new Trig(i, end, anchor, d, type, passive);
    }

    /**
     * The order verb of "to leave": within eight words before it, not counting an apposition or a
     * relative clause between commas ("ordered the ambassador, Jane Doe, to leave", "gave the 12
     * officials, who work for the ministry, 48 hours to leave").
     */
    private int orderVerbBefore(int i, int from) {
        int budget = 8;
        for (int k = i - 1; k >= from && budget > 0; k--) {
            if (t.in(orderVerbs, k)) {
                return k;
            }
            if (t.lower[k].equals(",")) {
                int open = -1;
                for (int j = k - 1; j >= Math.max(from, k - 12); j--) {
                    String l = t.lower[j];
                    if (l.equals(",")) {
                        open = j;
                        break;
                    }
                    if (l.equals(";") || l.equals(":") || orderVerbs.contains(l) && !l.equals("have") && !l.equals("has")) {
                        break;
                    }
                }
                if (open > from) {
                    k = open;
                    continue;
                }
            }
            budget--;
        }
        return -1;
    }

    /** "withdrawing all diplomatic staff from ...": a mission's diplomats as a whole. */
    private boolean diplomaticStaffAfter(int end, int to) {
        for (int k = end; k + 1 < Math.min(to, end + 5); k++) {
            if (t.lower[k].equals("diplomatic") && (t.lower[k + 1].equals("staff") || t.lower[k + 1].equals("personnel")
                    || t.lower[k + 1].equals("corps"))) {
                return true;
            }
        }
        return false;
    }

    private ActionType restrictionType(int i, int end, int from, int to) {
        int best = Integer.MAX_VALUE;
        ActionType type = null;
        for (int k = Math.max(from, i - 5); k < Math.min(to, end + 6); k++) {
            String l = t.lower[k];
            if (l.equals("consular") && k + 1 < to && !(t.lower[k + 1].equals("services") || t.lower[k + 1].equals("service")
                    || t.lower[k + 1].equals("section") || t.lower[k + 1].equals("affairs"))) {
                continue; // "consular staff" are staff
            }
            ActionType c = visaWords.contains(l) ? ActionType.RESTRICT_VISAS
                    : staffWords.contains(l) ? ActionType.RESTRICT_STAFF
                    : goodsWords.contains(l) ? ActionType.TRADE_MEASURE : null;
            if (c != null && Math.abs(k - i) < best) {
                best = Math.abs(k - i);
                type = c;
            }
        }
        return type;
    }

    /** A lower-case -ing form: "denies expelling", "denied targeting". */
    private boolean isGerund(int k) {
        String w = t.word[k];
        return w.length() > 4 && w.endsWith("ing") && Character.isLowerCase(w.charAt(0));
    }

    private boolean isParticiple(String w) {
        return w.endsWith("ed") || irregularParticiples.contains(w);
    }

    /** "gave Moscow until noon to ...": the verbs of an ultimatum. */
    private final Set<String> givingVerbs;
    /** Past participles without -ed of the trigger verbs: "were told to leave", "was shut". */
    private final Set<String> irregularParticiples;

    /** A demonym before a person (not "the Iranian judiciary executed"): within five words after the act. */
    private boolean foreignPersonAfter(int end, int to) {
        for (int k = end; k < Math.min(to, end + 5); k++) {
            Mention m = actors.mentionAt(k);
            if (m == null) {
                continue;
            }
            if (m.kind == ActorKind.PLURAL) {
                return true;
            }
            int j = m.to;
            while (j < to && (t.word[j].equals("-") || actors.mentionAt(j) != null)) {
                j = actors.mentionAt(j) != null ? actors.mentionAt(j).to : j + 1; // "German-Iranian"
            }
            return m.kind == ActorKind.ADJ && j < to && (t.in(personNouns, j) || t.in(peopleWords, j));
        }
        return false;
    }

    /** Whether the action word is a noun here ("the freezing of", "sanctions", "a ban"), not a verb. */
    boolean isNominal(Trig tr) {
        String w = t.lower[tr.from()];
        if (w.endsWith("ing") && tr.to() < t.size && t.lower[tr.to()].equals("of")) {
            return true; // "the freezing of new trade"
        }
        if (w.endsWith("ion") && tr.from() > 0 && t.in(verbOpeners, tr.from() - 1)) {
            return false; // "agreed to sanction 19 officials", "will sanction": a verb that looks like a noun
        }
        return w.endsWith("ion") || w.endsWith("ions") || w.endsWith("ure") || w.endsWith("ures") || w.equals("sanctions")
                || w.equals("ban") && tr.from() > 0 && (t.lower[tr.from() - 1].equals("a") || t.lower[tr.from() - 1].equals("the"));
    }
}
