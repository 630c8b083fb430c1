package io.riposte.extraction.internal;

import io.riposte.domain.ActionType;
import io.riposte.extraction.internal.Lexicon.ActorKind;
import io.riposte.extraction.internal.Mention.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Part of the direction pass ({@link Direction}): how well each state mention of a sentence fits as the source
 * (agent) and as the target (patient) of one action: its role, its side of the trigger in the active or passive
 * voice, its distance, its clause, and the markers "by X", "on/against X", "of X", "leave X", "X's decision to", an
 * adjective before a noun trigger, the speaker of a quote, the one told or asked to act.
 *
 * <p>Word lists ({@code words.tsv}): {@code MISSION_NOUNS}, {@code ORDER_VERBS}, {@code PERSON_NOUNS},
 * {@code TELLING_VERBS}, {@code TARGET_PREPOSITIONS}.
 */
final class SideScores {
    private final Tokens t;
    private final Lexicon lex;
    private final Segmentation seg;
    private final SpeechActs speech;
    private final Framing framing;
    private final Set<String> missionNouns;
    /** "sanctions on X", "measures against X": the one a measure is aimed at follows these. */
    private final Set<String> targetPrepositions;
    private final Set<String> orderVerbs;
    private final Set<String> personNouns;
    private final Set<String> tellingVerbs;

    SideScores(Tokens tokens, Lexicon lex, Segmentation seg, SpeechActs speech, Framing framing) {
        this.t = tokens;
        this.lex = lex;
        this.seg = seg;
        this.speech = speech;
        this.framing = framing;
        this.missionNouns = lex.words("MISSION_NOUNS");
        this.targetPrepositions = lex.words("TARGET_PREPOSITIONS");
        this.orderVerbs = lex.words("ORDER_VERBS");
        this.personNouns = lex.words("PERSON_NOUNS");
        this.tellingVerbs = lex.words("TELLING_VERBS");
    }

    /**
     * Each candidate mention's score as the source (index 0) and as the target (1) of the action of trigger tr:
     * its role, side and distance ({@link #sourceScore}, {@link #targetScore}), then the frames that override them
     * (the subject of an earlier verb, "demanded that X", "asked X to", the speaker of a quote, the one who
     * threatens, "by X", "against X", "US sanctions"). b1 is the clause boundary before the anchor; antecedent the
     * state a relative pronoun stands for, or null.
     */
    Map<Mention, double[]> score(Trig tr, List<Mention> cands, int from, List<Trig> all, int b1, boolean nominal,
            Mention antecedent) {
        int a = tr.anchor();
        boolean threatened = speech.threatVerbBefore(a, from);
        Map<Mention, double[]> sc = new HashMap<>();
        Mention nearestLeftAgent = null;
        for (Mention m : cands) {
            if (m.to <= a && !m.clauseOut && (m.role == Role.AGENT || m.role == Role.MISSION) && !objectOfVerb(m, from)) {
                nearestLeftAgent = m;
            }
        }
        for (Mention m : cands) {
            double[] v = {sourceScore(m, tr, a, nominal), targetScore(m, tr, a, nominal)};
            if (m == nearestLeftAgent && !tr.passive()) {
                v[0] += 1.5;
            }
            if (m == antecedent && !tr.passive()) {
                v[0] += 3;
            }
            if (m.to <= a && objectOfVerb(m, from) && !tr.passive()) {
                v[0] -= 2; // "Baku has accused Paris of interference and recalled its ambassador": Paris is accused
            }
            if (m.to <= a) {
                for (Trig o : all) {
                    if (o != tr && o.to() <= m.from && o.anchor() < a && o.type() != tr.type() && (m.clauseOut || o.from() >= b1)) {
                        v[0] -= 3; // "imposed tariffs on Australian barley and suspended ...": the object of the earlier verb
                        break;
                    }
                }
            }
            if (m.from >= tr.to()) {
                for (Trig o : all) {
                    if (o != tr && o.from() >= tr.to() && o.to() <= m.from && o.type() != tr.type()) {
                        v[0] -= 3; // the mention belongs to the action named between
                        v[1] -= 3;
                        break;
                    }
                }
            }
            if (m.to == a && m.from > from + 1 && t.lower[m.from - 1].equals("that")
                    && t.in(tellingVerbs, m.from - 2)) {
                v[0] -= 4; // "demanded that Vilnius withdraw": Vilnius is told
                v[1] += 5;
            }
            if (m.to <= a && a - m.to <= 3 && a > 0 && t.lower[a - 1].equals("to") && m.from > from
                    && (t.in(orderVerbs, seg.prevWord(m.from)) || t.lower[seg.prevWord(m.from)].equals("forced"))) {
                v[0] -= 4; // "asked Canada to reduce": Canada is told, the asker acts
                v[1] += 5;
            }
            if (tr.type() == ActionType.THREATEN_RETALIATION && m.from >= tr.to() && speech.retaliatesNext(m)) {
                v[0] += 4; // "warned that Beijing would retaliate": who will retaliate is who threatens
                v[1] -= 4;
            }
            if (m.from >= tr.to() && seg.isSpeaker(m)) {
                v[0] += 4; // "'We will respond,' Zakharova said": the speaker after a quote acts
                v[1] -= 3;
            }
            if ((tr.type() == ActionType.THREATEN_RETALIATION || threatened) && m.role == Role.PEOPLE && m.to <= a && !m.clauseOut) {
                v[0] += 3; // "Russian officials warned ...", "Moscow's envoy threatened to ...": people who speak act for their state
                v[1] -= 2;
            }
            if (tr.type() == ActionType.RESTRICT_VISAS && m.to < t.size && (t.lower[m.to].equals("visa") || t.lower[m.to].equals("visas"))) {
                v[0] += 5; // "Indian visa services": India issues them
            }
            if (tr.type() == ActionType.RECALL_ENVOY && m.role == Role.PEOPLE && (m.from >= tr.to() && m.from - tr.to() <= 5
                    || tr.passive() && m.to <= a && !m.clauseOut)) {
                v[0] += 4; // one recalls one's own ambassador ("Mexico's ambassador to Peru was recalled")
                v[1] -= 8;
            }
            if (tr.type() == ActionType.SUMMON_ENVOY && m.role == Role.HOST && m.from >= tr.to() && m.from - tr.to() <= 8) {
                v[0] += 6; // "summoned to the foreign ministry in New Delhi"
            }
            if ((tr.def().needs().equals("MET") || t.lower[tr.from()].equals("act")) && m.from > from) {
                // "any step by X would be met with ...", "an act of war against Y by X": X is warned, Y warns
                String p = t.lower[seg.prevWord(m.from)];
                if (p.equals("by")) {
                    v[0] -= 8;
                    v[1] += 6;
                } else if (p.equals("against") && m.from >= tr.to()) {
                    v[0] += 6;
                    v[1] -= 8;
                }
            }
            if (tr.type() == ActionType.THREATEN_RETALIATION && m.to <= a && framing.addressee(m.from, from)) {
                v[0] -= 8; // "made it clear to Tehran that ... would have serious consequences": Tehran is warned
                v[1] += 6;
            }
            if (nominal && m.to == tr.from() && (m.kind == ActorKind.ADJ || m.kind == ActorKind.NAME)) {
                v[0] += 4; // "US sanctions", "the Russian expulsion"
                v[1] -= 2;
            }
            sc.put(m, v);
        }
        return sc;
    }

    private double sourceScore(Mention m, Trig tr, int a, boolean nominal) {
        double v = switch (m.role) {
            case AGENT -> 2;
            case MISSION -> 1;
            case PLAIN -> 0.5;
            case PEOPLE -> -1;
            case HOST -> -2;
        };
        boolean left = m.to <= a;
        if (!tr.passive()) {
            v += left ? 2 : -1;
        } else if (left && !(m.role == Role.PEOPLE || m.role == Role.MISSION || m.role == Role.PLAIN || a - m.to <= 4)) {
            v += 0.5; // the speaker of "X said that the diplomats were expelled"
        } else {
            v += left ? -1.5 : 0;
        }
        v -= 0.08 * Math.abs((left ? a - m.to : m.from - tr.to()));
        int p = seg.prevWord(m.from);
        String prev = p >= 0 ? t.lower[p] : "";
        if (!left && prev.equals("of")) {
            v += tr.type() == ActionType.RECALL_ENVOY && m.role == Role.PEOPLE ? 2 : -2;
        }
        if (m.clauseOut) {
            v -= 2;
        }
        if (!left && m.from - tr.to() <= 10 && prev.equals("by")) {
            v += 8;
        }
        if (m.possessive && left && a - m.to <= 6 && possessiveAttached(m, a)) {
            v += 5;
        }
        if (!left && m.from >= tr.to() && tr.type() == ActionType.EXPEL_DIPLOMATS && m.from - tr.to() <= 6 && m.role != Role.MISSION && m.role != Role.PEOPLE
                && (prev.equals("leave") || prev.equals("from") || (prev.equals("of") && p > 0 && t.lower[p - 1].equals("out")))) {
            v += 8 + (m.role == Role.HOST ? 4 : 0);
        }
        if (!left && tr.type() == ActionType.SUMMON_ENVOY && m.from - tr.to() <= 4 && (prev.equals("to") || prev.equals("by"))) {
            v += 8;
        }
        if (tr.type() == ActionType.CLOSE_MISSION && m.role == Role.MISSION) {
            v -= 3; // "the US consulate in Chengdu closes": a state's mission is what is closed, not who closes it
        }
        if (!left && m.from - tr.to() <= 3 && targetPrepositions.contains(prev)) {
            v -= 3;
        }
        return v;
    }

    private double targetScore(Mention m, Trig tr, int a, boolean nominal) {
        double v = switch (m.role) {
            case PEOPLE -> 3;
            case MISSION, AGENT, PLAIN -> 1;
            case HOST -> 0;
        };
        if (m.clauseOut) {
            v -= 2;
        }
        if (m.kind == ActorKind.PERSON) {
            v -= 0.5;
        }
        boolean left = m.to <= a;
        if (!tr.passive()) {
            v += left ? -2 : 2;
        } else if (left && !(m.role == Role.PEOPLE || m.role == Role.MISSION || m.role == Role.PLAIN || a - m.to <= 4)) {
            v += 0; // "X said that the diplomats were expelled": X is not the subject of the passive
        } else {
            v += left ? 2 : 0;
        }
        v -= 0.08 * Math.abs((left ? a - m.to : m.from - tr.to()));
        int p = seg.prevWord(m.from);
        String prev = p >= 0 ? t.lower[p] : "";
        if (!left && m.from - tr.to() <= 4 && targetPrepositions.contains(prev)) {
            v += 5;
        }
        if (!left && m.from - tr.to() <= 8 && prev.equals("of")) {
            v += 2;
        }
        if (tr.type() == ActionType.CLOSE_MISSION && m.role == Role.MISSION) {
            v += 3;
        }
        if (!left && prev.equals("by")) {
            v -= 10;
        }
        if (m.possessive && left && a - m.to <= 6 && possessiveAttached(m, a)) {
            v -= 4;
        }
        return v;
    }

    /** "Moscow's decision to expel": nothing but modifiers between the possessive and the trigger. */
    private boolean possessiveAttached(Mention m, int a) {
        for (int k = m.to + 1; k < a; k++) {
            String l = t.lower[k];
            if (personNouns.contains(l) || missionNouns.contains(l) || lex.triggerWords.contains(l) || l.equals(",")) {
                return false;
            }
        }
        return true;
    }

    /** A mention right after a lower-case past form ("accused Paris", "backed Armenia"): the object of another verb. */
    private boolean objectOfVerb(Mention m, int from) {
        int p = seg.prevWord(m.from);
        if (p < from) {
            return false;
        }
        String w = t.word[p];
        return w.length() > 4 && w.endsWith("ed") && Character.isLowerCase(w.charAt(0)) && !t.in(lex.triggerWords, p)
                && !t.in(orderVerbs, p);
    }
}
