package io.riposte.extraction.internal;

import io.riposte.domain.ActionType;
import io.riposte.extraction.internal.Lexicon.ActorKind;
import io.riposte.extraction.internal.Mention.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The direction pass: which state acts on which. Every state mention of the sentence is scored as source and as
 * target ({@link SideScores}: agent/patient by role and side, passive voice, "by", "from", "of", "against"), the
 * best pair of two different states that are not members of one list wins; then the frames that change the
 * pair: a relative pronoun's antecedent, reciprocal actions ("each other's"), a sentence naming one state (the
 * article's counterpart, a pronoun subject's antecedent), the speaker of a threat with no agent, an organisation
 * acting, a group of states acted upon ("Western diplomats").
 *
 * <p>Word lists ({@code words.tsv}): {@code DIPLOMAT_NOUNS}, {@code GROUP_ADJECTIVES}, {@code LIGHT_VERBS},
 * {@code ORGANISATION_NAMES}, {@code PERSON_NOUNS}, {@code SUBJECT_PRONOUNS}, {@code SUBORDINATORS},
 * {@code ATTACHING_PREPOSITIONS}.
 */
final class Direction {
    private final Tokens t;
    private final Lexicon lex;
    private final Segmentation seg;
    private final ActorMentions actors;
    private final MeasureFrames frames;
    private final SideScores scores;
    private final Framing framing;
    private final MeasureObjects measureObjects;
    private final ThreatFrames threatFrames;
    private final Set<String> diplomatNouns;
    /** "the expulsion of / by / from X": a state right after a nominal trigger is one of its sides. */
    private final Set<String> attachingPrepositions;
    private final Set<String> lightVerbs;
    private final Set<String> personNouns;
    private final Set<String> subordinators;

    Direction(Tokens tokens, Lexicon lex, Segmentation seg, ActorMentions actors, MeasureFrames frames, SideScores scores, Framing framing, MeasureObjects measureObjects, ThreatFrames threatFrames) {
        this.t = tokens;
        this.lex = lex;
        this.seg = seg;
        this.actors = actors;
        this.frames = frames;
        this.scores = scores;
        this.framing = framing;
        this.measureObjects = measureObjects;
        this.threatFrames = threatFrames;
        this.diplomatNouns = lex.words("DIPLOMAT_NOUNS");
        this.attachingPrepositions = lex.words("ATTACHING_PREPOSITIONS");
        this.groupAdjectives = lex.words("GROUP_ADJECTIVES");
        StringBuilder initials = new StringBuilder();
        for (String w : groupAdjectives) {
            initials.append(w.charAt(0));
        }
        this.groupInitials = initials.toString();
        this.lightVerbs = lex.words("LIGHT_VERBS");
        this.organisationNames = lex.wordsAsWritten("ORGANISATION_NAMES");
        this.personNouns = lex.words("PERSON_NOUNS");
        this.subjectPronouns = lex.words("SUBJECT_PRONOUNS");
        this.subordinators = lex.words("SUBORDINATORS");
    }

    /** An action's sides found: the hit, the clause boundary before its anchor, and whether its trigger is a noun. */
    record Found(Hit hit, int clauseStart, boolean nominal) {
    }

    private static final boolean DEBUG = System.getenv("RIPOSTE_DEBUG") != null;

    /**
     * The sides of the action of trigger tr in sentence s, as a hit with its type, source, target, anchor and base
     * confidence, with the clause boundary before the anchor and whether the trigger is a noun; null when the
     * action has no sides (no state, no direction, an organisation acting, a group of states acted upon) or is no
     * act (a comment on a record, soldiers sent home, a noun with no actor attached).
     */
    Found find(Trig tr, int s, int from, int to, List<Trig> all, Hit lastHitInSentence) {
        List<Mention> cands = new ArrayList<>();
        for (Mention m : actors.inSentence(s)) {
            if (m.from >= from && m.to <= to) {
                cands.add(m);
            }
        }
        if (cands.isEmpty()) {
            return null;
        }
        int a = tr.anchor();
        // an object named after its governing verb ("suspended the cooperation agreement") is that verb's act
        boolean nominal = !tr.def().needs().equals("HOSTILEVERB") && (tr.def().kind() == 'N' || frames.isNominal(tr));
        if (nominal && framing.recordPhrase(tr.from(), tr.to(), from, to)) {
            return null; // "the first expulsion of an ambassador from X since 1945": a comment on an act told elsewhere
        }
        if (measureObjects.militaryObject(tr, from, to)) {
            return null; // soldiers sent home are no diplomatic measure
        }
        int b1 = from;
        int b2 = to;
        for (int k = a - 1; k >= from; k--) {
            if (seg.isClauseBoundary(k)) {
                b1 = k;
                break;
            }
        }
        for (int k = tr.to(); k < to - 1; k++) {
            if (seg.isClauseBoundary(k)) {
                b2 = k;
                break;
            }
        }
        boolean attached = false;
        Mention antecedent = null;
        for (Mention m : cands) {
            m.clauseOut = m.to <= b1 || m.from >= b2;
            if (b1 > from && (t.lower[b1].equals("which") || t.lower[b1].equals("who"))
                    && (m.to == b1 || m.to == b1 - 1 && t.word[b1 - 1].equals(",") || headNounBefore(m, b1))) {
                // "Poland, which expelled four Russians", "the Serbian state, which recalled ...": the relative
                // pronoun stands for the state
                m.clauseOut = false;
                antecedent = m;
            }
            if (m.to <= tr.from() && (tr.from() - m.to <= (m.possessive ? 4 : 0))) {
                attached = true;
            }
            if (m.from >= tr.to() && m.from - tr.to() <= 6 && tr.to() < to) {
                String l = t.lower[tr.to()];
                if (attachingPrepositions.contains(l)) {
                    attached = true;
                }
                if (tr.to() + 1 < to && l.endsWith("ed") && t.lower[tr.to() + 1].equals("by") && m.from - tr.to() <= 4) {
                    attached = true; // "sanctions approved by the U.S. Congress"
                }
            }
            if (m.from >= tr.to() && m.from - tr.to() <= 9 && m.from > 0
                    && (t.lower[seg.prevWord(m.from)].equals("on") || t.lower[seg.prevWord(m.from)].equals("against"))) {
                attached = true;
            }
        }
        for (int k = Math.max(from, tr.from() - 3); k < tr.from(); k++) {
            if (t.in(lightVerbs, k)) {
                attached = true; // "Beijing imposed tariffs": the verb's subject is the tariffs' author
            }
        }
        if (nominal && tr.type() != ActionType.THREATEN_RETALIATION && !attached) {
            return null; // "these expulsions followed earlier disputes": a recalled action with no actor of its own
        }
        Map<Mention, double[]> sc = scores.score(tr, cands, from, all, b1, nominal, antecedent);
        if ((tr.type() == ActionType.AGREE || tr.type() == ActionType.NEGOTIATE) && conjoinedStates(cands, a)) {
            return null; // "X and Y agreed": no direction
        }
        String source = null;
        String target = null;
        Mention sourceM = null;
        Mention targetM = null;
        double best = -1e9;
        for (Mention ms : cands) {
            for (Mention mt : cands) {
                if (ms.iso.equals(mt.iso) || actors.coordinated(ms, mt)) {
                    continue;
                }
                double v = sc.get(ms)[0] + sc.get(mt)[1];
                if (v > best) {
                    best = v;
                    source = ms.iso;
                    target = mt.iso;
                    sourceM = ms;
                    targetM = mt;
                }
            }
        }
        if (DEBUG) {
            StringBuilder db = new StringBuilder("TRIG " + t.word[tr.from()] + " " + tr.type() + " passive=" + tr.passive() + " ->" + source + ">" + target + " :");
            for (Mention m : cands) {
                db.append(String.format(" %s/%s/%s[%.1f,%.1f]", t.word[m.from], m.iso, m.role, sc.get(m)[0], sc.get(m)[1]));
            }
            System.err.println(db);
        }
        double confidence = 0.75;
        if (!tr.passive() && organisationActs(cands, from, a)) {
            return null; // "The European Union imposed sanctions on Russia": not a state's action
        }
        boolean reciprocal = false;
        if (tr.type().isHostileMeasure() && isReciprocal(Math.max(from, b1), Math.min(to, b2 + 1))) {
            // "Canada and India expelled each other's diplomats": the coordinated pair, both ways
            for (Mention ms : cands) {
                for (Mention mt : cands) {
                    if (!reciprocal && !ms.clauseOut && !mt.clauseOut && ms.from < mt.from && !ms.iso.equals(mt.iso) && actors.coordinated(ms, mt)) {
                        source = ms.iso;
                        target = mt.iso;
                        sourceM = null;
                        targetM = null;
                        reciprocal = true;
                    }
                }
            }
        }
        if (source == null && cands.stream().map(m -> m.iso).distinct().count() > 1) {
            return null; // "Putin and Biden agreed ...": several states, no direction
        }
        if (source != null && !reciprocal) {
            // an implicit counterpart is a neutral (0) candidate: better than a named state that fits badly
            Mention bs = best(cands, sc, 0);
            Mention bt = best(cands, sc, 1);
            double asSource = bs.clauseOut ? -1e9 : sc.get(bs)[0];
            double asTarget = bt.clauseOut ? -1e9 : sc.get(bt)[1];
            if (Math.max(asSource, asTarget) > best + 2.0) {
                String x = asSource >= asTarget ? bs.iso : bt.iso;
                String other = null;
                for (Mention m : cands) {
                    if (!m.iso.equals(x) && m.clauseOut && other == null) {
                        other = m.iso;
                    }
                }
                if (other == null) {
                    other = actors.counterpart(x, cands);
                }
                if (other != null && !other.equals(x)) {
                    source = asSource >= asTarget ? x : other;
                    target = asSource >= asTarget ? other : x;
                    sourceM = asSource >= asTarget ? bs : null;
                    targetM = asSource >= asTarget ? null : bt;
                }
            }
        }
        boolean subordinateSubject = b1 > from && t.in(subordinators, b1) && b1 + 1 < a
                && !(t.lower[b1 + 1].endsWith("ing") && !actors.hasMention(b1 + 1));
        if (subordinateSubject && cands.stream().allMatch(m -> m.clauseOut)) {
            return null; // "... after police stormed its embassy": the clause has its own, unnamed, actor
        }
        if (lastHitInSentence != null && cands.stream().allMatch(m -> m.clauseOut) && !subordinateSubject) {
            // "X froze trade with Y, while reserving the right to ...": the same actor goes on
            source = lastHitInSentence.source;
            target = lastHitInSentence.target;
            sourceM = null;
            targetM = null;
        }
        if (source == null) {
            // one state in the sentence: it acts or is acted upon; the other side is the article's counterpart
            Mention bs = best(cands, sc, 0);
            Mention bt = best(cands, sc, 1);
            String x = bs.iso;
            String other = actors.counterpart(x, cands);
            if (other == null) {
                return null;
            }
            boolean threatBySpeaker = tr.type() == ActionType.THREATEN_RETALIATION && bs.to <= a && !bs.clauseOut && sc.get(bs)[0] > 0;
            if (threatBySpeaker || sc.get(bs)[0] >= sc.get(bt)[1]) {
                source = x;
                target = other;
                sourceM = bs;
            } else {
                String ante = pronounAntecedent(s, from, a, x);
                source = ante != null ? ante : other;
                target = x;
                targetM = bs;
            }
            confidence = 0.6;
        }
        if (tr.def().needs().equals("TAKEN")) {
            // "other measures will be taken", "X said": no agent in the clause, the speaker answers the other side
            Mention speaker = threatFrames.speaker(from, to);
            if (speaker != null) {
                source = speaker.iso;
                sourceM = speaker;
                target = null;
                targetM = null;
                for (Mention m : cands) {
                    if (target == null && !m.iso.equals(source)) {
                        target = m.iso;
                        targetM = m;
                    }
                }
                if (target == null) {
                    target = actors.counterpart(source, cands);
                }
                if (target == null) {
                    return null;
                }
            } else if (cands.stream().map(m -> m.iso).distinct().count() == 1) {
                // "If X goes ahead, a similar step will be taken against it," he said: the one named is warned
                target = cands.get(0).iso;
                targetM = cands.get(0);
                source = actors.counterpart(target, cands);
                sourceM = null;
                if (source == null) {
                    return null;
                }
            }
        }
        if (!reciprocal && groupObject(tr, from, to, targetM)) {
            return null; // "expelled more than 300 Western diplomats since its invasion of Ukraine": no state is the target
        }
        Hit h = new Hit();
        h.reciprocal = reciprocal;
        h.type = tr.type();
        h.source = source;
        h.target = target;
        h.sourceMention = sourceM;
        h.targetMention = targetM;
        h.sentence = s;
        h.anchor = a;
        h.confidence = confidence;
        return new Found(h, b1, nominal);
    }

    /** "the Serbian state, which": one lower-case head noun (no action word) between the mention and ", which". */
    private boolean headNounBefore(Mention m, int which) {
        int noun = which - 2;
        return noun >= 1 && m.to == noun && t.word[which - 1].equals(",") && Character.isLowerCase(t.word[noun].charAt(0))
                && Character.isLetter(t.word[noun].charAt(0)) && !t.in(lex.triggerWords, noun) && (m.kind == ActorKind.ADJ);
    }

    private final Set<String> organisationNames;

    /** An organisation (EU, NATO, ...) nearer to the trigger on its subject side than any state. */
    private boolean organisationActs(List<Mention> cands, int from, int a) {
        int nearestState = -1;
        for (Mention m : cands) {
            if (m.to <= a && !m.clauseOut) {
                nearestState = Math.max(nearestState, m.to);
            }
        }
        for (int k = a - 1; k >= Math.max(from, nearestState); k--) {
            if (organisationNames.contains(t.word[k]) && (actors.mentionAt(k) == null)) {
                return true;
            }
        }
        return false;
    }

    private boolean isReciprocal(int from, int to) {
        for (int k = from; k + 1 < to; k++) {
            String l = t.lower[k];
            String n = t.lower[k + 1];
            if (l.equals("each") && (n.equals("other") || n.equals("side")) || l.equals("one") && n.equals("another")
                    || l.equals("both") && n.equals("sides")) {
                return true;
            }
        }
        return false;
    }

    private boolean conjoinedStates(List<Mention> cands, int a) {
        for (Mention m : cands) {
            for (Mention n : cands) {
                if (m.to <= a && n.from > m.to && n.to <= a && !m.iso.equals(n.iso)) {
                    for (int k = m.to; k < n.from; k++) {
                        if (t.lower[k].equals("and")) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private final Set<String> subjectPronouns;

    /**
     * "Nicaragua issued a statement. It said it too was breaking off relations with Quito": a pronoun
     * subject before the action word, with no state named between, stands for the first actor of the
     * previous sentence (a state, or a person of one: "Russia's ambassador ... she said").
     */
    private String pronounAntecedent(int s, int from, int a, String other) {
        boolean pronoun = false;
        for (int k = from; k < a; k++) {
            if (actors.mentionAt(k) != null) {
                pronoun = false;
            } else if (t.in(subjectPronouns, k)) {
                pronoun = true;
            }
        }
        if (!pronoun || s == 0) {
            return null;
        }
        for (Mention m : actors.inSentence(s - 1)) {
            if (m.role == Role.AGENT || m.role == Role.PEOPLE && m.possessive) {
                return m.iso.equals(other) ? null : m.iso;
            }
        }
        return null;
    }

    /** Adjectives that make people a group of several states: "Western diplomats", "EU envoys". */
    private final Set<String> groupAdjectives;
    /** Their first letters: most words are ruled out before any set lookup. */
    private final String groupInitials;

    /**
     * Whether the people acted upon are a group of states ("European diplomats were expelled") with no state of
     * their own named in the object: then a state elsewhere in the sentence is not the target.
     */
    private boolean groupObject(Trig tr, int from, int to, Mention targetM) {
        int lo = tr.passive() ? Math.max(from, tr.from() - 6) : tr.to();
        int hi = tr.passive() ? tr.from() : Math.min(to, tr.to() + 6);
        for (int k = lo; k < hi; k++) {
            String l = t.lower[k];
            if (l.isEmpty() || groupInitials.indexOf(l.charAt(0)) < 0 || !groupAdjectives.contains(l)) {
                continue;
            }
            for (int j = k + 1; j < Math.min(to, k + 3); j++) {
                if (t.in(diplomatNouns, j) || t.in(personNouns, j)) {
                    // "Western diplomats from Britain and France" still name their states
                    return targetM == null || targetM.from < lo || targetM.from > j + 3 || framing.subordinateBetween(j, targetM.from);
                }
            }
        }
        return false;
    }

    /** The first mention with the highest score as source (side 0) or target (side 1). */
    private static Mention best(List<Mention> cands, Map<Mention, double[]> sc, int side) {
        Mention best = null;
        for (Mention m : cands) {
            if (best == null || sc.get(m)[side] > sc.get(best)[side]) {
                best = m;
            }
        }
        return best;
    }
}
