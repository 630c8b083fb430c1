package io.riposte.extraction.internal;

import io.riposte.domain.ActionType;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import io.riposte.extraction.internal.Lexicon.Phrase;
import io.riposte.extraction.internal.Mention.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The provocation pass: response cues ({@code cues.tsv}: "in retaliation for", "in response to", "tit-for-tat", ...)
 * and what they link; grievances cited as the provocation (a criticism, a decision, a visit: an OTHER action of the
 * other side); "the move" pointing back at an act told before; "A, a day after B" (B dated by the gap); "X followed
 * suit"; "A after X questioned ..." (the statement as the provocation).
 *
 * <p>Word lists ({@code words.tsv}): {@code ANAPHORIC_GRIEVANCES}, {@code CUE_DETAIL_OPENERS},
 * {@code FOLLOWING_PHRASES}, {@code FOLLOWING_NOT_YET}, {@code GRIEVANCE_NOUNS}, {@code STATEMENT_VERBS}, {@code TIME_UNITS}.
 */
final class Provocations {
    private final Tokens t;
    private final Lexicon lex;
    private final Segmentation seg;
    private final ActorMentions actors;
    private final LocalDate published;
    private final Set<String> cueDetailOpeners;
    private final Set<String> followingPhrases;
    private final Set<String> timeUnits;
    private final Set<String> pluralAuthors;
    private final CrossDyadCues crossDyad;

    /** A cue sentence with no action of its own, waiting for the next sentence's actions ("In particular, ..."). */
    private final List<int[]> pendingCues = new ArrayList<>();
    private boolean pendingMirror;
    private String pendingCue;

    Provocations(Tokens tokens, Lexicon lex, Segmentation seg, ActorMentions actors, LocalDate published) {
        this.t = tokens;
        this.lex = lex;
        this.seg = seg;
        this.actors = actors;
        this.published = published;
        this.anaphoricGrievances = lex.words("ANAPHORIC_GRIEVANCES");
        this.cueDetailOpeners = lex.words("CUE_DETAIL_OPENERS");
        this.followingPhrases = lex.words("FOLLOWING_PHRASES");
        this.followingNotYet = lex.words("FOLLOWING_NOT_YET");
        this.grievanceNouns = lex.words("GRIEVANCE_NOUNS");
        this.statementVerbs = lex.words("STATEMENT_VERBS");
        this.afterConnectives = lex.words("STATEMENT_AFTER_CONNECTIVES");
        this.timeUnits = lex.words("TIME_UNITS");
        this.pluralAuthors = lex.words("PLURAL_GRIEVANCE_AUTHORS");
        this.crossDyad = new CrossDyadCues(tokens, lex, seg, actors);
    }

    /**
     * Links the actions of sentence s by its response cues: an answer before the cue to the other side's act after it
     * ("A in retaliation for B"), or to the act the cue's object cites (a grievance), or, for a cue without an object,
     * to the other side's earlier hostile acts (a generic provocation, resolved when merging); a cue with no action of
     * its own qualifies the previous sentence's (or, before "In particular", the next one's). Then "followed suit",
     * after-clauses and statements after "after". Adds cited provocations and followers to {@code sentenceHits}.
     */
    void link(int s, int from, int to, List<Trig> trigs, List<Dates.DateExpr> dates, List<Hit> sentenceHits, List<Hit> prevHits,
            List<Hit> hits) {
        crossDyad.mark(from, to, sentenceHits);
        // response cues
        List<int[]> cues = findCues(from, to);
        for (int[] c : cues) {
            Phrase<Boolean> p = Lexicon.longest(lex.cues, t.lower, c[0], to);
            boolean mirror = p != null && p.value();
            String cueText = t.text.substring(t.start[c[0]], t.end[c[1] - 1]);
            String lastCueWord = t.lower[c[1] - 1];
            boolean citing = lastCueWord.equals("citing") || lastCueWord.equals("cited");
            boolean hasObject = lastCueWord.equals("to") || lastCueWord.equals("for") || lastCueWord.equals("against")
                    || lastCueWord.equals("at") || lastCueWord.equals("over") || citing;
            List<Hit> before = new ArrayList<>();
            List<Hit> after = new ArrayList<>();
            for (Hit h : sentenceHits) {
                if (h.anchor < c[0]) {
                    before.add(h);
                } else if (h.anchor >= c[1]) {
                    after.add(h);
                }
            }
            if (sentenceHits.isEmpty() && citing) {
                // "Israel will close its embassy. Its minister cited Ireland's recognition of ...": the
                // reasons given for the previous sentence's unfriendly act
                Hit answering = null;
                for (Hit h : prevHits) {
                    if (h.type.severity() < 0 && !h.referenced) {
                        answering = h;
                    }
                }
                if (answering != null) {
                    answeredGrievances(grievances(c[1], to, answering, s, trigs, hits, dates), prevHits, answering, cueText,
                            sentenceHits);
                }
                continue;
            }
            if (sentenceHits.isEmpty()) {
                if (seg.startsWithAny(s + 1, cueDetailOpeners)) {
                    pendingCues.add(c);
                    pendingMirror = mirror;
                    pendingCue = cueText;
                } else {
                    for (Hit h : prevHits) {
                        markGeneric(h, mirror, cueText);
                    }
                }
                continue;
            }
            if (!before.isEmpty()) {
                Hit answering = before.get(before.size() - 1);
                if (answering.type == ActionType.THREATEN_RETALIATION && before.size() > 1 && !after.isEmpty()) {
                    // "warned it will retaliate to X": the threat answers X
                }
                if (!after.isEmpty()) {
                    for (Hit a : after) {
                        if (a.source.equals(answering.target) && a.target.equals(answering.source)) {
                            answering.provokedBy.add(a);
                            a.referenced = true;
                        }
                    }
                    answering.cue = cueText;
                    if (answering.provokedBy.isEmpty() && !hasObject) {
                        markGeneric(answering, mirror, cueText);
                    }
                } else if (!hasObject) {
                    markGeneric(answering, mirror, cueText);
                } else {
                    // "expelled the ambassador in reaction to Canadian criticism of ...": the object names
                    // no hostile act, but what the answer cites is the provocation (a statement, a call
                    // for an inquiry, a decision): an OTHER action of the other side
                    for (Hit a : authorsAnswered(c[1], to, before, answering)) {
                        answeredGrievances(grievances(c[1], to, a, s, trigs, hits, dates), before, a, cueText, sentenceHits);
                    }
                }
            } else if (hasObject) {
                // "The measures were in retaliation for X": the answer is what came before, X the provocation
                for (Hit a : after) {
                    for (Hit e : hits) {
                        if (e.source.equals(a.target) && e.target.equals(a.source)
                                && (e.type.isHostileMeasure() || e.type == ActionType.THREATEN_RETALIATION)) {
                            e.provokedBy.add(a);
                            if (e.cue == null) {
                                e.cue = cueText;
                            }
                            a.referenced = true;
                        }
                    }
                }
            } else {
                for (Hit a : after) {
                    markGeneric(a, mirror, cueText);
                }
            }
        }
        if (sentenceHits.isEmpty()) {
            followers(s, from, to, prevHits, dates, sentenceHits);
        }
        linkAfterClauses(from, to, sentenceHits);
        statementsAfter(s, from, to, sentenceHits);
        if (!pendingCues.isEmpty() && !sentenceHits.isEmpty() && cues.isEmpty()) {
            for (Hit h : sentenceHits) {
                markGeneric(h, pendingMirror, pendingCue);
            }
            pendingCues.clear();
        } else if (!pendingCues.isEmpty() && cues.isEmpty()) {
            pendingCues.clear();
        }
    }

    /**
     * Nouns that name what a state said or decided, the usual provocations of diplomatic retaliation
     * that are no coercive act: criticism, statements, calls for an inquiry, decisions, visits.
     */
    private final Set<String> grievanceNouns;

    /** Grievance nouns that may point back at an act reported before ("the move", "the decision"). */
    private final Set<String> anaphoricGrievances;

    /**
     * The provocation named as a cue's object when it is not a hostile act: the first grievance noun
     * within the clause after the cue. Its actor is a state attached to it (an adjective or possessive
     * before it, "by X" after it), else the answer's target (the side being answered); the answering
     * side itself never provokes its own answer. Dated to the year of publication only: the date of a
     * cited grievance is rarely in the cue's clause, and a year is all that can be said without it.
     */
    /**
     * The answers whose targets wrote the grievance: the last answer's target alone, unless the cue's object opens with a
     * plural pronoun ("recalled its envoys from A and B in response to their governments deciding to ..."), which
     * stands for every state the same measure answered, each the author of a grievance of its own.
     */
    private List<Hit> authorsAnswered(int from, int to, List<Hit> before, Hit answering) {
        if (from >= to || !t.in(pluralAuthors, from)) {
            return List.of(answering);
        }
        List<Hit> out = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (Hit h : before) {
            if (h.source.equals(answering.source) && h.type == answering.type && targets.add(h.target)) {
                out.add(h);
            }
        }
        return out;
    }

    /** Every answer of the answering side to the grievance's author responds to it; the grievances join the sentence's hits. */
    private static void answeredGrievances(List<Hit> grievances, List<Hit> answers, Hit answering, String cueText, List<Hit> into) {
        for (Hit g : grievances) {
            for (Hit h : answers) {
                if (h.source.equals(answering.source) && h.target.equals(g.source) && h.provokedBy.isEmpty()) {
                    h.provokedBy.add(g);
                    if (h.cue == null) {
                        h.cue = cueText;
                    }
                }
            }
            into.add(g);
        }
    }

    /**
     * The grievances a cue's object lists ("Ireland's recognition of ... in May and its decision earlier
     * this month to join ..."), each dated by a date right after it when there is one.
     */
    private List<Hit> grievances(int from, int to, Hit answering, int s, List<Trig> trigs, List<Hit> earlier,
            List<Dates.DateExpr> dates) {
        List<Hit> out = new ArrayList<>();
        int at = from;
        while (at < to) {
            Hit g = grievance(at, to, answering, s, trigs, earlier);
            if (g == null) {
                break;
            }
            int next = -1;
            for (int k = g.anchor + 1; k < Math.min(to, g.anchor + 14); k++) {
                String w = t.lower[k];
                if (w.equals(";") || w.equals(".") || seg.isClauseBoundary(k)) {
                    break;
                }
                if (w.equals("and") && next < 0) {
                    next = k + 1;
                }
            }
            for (Dates.DateExpr d : dates) {
                if (d.from() > g.anchor && d.from() - g.anchor <= 8 && (next < 0 || d.from() < next) && !d.deadline()
                        && d.date().precision() != DatePrecision.UNKNOWN) {
                    g.date = d.date().withNote("cited as the provocation");
                    g.dateFallback = false;
                    break;
                }
            }
            out.add(g);
            if (next < 0) {
                break;
            }
            at = next;
        }
        return out;
    }

    private Hit grievance(int from, int to, Hit answering, int s, List<Trig> trigs, List<Hit> earlier) {
        int head = -1;
        for (int k = from; k < Math.min(to, from + 12); k++) {
            String w = t.lower[k];
            if (w.equals(";") || w.equals(".") || (w.equals(",") && k > from + 1)) {
                break;
            }
            if (grievanceNouns.contains(w)) {
                head = k;
                break;
            }
        }
        if (head < 0) {
            return null;
        }
        // "Prague's decision a day earlier to send home 18 diplomats": a decision TO act is that act, of
        // its own kind; "criticism of the arrest of activists" stays a criticism
        for (int k = from; k < Math.min(to, head + 8); k++) {
            if (k < head && t.in(lex.triggerWords, k)) {
                return null;
            }
            if (k > head && t.lower[k].equals("to")) {
                for (int j = k + 1; j < Math.min(to, k + 4); j++) {
                    if (t.in(lex.triggerWords, j)) {
                        return null;
                    }
                }
            }
        }
        String actor = null;
        for (Mention m : actors.inSentence(s)) {
            boolean attachedBefore = m.from >= from && m.to <= head && (m.possessive || m.to == head);
            boolean byAfter = m.from > head && m.from <= head + 4 && t.lower[m.from - 1].equals("by");
            if ((attachedBefore || byAfter) && m.role != Mention.Role.HOST) {
                actor = m.iso;
                break;
            }
        }
        if (actor == null) {
            actor = answering.target;
        }
        if (actor.equals(answering.source) || answering.type.severity() >= 0) {
            return null; // only an unfriendly answer makes what it cites a provocation
        }
        if (t.in(anaphoricGrievances, head)) {
            // "Estonia expelled the ambassador. ... in response to the move": the move is the act the
            // article already reported, not a grievance of its own
            for (int k = earlier.size() - 1; k >= 0; k--) {
                Hit e = earlier.get(k);
                if (e.source.equals(actor) && e.target.equals(answering.source) && e.type.severity() < 0) {
                    if (answering.provokedBy.isEmpty()) {
                        answering.provokedBy.add(e);
                    }
                    return null;
                }
            }
        }
        return citedProvocation(actor, answering.source, s, head);
    }

    /**
     * What an answer cites, an OTHER action of {@code source} against {@code target}. Dated to the
     * publication year only: the date of a cited grievance is rarely in the clause that cites it.
     */
    private Hit citedProvocation(String source, String target, int s, int anchor) {
        Hit g = new Hit();
        g.type = ActionType.OTHER;
        g.source = source;
        g.target = target;
        g.date = published == null ? FuzzyDate.unknown("cited as the provocation")
                : FuzzyDate.ofYear(published.getYear()).withNote("cited as the provocation");
        g.dateFallback = true;
        g.modality = Modality.BACKGROUND;
        g.confidence = 0.6;
        g.sentence = s;
        g.anchor = anchor;
        g.referenced = true;
        return g;
    }

    /**
     * "China expelled a Canadian diplomat, a day after Canada ordered a Chinese official to leave":
     * an unfriendly act followed by an after/following clause reporting an unfriendly act of the other
     * side answers it (the nearest act on each side of the connective). Explicit cues come first.
     */
    private void linkAfterClauses(int from, int to, List<Hit> sentenceHits) {
        if (sentenceHits.size() < 2) {
            return;
        }
        for (int k = from + 1; k < to - 1; k++) {
            String w = t.lower[k];
            if (!(w.equals("after") || w.equals("following")) || t.in(timeUnits, k + 1)) {
                continue;
            }
            Hit answer = null;
            Hit cause = null;
            for (Hit h : sentenceHits) {
                if (h.anchor < k && (answer == null || h.anchor > answer.anchor)) {
                    answer = h;
                }
            }
            for (Hit h : sentenceHits) {
                // the nearest act after the connective; of a fanned-out list, the one done to the answer's actor
                boolean fits = answer != null && h.source.equals(answer.target) && h.target.equals(answer.source);
                if (h.anchor > k && (cause == null || h.anchor < cause.anchor || h.anchor == cause.anchor && fits)) {
                    cause = h;
                }
            }
            if (answer != null && cause != null && answer.provokedBy.isEmpty() && !answer.genericProvocation
                    && answer.source.equals(cause.target) && answer.target.equals(cause.source)
                    && answer.type.severity() < 0 && cause.type.severity() < 0) {
                answer.provokedBy.add(cause);
                if (answer.cue == null) {
                    answer.cue = w;
                }
                dateByGap(k, answer, cause);
            }
        }
    }

    /** "A on Monday, a day after B": an undated B is dated by the gap stated before the connective. */
    private void dateByGap(int k, Hit answer, Hit cause) {
        if (cause.date.precision() != DatePrecision.UNKNOWN || answer.date.precision() != DatePrecision.DAY || answer.dateFallback
                || k < 2) {
            return;
        }
        String unit = t.lower[k - 1];
        String n = t.lower[k - 2];
        int days;
        if (unit.equals("day") && (n.equals("a") || n.equals("one"))) {
            days = 1;
        } else if (unit.equals("days") && Counts.numberWord(n) > 0 && Counts.numberWord(n) < 8) {
            days = Counts.numberWord(n);
        } else if (unit.equals("hours") || unit.equals("hour")) {
            days = 0;
        } else {
            return;
        }
        cause.date = FuzzyDate.ofDay(answer.date.earliest().minusDays(days)).withNote(t.text.substring(t.start[k - 2], t.end[k]));
        cause.dateFallback = false;
    }


    /**
     * "Canada and Ukraine took similar steps", "Latvia followed suit": the states that open the
     * sentence did what the previous sentence's last hostile action did, to the same target, on the
     * same date unless the sentence names its own.
     */
    private void followers(int s, int from, int to, List<Hit> prevHits, List<Dates.DateExpr> dates, List<Hit> into) {
        if (prevHits.isEmpty() || actors.inSentence(s).isEmpty()) {
            return;
        }
        int at = -1;
        for (int k = from + 1; k < to && at < 0; k++) {
            for (String f : followingPhrases) {
                if (seg.startsWith(k, to, f)) {
                    at = k;
                    break;
                }
            }
        }
        if (at < 0 || notYetFollowing(at, from)) {
            return;
        }
        Hit model = null;
        for (Hit h : prevHits) {
            if (h.type.isHostileMeasure() && !h.referenced) {
                model = h;
            }
        }
        if (model == null) {
            return;
        }
        FuzzyDate own = null;
        for (Dates.DateExpr d : dates) {
            if (!d.deadline() && d.date().precision() != DatePrecision.UNKNOWN) {
                own = d.date();
            }
        }
        Set<String> followers = new LinkedHashSet<>();
        for (Mention m : actors.inSentence(s)) {
            if (m.to <= at && m.role == Role.AGENT) {
                followers.add(m.iso);
                followers.addAll(Coordination.companions(m, model.target));
            }
        }
        for (String iso : followers) {
            if (iso.equals(model.target)) {
                continue;
            }
            Hit c = Hit.copyOf(model);
            c.source = iso;
            c.count = null;
            c.sentence = s;
            c.anchor = at;
            c.cue = null;
            c.genericProvocation = false;
            c.confidence = 0.6;
            if (own != null) {
                c.date = own;
                c.dateFallback = false;
            }
            into.add(c);
        }
    }

    /** Words before a following phrase that make it a plan, a prospect or a refusal: "will follow suit", "is expected to". */
    private final Set<String> followingNotYet;

    /** "Slovakia will follow suit", "is expected to do the same", "did not follow suit": nobody has followed yet. */
    private boolean notYetFollowing(int at, int from) {
        int k = at - 1;
        if (k > from && t.lower[k].equals("to")) {
            k--;
        }
        return k >= from && t.in(followingNotYet, k);
    }

    /** What a state says or decides that the other side answers: "after X questioned ...", "after X said it would recognise ...". */
    private final Set<String> statementVerbs;
    private final Set<String> afterConnectives;

    /**
     * "A expelled the ambassador, a day after B's president questioned the election", "A recalled
     * its envoys after B and C said they would recognise ...": the statement that an unfriendly act
     * follows is its provocation, an OTHER action of the state(s) whose mention opens the clause
     * (their subject) against the actor.
     */
    private void statementsAfter(int s, int from, int to, List<Hit> sentenceHits) {
        if (sentenceHits.isEmpty()) {
            return;
        }
        for (int k = from + 1; k < to - 2; k++) {
            if (!t.in(afterConnectives, k) || t.in(timeUnits, k + 1)) {
                continue;
            }
            Hit answer = null;
            for (Hit h : sentenceHits) {
                if (h.anchor < k && h.type.severity() < 0 && !h.referenced && (answer == null || h.anchor > answer.anchor)) {
                    answer = h;
                }
            }
            if (answer == null) {
                continue;
            }
            int j = k + 1;
            if (t.lower[j].equals("the")) {
                j++;
            }
            Mention subject = actors.mentionAt(j);
            if (subject == null || subject.role == Role.HOST || subject.role == Role.MISSION) {
                continue;
            }
            int end = Math.max(subject.to, subject.headEnd);
            int verb = -1;
            for (int v = end; v < Math.min(to, end + 7); v++) {
                if (seg.isClauseBoundary(v) || t.in(lex.triggerWords, v) || t.lower[v].equals(",") && actors.mentionAt(v + 1) == null) {
                    break;
                }
                // "following B's recognition of ...": a grievance noun names the statement as a verb does; "the move"
                // may be an act already reported, so it cites nothing new
                if (t.in(statementVerbs, v)
                        || t.in(grievanceNouns, v) && !t.in(anaphoricGrievances, v)) {
                    verb = v;
                    break;
                }
            }
            if (verb < 0) {
                continue;
            }
            List<String> states = new ArrayList<>();
            states.add(subject.iso);
            states.addAll(Coordination.companions(subject, answer.source));
            for (String iso : states) {
                if (iso.equals(answer.source) || !(iso.equals(answer.target) || subject.group != null || subject.list != null)) {
                    continue;
                }
                Hit g = citedProvocation(iso, answer.source, s, verb);
                sentenceHits.add(g);
                for (Hit h : List.copyOf(sentenceHits)) {
                    if (h.anchor < k && h.source.equals(answer.source) && h.target.equals(iso) && h.type.severity() < 0
                            && h.provokedBy.isEmpty()) {
                        h.provokedBy.add(g);
                        if (h.cue == null) {
                            h.cue = "after";
                        }
                    }
                }
            }
        }
    }

    private void markGeneric(Hit h, boolean mirror, String cue) {
        h.genericProvocation = true;
        h.mirror |= mirror;
        if (h.cue == null) {
            h.cue = cue;
        }
    }

    /** Whether a response cue starts in [from, to). */
    boolean cueBetween(int from, int to) {
        for (int k = from; k < to; k++) {
            if (Lexicon.longest(lex.cues, t.lower, k, to) != null) {
                return true;
            }
        }
        return false;
    }

    private List<int[]> findCues(int from, int to) {
        List<int[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Phrase<Boolean> p = Lexicon.longest(lex.cues, t.lower, i, to);
            if (p != null) {
                out.add(new int[] {i, i + p.tokens().length});
                i += p.tokens().length - 1;
            }
        }
        return out;
    }
}
