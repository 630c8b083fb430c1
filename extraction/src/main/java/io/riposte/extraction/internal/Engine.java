package io.riposte.extraction.internal;

import io.riposte.domain.ActionType;
import io.riposte.domain.Article;
import io.riposte.domain.DateBasis;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import io.riposte.extraction.internal.Lexicon.ActorEntry;
import io.riposte.extraction.internal.Lexicon.ActorKind;
import io.riposte.extraction.internal.Lexicon.Phrase;
import io.riposte.extraction.internal.Lexicon.TriggerDef;
import io.riposte.extraction.internal.Mention.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule-based extraction engine: one instance per article (not thread-safe; the extractor makes
 * a new one per call). See extraction/README.md for the rules.
 */
public final class Engine {
    private final Set<String> personNouns;
    private final Set<String> diplomatNouns;
    private final Set<String> missionNouns;
    private final Set<String> orderVerbs;
    private final Set<String> sameTimeConnectives;
    private final Set<String> laterConnectives;

    private static final boolean DEBUG = System.getenv("RIPOSTE_DEBUG") != null;
    private final Set<String> subordinators;
    private final Set<String> lightVerbs;
    private final Lexicon lex;
    private final Article article;
    private final Tokens t;
    private final LocalDate published;
    private final boolean keepNonFactual;
    private final Segmentation seg;
    private final ActorMentions actors;
    private final MeasureFrames frames;
    private final Modalities modalities;
    private final Provocations provocations;
    private final EnumerationFanOut fanOut;
    private final SpeechActs speech;
    private Hit lastHitInSentence;
    private final MeasureObjects measureObjects;
    private final Framing framing;
    private final Counts counts;
    private final ThreatFrames threatFrames;
    private final OtherActs otherActs;
    /** The day of the last reported (not recalled) act or day named, and its sentence: what an "also" continues. */
    private LocalDate newsDay;
    private int newsDaySentence = -10;
    /** Who acted in the news day's sentence: reported speech continues the news of the same actor only. */
    private final Set<String> newsDaySources = new java.util.HashSet<>();
    private Integer contextYear;
    private int contextYearSentence;


    public Engine(Lexicon lex, Article article, Tokens tokens, boolean keepNonFactual) {
        this.lex = lex;
        this.article = article;
        this.t = tokens;
        this.published = article.publishedDate();
        this.keepNonFactual = keepNonFactual;
        this.seg = new Segmentation(tokens, lex, this::mentionAt);
        this.actors = new ActorMentions(tokens, lex, published, seg);
        this.speech = new SpeechActs(tokens, lex);
        this.measureObjects = new MeasureObjects(tokens, lex);
        this.framing = new Framing(tokens);
        this.threatFrames = new ThreatFrames(tokens, lex, this::mentionAt);
        this.otherActs = new OtherActs(tokens, lex, this::mentionAt);
        this.counts = new Counts(tokens, lex, framing, this::mentionAt);
        this.frames = new MeasureFrames(tokens, lex, seg, actors, measureObjects, threatFrames, otherActs);
        this.modalities = new Modalities(tokens, lex, seg, frames, speech, threatFrames);
        this.provocations = new Provocations(tokens, lex, seg, actors, published);
        this.fanOut = new EnumerationFanOut(tokens, lex, seg);
        this.personNouns = lex.words("PERSON_NOUNS");
        this.diplomatNouns = lex.words("DIPLOMAT_NOUNS");
        this.missionNouns = lex.words("MISSION_NOUNS");
        this.orderVerbs = lex.words("ORDER_VERBS");
        this.sameTimeConnectives = lex.words("SAME_TIME_CONNECTIVES");
        this.laterConnectives = lex.words("LATER_CONNECTIVES");
        this.lightVerbs = lex.words("LIGHT_VERBS");
        this.organisationNames = lex.wordsAsWritten("ORGANISATION_NAMES");
        this.subjectPronouns = lex.words("SUBJECT_PRONOUNS");
        this.groupAdjectives = lex.words("GROUP_ADJECTIVES");
        this.subordinators = lex.words("SUBORDINATORS");
    }

    public List<ExtractedAction> run() {
        actors.find();
        List<Hit> hits = new ArrayList<>();
        LocalDate lastDay = null;
        FuzzyDate lastDate = null;
        FuzzyDate prevSentenceDate = null;
        List<Hit> prevHits = List.of();
        for (int s = 0; s < t.sentences; s++) {
            int from = t.sentenceFrom(s);
            int to = t.sentenceTo(s);
            Integer sentenceYear = null;
            for (int k = from; k < to; k++) {
                if (Dates.isYear(t.word[k]) && k > from && (Dates.MONTHS.containsKey(t.lower[k - 1]) || t.lower[k - 1].equals("in")
                        || t.lower[k - 1].equals(","))) {
                    sentenceYear = Integer.parseInt(t.word[k]);
                }
            }
            Integer yearHint = sentenceYear != null ? sentenceYear
                    : contextYear != null && (s - contextYearSentence <= 1 || seg.sameParagraph(contextYearSentence, s)) ? contextYear : null;
            if (sentenceYear != null) {
                contextYear = sentenceYear;
                contextYearSentence = s;
            }
            List<Dates.DateExpr> dates = Dates.find(t, from, to, published, lastDay,
                    prevSentenceDate != null ? prevSentenceDate : lastDate, yearHint);
            boolean deadlineSentence = seg.containsAny(from, to, Set.of("deadline", "expires", "expire"));
            List<Trig> trigs = frames.findTriggers(from, to);
            lastHitInSentence = null;
            List<Hit> sentenceHits = new ArrayList<>();
            FuzzyDate inherited = inheritedDate(from, to, prevSentenceDate, lastDate);
            for (Trig tr : trigs) {
                if (fanOut.restatesExpulsion(tr, sentenceHits)) {
                    continue;
                }
                Hit h = analyse(tr, s, from, to, trigs, dates, deadlineSentence, inherited);
                if (h != null) {
                    lastHitInSentence = h;
                    sentenceHits.add(h);
                    fanOut.expand(h, sentenceHits);
                }
            }
            provocations.link(s, from, to, trigs, dates, sentenceHits, prevHits, hits);
            // date context for the next sentences
            FuzzyDate sentenceDate = null;
            for (Dates.DateExpr d : dates) {
                if (!d.deadline() && d.date().precision() != DatePrecision.UNKNOWN) {
                    lastDate = d.date();
                    sentenceDate = d.date();
                    if (d.date().precision() == DatePrecision.DAY) {
                        lastDay = d.date().earliest();
                    }
                }
            }
            for (Hit h : sentenceHits) {
                if (!h.dateFallback && h.date.precision() != DatePrecision.UNKNOWN && !h.referenced) {
                    sentenceDate = h.date;
                    // an action dated to a month or a year moves the story away from the last named day
                    lastDay = h.date.precision() == DatePrecision.DAY ? h.date.earliest() : null;
                }
            }
            prevSentenceDate = sentenceDate;
            if (sentenceDate != null && sentenceDate.precision() == DatePrecision.DAY) {
                newsDay = sentenceDate.earliest();
                newsDaySentence = s;
                newsDaySources.clear();
                for (Hit h : sentenceHits) {
                    if (!h.referenced && h.source != null) {
                        newsDaySources.add(h.source);
                    }
                }
            } else if (sentenceDate != null) {
                newsDay = null;
            }
            if (!sentenceHits.isEmpty()) {
                prevHits = sentenceHits;
            }
            hits.addAll(sentenceHits);
        }
        if (published == null) {
            List<FuzzyDate> chained = UndatedMonths.resolve(hits.stream()
                    .map(h -> new UndatedMonths.Report(h.source, h.target, h.type, h.count, h.date, Hit.isRecalled(h))).toList());
            for (int i = 0; i < hits.size(); i++) {
                if (chained.get(i) != null) {
                    // a fallback stays one: the month of writing bounds undated news, it does not date it
                    hits.get(i).date = chained.get(i);
                }
            }
        }
        return new Merging(article, t).merge(hits);
    }


    // ------------------------------------------------------------------ actors

    // ------------------------------------------------------------------ triggers

    /** "the Serbian state, which": one lower-case head noun (no action word) between the mention and ", which". */
    private boolean headNounBefore(Mention m, int which) {
        int noun = which - 2;
        return noun >= 1 && m.to == noun && t.word[which - 1].equals(",") && Character.isLowerCase(t.word[noun].charAt(0))
                && Character.isLetter(t.word[noun].charAt(0)) && !lex.triggerWords.contains(t.lower[noun]) && (m.kind == ActorKind.ADJ);
    }

    // ------------------------------------------------------------------ one trigger -> one hit

    private Hit analyse(Trig tr, int s, int from, int to, List<Trig> all, List<Dates.DateExpr> dates, boolean deadlineSentence,
            FuzzyDate inherited) {
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
                if (l.equals("of") || l.equals("by") || l.equals("from") || l.equals("on") || l.equals("against")) {
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
            if (lightVerbs.contains(t.lower[k])) {
                attached = true; // "Beijing imposed tariffs": the verb's subject is the tariffs' author
            }
        }
        if (nominal && tr.type() != ActionType.THREATEN_RETALIATION && !attached) {
            return null; // "these expulsions followed earlier disputes": a recalled action with no actor of its own
        }
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
                    && Set.of("demanded", "demands", "demanding", "insisted", "asked", "urged", "told").contains(t.lower[m.from - 2])) {
                v[0] -= 4; // "demanded that Vilnius withdraw": Vilnius is told
                v[1] += 5;
            }
            if (m.to <= a && a - m.to <= 3 && a > 0 && t.lower[a - 1].equals("to") && m.from > from
                    && (orderVerbs.contains(t.lower[seg.prevWord(m.from)]) || t.lower[seg.prevWord(m.from)].equals("forced"))) {
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
            Mention bs = null;
            Mention bt = null;
            for (Mention m : cands) {
                if (bs == null || sc.get(m)[0] > sc.get(bs)[0]) {
                    bs = m;
                }
                if (bt == null || sc.get(m)[1] > sc.get(bt)[1]) {
                    bt = m;
                }
            }
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
        boolean subordinateSubject = b1 > from && subordinators.contains(t.lower[b1]) && b1 + 1 < a
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
            Mention bs = null;
            Mention bt = null;
            for (Mention m : cands) {
                if (bs == null || sc.get(m)[0] > sc.get(bs)[0]) {
                    bs = m;
                }
                if (bt == null || sc.get(m)[1] > sc.get(bt)[1]) {
                    bt = m;
                }
            }
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
        boolean subordinate = modalities.subordinate(b1, from, a);
        h.type = tr.type();
        h.source = source;
        h.target = target;
        h.sourceMention = sourceM;
        h.targetMention = targetM;
        h.sentence = s;
        h.anchor = a;
        modalities.classify(h, tr, all, from, to, nominal, subordinate);
        if (!keepNonFactual && (h.modality == Modality.NEGATED || h.modality == Modality.HYPOTHETICAL)) {
            return null;
        }
        h.count = counts.count(tr, all, from, to);
        // date: the nearest date expression with no other action word between it and the trigger,
        // preferring one that follows the trigger ("expelled X on May 3") to one before it
        Dates.DateExpr chosen = null;
        int bestDist = Integer.MAX_VALUE;
        for (Dates.DateExpr d : dates) {
            if (d.deadline() || deadlineSentence && tr.type() == ActionType.EXPEL_DIPLOMATS && t.lower[tr.from()].equals("leave")) {
                continue;
            }
            if (deadlineSentence && !d.explicit()) {
                continue;
            }
            boolean afterTrigger = d.from() >= tr.to();
            if (h.referenced && !afterTrigger) {
                continue; // a recalled action only takes a date that follows it
            }
            if (separatedByClause(tr, d)) {
                continue;
            }
            int lo = afterTrigger ? tr.to() : d.to();
            int hi = afterTrigger ? d.from() : Math.min(a, tr.from());
            boolean blocked = false;
            for (Trig o : all) {
                if (o != tr && o.from() >= lo && o.to() <= hi && !(o.type() == tr.type() && Math.abs(o.anchor() - a) < 3)) {
                    blocked = true;
                }
            }
            if (blocked) {
                continue;
            }
            if (!afterTrigger && provocations.cueBetween(d.to(), tr.from())) {
                continue; // "ordered on Friday in retaliation for the shutting of ...": the answer's date, not the cited act's
            }
            if (afterTrigger && !h.referenced && (provocations.cueBetween(tr.to(), d.from()) || connective(d, to))) {
                continue; // "expelled 20 on Sunday, responding to Prague's decision a day earlier": the cited act's date
            }
            int dist = afterTrigger ? d.from() - tr.to() : 1000 + (a - d.to());
            if (dist < bestDist) {
                bestDist = dist;
                chosen = d;
            }
        }
        if (chosen == null && !h.referenced && !deadlineSentence) {
            chosen = Dates.attribution(t, dates, from);
        }
        if (deadlineSentence && chosen != null && chosen.date().precision() == DatePrecision.DAY && !h.referenced) {
            chosen = null;
        }
        if (chosen != null && (!chosen.future() || h.modality == Modality.PLANNED)) {
            h.date = chosen.date();
            confidence += 0.1;
        } else if (inherited != null && !h.referenced) {
            h.date = inherited;
        } else if (h.referenced || h.modality == Modality.BACKGROUND) {
            h.date = FuzzyDate.unknown("not stated");
            h.dateFallback = true;
        } else if (published != null && continuesNewsDay(s, from, tr.anchor(), h)) {
            h.date = FuzzyDate.ofDay(newsDay).withNote("the day of the news it continues");
        } else if (published != null) {
            // a reported action the text does not date is recent news: the range lets correlation order it
            h.date = Dates.publicationFallback(published);
            h.dateFallback = true;
        } else {
            h.date = FuzzyDate.unknown("undated article");
            h.dateFallback = true;
        }
        h.confidence = Math.min(0.95, confidence);
        return h;
    }

    /**
     * "It also suspended visas ...": an undated act told with "also" right after the day's news is part of
     * that news, not an older fact. Only a recent day (the week before publication) a few sentences back
     * counts, and only for a reported act: a day stated long ago or an act recalled keeps its fallback.
     */
    private boolean continuesNewsDay(int s, int from, int anchor, Hit h) {
        if (newsDay == null || s - newsDaySentence > 3 || s == newsDaySentence
                || h.modality != Modality.ASSERTED && h.modality != Modality.PLANNED
                || newsDay.isBefore(published.minusDays(7)) || newsDay.isAfter(published)) {
            return false;
        }
        for (int k = Math.max(from, anchor - 6); k < anchor; k++) {
            if (t.lower[k].equals("also")) {
                return true;
            }
        }
        // "The ministry said it had summoned ...": reported speech right after the day's news is that news
        for (int k = Math.max(from, anchor - 5); k + 2 < anchor; k++) {
            if ((t.lower[k].equals("said") || t.lower[k].equals("says")) && (t.lower[k + 1].equals("it") || t.lower[k + 1].equals("they"))
                    && (t.lower[k + 2].equals("had") || t.lower[k + 2].equals("was") || t.lower[k + 2].equals("has"))) {
                return s - newsDaySentence <= 2 && newsDaySources.contains(h.source);
            }
        }
        return false;
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

    private boolean separatedByClause(Trig tr, Dates.DateExpr d) {
        int lo = d.from() >= tr.to() ? tr.to() : d.to();
        int hi = d.from() >= tr.to() ? d.from() : tr.anchor();
        for (int k = lo; k < hi; k++) {
            String l = t.lower[k];
            if (l.equals(",") && k + 1 < t.size && seg.isParticipialClause(k + 1)) {
                continue; // "..., accusing him of ..., the ministry said on Friday": still the same report
            }
            if (seg.isClauseBoundary(k) || l.equals("after") || l.equals("because") || l.equals("when") || l.equals("although")
                    || l.equals("though") || l.equals("over")) {
                return true;
            }
        }
        return false;
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
        if (!left && m.from - tr.to() <= 3 && (prev.equals("on") || prev.equals("against") || prev.equals("upon"))) {
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
        if (!left && m.from - tr.to() <= 4 && (prev.equals("on") || prev.equals("against") || prev.equals("upon"))) {
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


    private final Set<String> subjectPronouns;

    /**
     * "Nicaragua issued a statement. It said it too was breaking off relations with Quito": a pronoun
     * subject before the action word, with no state named between, stands for the first actor of the
     * previous sentence (a state, or a person of one: "Russia's ambassador ... she said").
     */
    private String pronounAntecedent(int s, int from, int a, String other) {
        boolean pronoun = false;
        for (int k = from; k < a; k++) {
            if (mentionAt(k) != null) {
                pronoun = false;
            } else if (subjectPronouns.contains(t.lower[k])) {
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

    /** A mention right after a lower-case past form ("accused Paris", "backed Armenia"): the object of another verb. */
    private boolean objectOfVerb(Mention m, int from) {
        int p = seg.prevWord(m.from);
        if (p < from) {
            return false;
        }
        String w = t.word[p];
        return w.length() > 4 && w.endsWith("ed") && Character.isLowerCase(w.charAt(0)) && !lex.triggerWords.contains(t.lower[p])
                && !orderVerbs.contains(t.lower[p]);
    }

    // ------------------------------------------------------------------ counts


    /** Adjectives that make people a group of several states: "Western diplomats", "EU envoys". */
    private final Set<String> groupAdjectives;

    /**
     * Whether the people acted upon are a group of states ("European diplomats were expelled") with no state of
     * their own named in the object: then a state elsewhere in the sentence is not the target.
     */
    private boolean groupObject(Trig tr, int from, int to, Mention targetM) {
        int lo = tr.passive() ? Math.max(from, tr.from() - 6) : tr.to();
        int hi = tr.passive() ? tr.from() : Math.min(to, tr.to() + 6);
        for (int k = lo; k < hi; k++) {
            String l = t.lower[k];
            if (l.isEmpty() || "wefabingls".indexOf(l.charAt(0)) < 0 || !groupAdjectives.contains(l)) {
                continue;
            }
            for (int j = k + 1; j < Math.min(to, k + 3); j++) {
                if (diplomatNouns.contains(t.lower[j]) || personNouns.contains(t.lower[j])) {
                    // "Western diplomats from Britain and France" still name their states
                    return targetM == null || targetM.from < lo || targetM.from > j + 3 || framing.subordinateBetween(j, targetM.from);
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ merging and links


    // ------------------------------------------------------------------ small helpers

    private FuzzyDate inheritedDate(int from, int to, FuzzyDate prevSentence, FuzzyDate last) {
        FuzzyDate base = prevSentence != null ? prevSentence : last;
        if (base == null) {
            return null;
        }
        for (String c : sameTimeConnectives) {
            if (seg.startsWith(from, to, c)) {
                return base;
            }
        }
        for (String c : laterConnectives) {
            if (seg.startsWith(from, to, c)) {
                return base.precision() == DatePrecision.DAY ? FuzzyDate.ofMonth(base.year(), base.month()) : base;
            }
        }
        return null;
    }

    /** "..., a day after Canada ordered ...": the expression dates the clause it opens, not what precedes it. */
    private boolean connective(Dates.DateExpr d, int to) {
        String last = t.lower[d.to() - 1];
        return (last.equals("after") || last.equals("before")) && d.to() < to && Character.isLetter(t.lower[d.to()].charAt(0));
    }

    private Mention mentionAt(int k) {
        return actors.mentionAt(k);
    }
}
