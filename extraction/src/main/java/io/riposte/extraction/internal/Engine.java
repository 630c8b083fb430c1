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
    private static final Set<String> PERSON_NOUNS = Set.of("diplomats", "diplomat", "officials", "official", "envoy", "envoys",
            "ambassador", "ambassadors", "staff", "staffers", "employees", "personnel", "representatives", "nationals", "citizens",
            "journalists", "journalist", "correspondents", "spies", "members", "workers", "people", "persons", "individuals",
            "attache", "attaché", "attaches", "attachés", "consul", "consuls", "officers", "them", "families", "national", "citizen",
            "reporters", "reporter", "employee", "staffer", "officer", "worker");
    private static final Set<String> DIPLOMAT_NOUNS = Set.of("diplomats", "diplomat", "envoy", "envoys", "ambassador", "ambassadors",
            "attache", "attaché", "attaches", "attachés", "consul", "consuls", "chargé", "charge");
    private static final Set<String> STAFF_NOUNS = Set.of("staff", "officials", "employees", "personnel", "workers", "staffers", "officers");
    private static final Set<String> MISSION_NOUNS = Set.of("embassy", "embassies", "consulate", "consulates", "mission", "missions",
            "facilities", "facility", "compound", "compounds", "property", "properties", "premises", "consulate-general", "dachas",
            "residence", "office", "offices");
    private static final Set<String> PROPERTY_NOUNS = Set.of("property", "properties", "compound", "compounds", "premises", "dachas",
            "residence", "embassy", "consulate", "buildings", "building");
    private static final Set<String> ENVOY_NOUNS = Set.of("ambassador", "ambassadors", "envoy", "envoys", "chargé", "charge",
            "diplomat", "commissioner", "emissary");
    /** Words that make a place name part of the name of a treaty, a meeting or a newspaper. */
    private static final Set<String> NAMED_AFTER_A_PLACE = Set.of("convention", "conventions", "agreement", "agreements", "accord",
            "accords", "protocol", "protocols", "treaty", "post", "times", "declaration", "charter", "format", "process",
            "communique", "communiqué", "memorandum", "consensus", "tribune", "herald", "gazette", "statute");
    private static final Set<String> RELATION_NOUNS = Set.of("relations", "ties");
    private static final Set<String> THREAT_OBJECTS = Set.of("retaliate", "retaliation", "retaliatory", "respond", "response",
            "countermeasures", "counter", "consequences", "reciprocal", "measures", "reciprocate", "expel", "expulsion", "expulsions",
            "sanctions", "sanction", "close", "closure", "react", "reaction", "punish", "punishment", "steps", "action", "actions",
            "retaliating", "responding", "tariffs", "unanswered", "boycott", "price", "cost", "costs", "punished", "suffer");
    private static final Set<String> FUTURE_MARKERS = Set.of("will", "'ll", "would", "shall", "prepared", "ready", "right", "going",
            "intends", "intend", "vowed", "vows", "vow", "must", "plans", "threatened", "threatens", "promised", "pledged", "not", "to");
    private static final Set<String> HELD_MARKERS = Set.of("held", "hold", "holds", "holding", "conducted", "had");
    private static final Set<String> AGREE_OBJECTS = Set.of("return", "restore", "reopen", "resume", "lift", "exchange", "normalize",
            "normalise", "reinstate", "release", "returning", "restoring", "reopening", "lifting", "resuming");
    private static final Set<String> LIFT_OBJECTS = Set.of("sanctions", "restrictions", "ban", "embargo", "tariffs", "visa", "visas", "curbs");
    private static final Set<String> TRADE_NOUNS = Set.of("trade", "imports", "import", "exports", "export", "goods", "arms", "oil",
            "products", "shipments");
    private static final Set<String> VISA_WORDS = Set.of("visa", "visas", "consular", "entry");
    private static final Set<String> STAFF_WORDS = Set.of("hire", "hires", "hiring", "staff", "staffing", "staffers", "personnel",
            "employees", "assignment", "assignments", "travel", "movement", "movements", "headcount", "presence", "work", "diplomats",
            "number", "size", "strength");
    private static final Set<String> GOODS_WORDS = Set.of("imports", "import", "exports", "export", "goods", "products", "beef",
            "barley", "wine", "coal", "canola", "seafood", "timber", "lobster", "lobsters", "trade", "shipments", "cotton", "meat",
            "pork", "soybeans", "agricultural", "steel", "aluminium", "aluminum", "chips", "semiconductors", "purchases", "investment",
            "investments", "transactions", "business");
    private static final Set<String> ORDER_VERBS = Set.of("ordered", "told", "asked", "forced", "instructed", "given", "slated",
            "must", "required", "demanded", "obliged", "order", "orders", "tells", "asks", "ordering", "telling", "asking", "gave", "gives",
            "give", "giving",
            "have", "has", "had", "expected", "due", "deadline", "until");
    private static final Set<String> BE_FORMS = Set.of("is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting");
    private static final Set<String> NEGATORS = Set.of("not", "n't", "never", "no", "neither", "nor");
    private static final Set<String> HYPOTHETICAL = Set.of("could", "might", "may", "if", "unless", "whether", "consider", "considering",
            "considered", "mulling", "weighing", "possible", "possibly", "potential", "potentially", "should", "any", "options", "option",
            "discussion", "proposals", "proposed", "proposal", "calls", "calling", "urged", "urging", "ability");
    private static final Set<String> PLANNED = Set.of("will", "'ll", "shall", "plans", "plan", "planned", "planning", "intends",
            "intend", "slated", "scheduled", "going", "set");
    private static final Set<String> THREAT_WORDS = Set.of("threaten", "threatened", "threatens", "threatening", "threat", "threats",
            "warned", "warns", "warn", "warning", "vowed", "ultimatum", "unless", "or");
    private static final Set<String> BACKGROUND = Set.of("previously", "earlier", "formerly", "once", "ago", "past", "already");
    private static final Set<String> LOCATIVE = Set.of("in", "at", "near", "inside", "within", "across", "throughout", "around");
    private static final Set<String> AMBIGUOUS_NAMES = Set.of("Jordan", "Chad", "Georgia", "Israel", "India", "Kenya", "Mali",
            "Niger", "Guinea", "Washington", "China", "Jersey", "Cuba", "Lebanon", "Georgian", "Sofia");
    private static final Set<String> GEORGIA_US = Set.of("Atlanta", "governor", "Gov", "county", "Savannah", "Republican", "Democrat",
            "Democratic", "GOP", "Peach", "Kemp", "Senate", "voters", "Augusta", "Macon");
    private static final Set<String> TURKEY_BIRD = Set.of("thanksgiving", "roast", "roasted", "stuffing", "dinner", "gravy", "feathers",
            "meat", "sandwich", "carve", "carved", "oven", "wild", "gobble", "pardoned");
    private static final Set<String> FUNCTION = Set.of("the", "a", "an", "to", "of", "in", "on", "and", "said", "has", "have", "was",
            "were", "is", "are", "will", "that", "for", "by", "with", "as", "at", "from", "who", "which", "its", "their", "his", "her");
    private static final Set<String> CONNECT_SAME = Set.of("in particular", "in addition", "also", "additionally", "meanwhile",
            "specifically", "namely", "as a result", "in response", "at the same time");
    private static final Set<String> CONNECT_AFTER = Set.of("after that", "then", "later", "subsequently", "afterwards", "following that");
    private static final Set<String> REFERENCING = Set.of("for", "to", "over", "against", "after", "about", "following", "despite",
            "amid", "of");

    private static final boolean DEBUG = System.getenv("RIPOSTE_DEBUG") != null;
    private static final Set<String> DELIBERATION = Set.of("options", "discussion", "consideration", "considering", "proposals",
            "mulling", "weighing", "contemplating", "contemplate", "possibility");
    private static final Set<String> UNDOING = Set.of("withdrawing", "withdrew", "withdraw", "blocking", "blocked", "block",
            "refused", "refusing", "denied", "denying", "prevented", "preventing", "halted", "halting", "permission", "stopped");
    private static final Set<String> PLACE_PARTS = Set.of("outskirts", "suburbs", "suburb", "centre", "center", "heart", "streets",
            "outside", "north", "south", "east", "west", "capital", "city", "region", "border");
    /** "summoned to the foreign ministry in X": X is where, not who. */
    private static final Set<String> VISITED = Set.of("to", "at", "into", "outside");
    private static final Set<String> SUBORDINATORS = Set.of("after", "because", "when", "although", "though", "before");
    private static final Set<String> LIGHT_VERBS = Set.of("imposed", "imposes", "impose", "imposing", "announced", "announces",
            "ordered", "orders", "introduced", "slapped", "placed", "declared", "levied", "levies", "slaps");
    private final Lexicon lex;
    private final Article article;
    private final Tokens t;
    private final LocalDate published;
    private final boolean keepNonFactual;
    private final SpeechActs speech;
    private final List<Mention> mentions = new ArrayList<>();
    private boolean conditional;
    private Hit lastHitInSentence;
    private final MeasureObjects measureObjects;
    private final Framing framing;
    private final Counts counts;
    private final ThreatFrames threatFrames;
    private final OtherActs otherActs;
    private final Set<String> refusals;
    private final Set<String> denialObjects;
    /** The day of the last reported (not recalled) act or day named, and its sentence: what an "also" continues. */
    private LocalDate newsDay;
    private int newsDaySentence = -10;
    /** Who acted in the news day's sentence: reported speech continues the news of the same actor only. */
    private final Set<String> newsDaySources = new java.util.HashSet<>();
    private Integer contextYear;
    private int contextYearSentence;
    private final Map<String, Double> stateWeight = new HashMap<>();
    private final List<String> stateOrder = new ArrayList<>();


    public Engine(Lexicon lex, Article article, Tokens tokens, boolean keepNonFactual) {
        this.lex = lex;
        this.article = article;
        this.t = tokens;
        this.published = article.publishedDate();
        this.keepNonFactual = keepNonFactual;
        this.speech = new SpeechActs(tokens, lex);
        this.measureObjects = new MeasureObjects(tokens, lex);
        this.framing = new Framing(tokens);
        this.refusals = lex.words("REFUSALS");
        this.denialObjects = lex.words("DENIAL_OBJECTS");
        this.threatFrames = new ThreatFrames(tokens, lex, this::mentionAt);
        this.otherActs = new OtherActs(tokens, lex, this::mentionAt);
        this.counts = new Counts(tokens, lex, framing, this::mentionAt);
    }

    public List<ExtractedAction> run() {
        findMentions();
        List<Hit> hits = new ArrayList<>();
        LocalDate lastDay = null;
        FuzzyDate lastDate = null;
        FuzzyDate prevSentenceDate = null;
        List<Hit> prevHits = List.of();
        List<int[]> pendingCues = new ArrayList<>(); // cue sentence waiting for the next sentence's actions
        boolean pendingMirror = false;
        String pendingCue = null;
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
                    : contextYear != null && (s - contextYearSentence <= 1 || samePragraph(contextYearSentence, s)) ? contextYear : null;
            if (sentenceYear != null) {
                contextYear = sentenceYear;
                contextYearSentence = s;
            }
            List<Dates.DateExpr> dates = Dates.find(t, from, to, published, lastDay,
                    prevSentenceDate != null ? prevSentenceDate : lastDate, yearHint);
            boolean deadlineSentence = containsAny(from, to, Set.of("deadline", "expires", "expire"));
            List<Trig> trigs = findTriggers(from, to);
            lastHitInSentence = null;
            List<Hit> sentenceHits = new ArrayList<>();
            FuzzyDate inherited = inheritedDate(from, to, prevSentenceDate, lastDate);
            for (Trig tr : trigs) {
                if (restatesExpulsion(tr, sentenceHits)) {
                    continue;
                }
                Hit h = analyse(tr, s, from, to, trigs, dates, deadlineSentence, inherited);
                if (h != null) {
                    lastHitInSentence = h;
                    sentenceHits.add(h);
                    if (h.reciprocal && h.type.isHostileMeasure()) {
                        sentenceHits.add(Hit.mirrorOf(h));
                    } else {
                        fanOut(h, sentenceHits);
                    }
                }
            }
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
                    if (startsWithAny(s + 1, Set.of("in particular", "specifically", "namely", "among them", "these include"))) {
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
                        answeredGrievances(grievances(c[1], to, answering, s, trigs, hits, dates), before, answering, cueText,
                                sentenceHits);
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

    /**
     * Nouns that name what a state said or decided, the usual provocations of diplomatic retaliation
     * that are no coercive act: criticism, statements, calls for an inquiry, decisions, visits.
     */
    private static final Set<String> GRIEVANCES = Set.of("criticism", "criticisms", "statement", "statements", "remarks",
            "comments", "condemnation", "call", "calls", "push", "demand", "demands", "inquiry", "investigation",
            "decision", "visit", "meeting", "recognition", "resolution", "vote", "accusations", "allegations", "support",
            "interference", "move", "moves", "decisions", "plan", "plans", "law", "ruling");

    /** Grievance nouns that may point back at an act reported before ("the move", "the decision"). */
    private static final Set<String> ANAPHORIC = Set.of("move", "moves", "decision", "decisions", "plan", "plans");

    /**
     * The provocation named as a cue's object when it is not a hostile act: the first grievance noun
     * within the clause after the cue. Its actor is a state attached to it (an adjective or possessive
     * before it, "by X" after it), else the answer's target (the side being answered); the answering
     * side itself never provokes its own answer. Dated to the year of publication only: the date of a
     * cited grievance is rarely in the cue's clause, and a year is all that can be said without it.
     */
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
                if (w.equals(";") || w.equals(".") || isClauseBoundary(k)) {
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
            if (GRIEVANCES.contains(w)) {
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
            if (k < head && lex.triggerWords.contains(t.lower[k])) {
                return null;
            }
            if (k > head && t.lower[k].equals("to")) {
                for (int j = k + 1; j < Math.min(to, k + 4); j++) {
                    if (lex.triggerWords.contains(t.lower[j])) {
                        return null;
                    }
                }
            }
        }
        String actor = null;
        for (Mention m : bySentence.get(s)) {
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
        if (ANAPHORIC.contains(t.lower[head])) {
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
            if (!(w.equals("after") || w.equals("following")) || TIME_UNITS.contains(t.lower[k + 1])) {
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

    private static final List<String[]> FOLLOWING = List.of(new String[] {"followed", "suit"}, new String[] {"follow", "suit"},
            new String[] {"took", "similar"}, new String[] {"take", "similar"}, new String[] {"did", "the", "same"},
            new String[] {"do", "the", "same"}, new String[] {"did", "likewise"}, new String[] {"took", "the", "same"});

    /**
     * "Canada and Ukraine took similar steps", "Latvia followed suit": the states that open the
     * sentence did what the previous sentence's last hostile action did, to the same target, on the
     * same date unless the sentence names its own.
     */
    private void followers(int s, int from, int to, List<Hit> prevHits, List<Dates.DateExpr> dates, List<Hit> into) {
        if (prevHits.isEmpty() || bySentence.get(s).isEmpty()) {
            return;
        }
        int at = -1;
        for (int k = from + 1; k < to && at < 0; k++) {
            for (String[] f : FOLLOWING) {
                if (k + f.length <= to && t.lower[k].equals(f[0]) && t.lower[k + 1].equals(f[1])
                        && (f.length < 3 || t.lower[k + 2].equals(f[2]))) {
                    at = k;
                    break;
                }
            }
        }
        if (at < 0) {
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
        Set<String> actors = new LinkedHashSet<>();
        for (Mention m : bySentence.get(s)) {
            if (m.to <= at && m.role == Role.AGENT) {
                actors.add(m.iso);
                actors.addAll(Coordination.companions(m, model.target));
            }
        }
        for (String iso : actors) {
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

    /** What a state says or decides that the other side answers: "after X questioned ...", "after X said it would recognise ...". */
    private static final Set<String> STATEMENT_VERBS = Set.of("questioned", "criticised", "criticized", "condemned", "accused",
            "recognise", "recognize", "recognised", "recognized", "insulted", "denounced", "called", "demanded");

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
            if (!t.lower[k].equals("after") || TIME_UNITS.contains(t.lower[k + 1])) {
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
            Mention subject = mentionAt(j);
            if (subject == null || subject.role == Role.HOST || subject.role == Role.MISSION) {
                continue;
            }
            int end = Math.max(subject.to, subject.headEnd);
            int verb = -1;
            for (int v = end; v < Math.min(to, end + 7); v++) {
                if (isClauseBoundary(v) || lex.triggerWords.contains(t.lower[v]) || t.lower[v].equals(",") && mentionAt(v + 1) == null) {
                    break;
                }
                if (STATEMENT_VERBS.contains(t.lower[v])) {
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

    /** Participles that restate an expulsion just told: "expelled the envoy, giving him 72 hours to leave". */
    private static final Set<String> RESTATING = Set.of("giving", "ordering", "telling", "granting", "allowing");

    /**
     * "X expelled Y's ambassador, giving the Z-born envoy 72 hours to leave": the order to leave in a participial
     * clause restates the expulsion before it (same sentence); its demonym names the envoy's nationality, not a
     * second target.
     */
    private boolean restatesExpulsion(Trig tr, List<Hit> sentenceHits) {
        if (!tr.def().needs().equals("LEAVE") || sentenceHits.isEmpty()) {
            return false;
        }
        for (Hit h : sentenceHits) {
            if (h.type == ActionType.EXPEL_DIPLOMATS && h.anchor < tr.from()) {
                for (int k = h.anchor + 1; k + 1 < tr.from(); k++) {
                    if (t.word[k].equals(",") && RESTATING.contains(t.lower[k + 1])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final Set<String> TIME_UNITS = Set.of("day", "days", "week", "weeks", "month", "months", "year", "years");

    /**
     * "recalled its ambassadors to Ireland, Norway and Spain", "Poland and Latvia expelled ...":
     * the same action for every other state of the target's (then the source's) list or group.
     */
    private void fanOut(Hit h, List<Hit> into) {
        List<Hit> made = new ArrayList<>();
        made.add(h);
        if (h.targetMention != null) {
            for (String iso : Coordination.companions(h.targetMention, h.source)) {
                Hit c = Hit.copyOf(h);
                c.target = iso;
                made.add(c);
            }
        }
        if (h.sourceMention != null && h.sourceMention.to <= h.anchor) {
            List<String> sources = Coordination.companions(h.sourceMention, h.target);
            for (Hit m : List.copyOf(made)) {
                for (String iso : sources) {
                    if (!iso.equals(m.target)) {
                        Hit c = Hit.copyOf(m);
                        c.source = iso;
                        made.add(c);
                    }
                }
            }
        }
        if (made.size() > 1 && h.count != null && !containsAny(t.sentenceFrom(h.sentence), t.sentenceTo(h.sentence), Set.of("each"))) {
            for (Hit m : made) {
                m.count = null; // "expelled ten diplomats of Latvia and Estonia": how many of each is not said
            }
        }
        into.addAll(made.subList(1, made.size()));
    }

    private void markGeneric(Hit h, boolean mirror, String cue) {
        h.genericProvocation = true;
        h.mirror |= mirror;
        if (h.cue == null) {
            h.cue = cue;
        }
    }

    // ------------------------------------------------------------------ actors

    private Mention[] byToken = new Mention[0];
    /** mentions of each sentence, in order */
    private List<List<Mention>> bySentence = List.of();

    private Coordination coordination;

    private void findMentions() {
        findMentionsInText();
        index();
        StoryActors story = new StoryActors(t, lex);
        for (Mention m : story.bareInstitutions(mentions, byToken)) {
            addMention(m);
        }
        for (Mention m : story.descriptions(mentions, byToken)) {
            assignRole(m);
            addMention(m);
        }
        coordination = new Coordination(t, byToken, lex);
        coordination.markLists(bySentence);
        for (Mention g : coordination.groups(bySentence)) {
            assignRole(g);
            addMention(g);
        }
    }

    /** Adds a mention found after indexing, in its place: no re-indexing of the whole article. */
    private void addMention(Mention m) {
        mentions.add(m);
        for (int k = m.from; k < m.to; k++) {
            byToken[k] = m;
        }
        List<Mention> ms = bySentence.get(t.sentenceOf(m.from));
        int at = 0;
        while (at < ms.size() && ms.get(at).from < m.from) {
            at++;
        }
        ms.add(at, m);
    }

    private void index() {
        byToken = new Mention[t.size];
        List<List<Mention>> bs = new ArrayList<>();
        for (int s = 0; s < t.sentences; s++) {
            bs.add(new ArrayList<>(2));
        }
        for (Mention m : mentions) {
            for (int k = m.from; k < m.to; k++) {
                byToken[k] = m;
            }
            bs.get(t.sentenceOf(m.from)).add(m);
        }
        bySentence = bs;
    }

    private void findMentionsInText() {
        int year = published == null ? -1 : published.getYear();
        String[] words = t.word;
        String[] titled = null;
        for (int s = 0; s < t.sentences; s++) {
            if (isAllCaps(s)) {
                if (titled == null) {
                    titled = t.word.clone();
                }
                for (int i = t.sentenceFrom(s); i < t.sentenceTo(s); i++) {
                    String w = t.word[i];
                    if (w.length() > 1 && !lex.actors.containsKey(w)) {
                        titled[i] = w.charAt(0) + w.substring(1).toLowerCase(java.util.Locale.ROOT); // "RUSSIA" -> "Russia"
                    }
                }
            }
        }
        if (titled != null) {
            words = titled;
        }
        for (int i = 0; i < t.size; i++) {
            Phrase<ActorEntry> p = Lexicon.longest(lex.actors, words, i, t.size);
            if (p == null) {
                continue;
            }
            ActorEntry e = p.value();
            int end = i + p.tokens().length;
            if (e.kind() == ActorKind.BLOCKED) {
                i = end - 1;
                continue;
            }
            if (e.kind() == ActorKind.PERSON && year > 0 && (year < e.from() || year > e.to())) {
                // the office-holder was not in office then; look for another entry of the same name
                ActorEntry alt = null;
                for (Phrase<ActorEntry> q : lex.actors.get(t.word[i])) {
                    ActorEntry f = q.value();
                    if (q.tokens().length == p.tokens().length && f.kind() == ActorKind.PERSON && year >= f.from() && year <= f.to()
                            && java.util.Arrays.equals(q.tokens(), p.tokens())) {
                        alt = f;
                    }
                }
                if (alt == null) {
                    i = end - 1;
                    continue;
                }
                e = alt;
            }
            if (isTrap(i, end, e)) {
                i = end - 1;
                continue;
            }
            if (recognised(i, end)) {
                i = end - 1;
                continue;
            }
            Mention m = new Mention(i, end, e.iso(), e.kind());
            m.host = e.host();
            assignRole(m);
            mentions.add(m);
            double w = m.role == Role.HOST ? 0.5 : 1.0;
            if (!stateWeight.containsKey(m.iso)) {
                stateOrder.add(m.iso);
            }
            stateWeight.merge(m.iso, w, Double::sum);
            if (m.host != null) {
                if (!stateWeight.containsKey(m.host)) {
                    stateOrder.add(m.host);
                }
                stateWeight.merge(m.host, 0.5, Double::sum);
            }
            i = end - 1;
        }
    }

    private static final Set<String> RECOGNISING = Set.of("recognise", "recognises", "recognised", "recognising", "recognize",
            "recognizes", "recognized", "recognizing", "recognition");
    private static final Set<String> RECOGNITION_FILLERS = Set.of("a", "an", "the", "of", "independent", "sovereign", "full",
            "formally", "officially", "as");

    /**
     * "would recognise a Palestinian state", "recognition of Kosovo": the state recognised benefits
     * from the act and is no party to a dispute about it, so it is no source or target (nor the
     * counterpart of a sentence that names one state only). "Morocco's sovereignty" stays Morocco.
     */
    private boolean recognised(int i, int end) {
        if (end < t.size && (t.word[end].equals("'s") || t.word[end].equals("'"))) {
            return false;
        }
        int s = t.sentenceOf(i);
        for (int k = i - 1; k >= Math.max(0, i - 4) && t.sentenceOf(k) == s; k--) {
            if (RECOGNISING.contains(t.lower[k])) {
                return true;
            }
            if (!RECOGNITION_FILLERS.contains(t.lower[k])) {
                return false;
            }
        }
        return false;
    }

    /** The first token in [from, to) that is {@code a} or {@code b} (lower case), or -1. */
    private int firstWord(int from, int to, String a, String b) {
        for (int k = from; k < to; k++) {
            if (t.lower[k].equals(a) || t.lower[k].equals(b)) {
                return k;
            }
        }
        return -1;
    }

    /** An all-capitals headline: "RUSSIA EXPELS TEN U.S. DIPLOMATS". */
    private boolean isAllCaps(int s) {
        int letters = 0;
        int upper = 0;
        int from = t.sentenceFrom(s);
        int to = t.sentenceTo(s);
        if (to - from < 3) {
            return false;
        }
        // the sentence has at most this many letters: past a tenth of it in lower case, it cannot be capitals
        int bound = t.end[to - 1] - t.start[from];
        int lower = 0;
        for (int i = from; i < to; i++) {
            String w = t.word[i];
            for (int k = 0; k < w.length(); k++) {
                char c = w.charAt(k);
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        upper++;
                    } else if (++lower * 10 > bound) {
                        return false;
                    }
                }
            }
        }
        return letters >= 12 && upper * 10 >= letters * 9;
    }

    private boolean isTrap(int i, int end, ActorEntry e) {
        String w = t.word[i];
        int s = t.sentenceOf(i);
        int sFrom = t.sentenceFrom(s);
        int sTo = t.sentenceTo(s);
        if (end < sTo && (e.kind() == ActorKind.SEAT || e.kind() == ActorKind.NAME) && NAMED_AFTER_A_PLACE.contains(t.lower[end])) {
            return true; // "the Ottawa Convention", "the Minsk agreements", "the Washington Post": a name, not the state
        }
        if (end - i == 1 && AMBIGUOUS_NAMES.contains(w) && !isTitleCase(s)) {
            // "Seattle, Washington", "Atlanta, Georgia": a US state after a city
            if ((w.equals("Washington") || w.equals("Georgia")) && i >= 2 && t.word[i - 1].equals(",")
                    && t.isCapitalized(i - 2) && lex.actors.get(t.word[i - 2]) == null) {
                return true;
            }
            if (w.equals("Georgia") || w.equals("Georgian")) {
                for (int k = sFrom; k < sTo; k++) {
                    if (GEORGIA_US.contains(t.word[k])) {
                        return true;
                    }
                }
            }
            // a person's name: "Jordan Peterson", "Michael Jordan"
            if (end < sTo && t.isCapitalized(end) && Character.isLetter(t.word[end].charAt(0)) && lex.actors.get(t.word[end]) == null
                    && !lex.institutions.containsKey(t.lower[end]) && !Dates.MONTHS.containsKey(t.lower[end])
                    && !Dates.WEEKDAYS.containsKey(t.lower[end]) && !isInstitutionStart(end)) {
                return true;
            }
            if (i > sFrom && t.isCapitalized(i - 1) && Character.isLetter(t.word[i - 1].charAt(0)) && lex.actors.get(t.word[i - 1]) == null
                    && !FUNCTION.contains(t.lower[i - 1]) && !isCommonCapital(t.lower[i - 1])
                    && !Dates.WEEKDAYS.containsKey(t.lower[i - 1]) && !Dates.MONTHS.containsKey(t.lower[i - 1])) {
                return true;
            }
        }
        if (w.equals("Turkey")) {
            for (int k = sFrom; k < sTo; k++) {
                if (TURKEY_BIRD.contains(t.lower[k])) {
                    return true;
                }
            }
        }
        return false;
    }

    private final Map<Integer, Boolean> titleCase = new HashMap<>();

    /** A headline in Title Case ("China Expels Two Diplomats"): capitals say nothing about names. */
    private boolean isTitleCase(int s) {
        return titleCase.computeIfAbsent(s, k -> {
            int caps = 0;
            int words = 0;
            for (int i = t.sentenceFrom(k); i < t.sentenceTo(k); i++) {
                if (Character.isLetter(t.word[i].charAt(0)) && t.word[i].length() > 3) {
                    words++;
                    if (Character.isUpperCase(t.word[i].charAt(0))) {
                        caps++;
                    }
                }
            }
            return words >= 3 && caps * 10 >= words * 7;
        });
    }

    private static boolean isCommonCapital(String lower) {
        return Set.of("in", "on", "at", "from", "with", "and", "but", "both", "while", "visiting", "for", "to", "by", "neighbouring",
                "neighboring", "king", "queen", "president", "minister", "prime", "ambassador", "envoy", "foreign", "southern",
                "northern", "eastern", "western", "central", "when", "as", "after", "before", "since", "like", "unlike").contains(lower);
    }

    private boolean isInstitutionStart(int j) {
        String l = t.lower[j];
        return l.equals("foreign") || l.equals("ministry") || l.equals("embassy") || l.equals("government") || l.equals("president")
                || l.equals("prime") || l.equals("ambassador") || l.equals("state") || l.equals("secretary") || l.equals("defence")
                || l.equals("defense") || l.equals("consulate") || l.equals("the");
    }

    private void assignRole(Mention m) {
        if (m.to < t.size && (t.word[m.to].equals("'s") || t.word[m.to].equals("'"))) {
            m.possessive = true;
        }
        if (m.kind == ActorKind.PLURAL) {
            m.role = Role.PEOPLE;
        } else if (m.kind == ActorKind.PERSON) {
            m.role = Role.AGENT;
        } else {
            Role r = m.kind == ActorKind.ADJ ? Role.PLAIN : Role.AGENT;
            int j = m.to + (m.possessive ? 1 : 0);
            int limit = Math.min(t.size, j + 4);
            int sentence = t.sentenceOf(m.from);
            boolean headFound = false;
            while (j < limit && t.sentenceOf(j) == sentence) {
                String l = t.lower[j];
                String inst = null;
                int len = 0;
                for (int n = 3; n >= 1 && inst == null; n--) {
                    if (j + n <= t.size) {
                        StringBuilder b = new StringBuilder(l);
                        for (int k = 1; k < n; k++) {
                            b.append(' ').append(t.lower[j + k]);
                        }
                        inst = lex.institutions.get(b.toString());
                        len = n;
                    }
                }
                if (inst != null) {
                    r = switch (inst) {
                        case "PERSON" -> Role.PEOPLE;
                        case "MISSION" -> Role.MISSION;
                        default -> Role.AGENT;
                    };
                    m.headEnd = j + len;
                    j += len;
                    headFound = true;
                    continue;
                }
                if (headFound) {
                    break; // "the Saudi foreign ministry declared ambassador X": the head noun ends the phrase
                }
                if (!Character.isLetterOrDigit(l.charAt(0)) && !l.equals("-")) {
                    break;
                }
                if (FUNCTION.contains(l) || lex.triggerWords.contains(l) || lex.actors.containsKey(t.word[j])) {
                    break;
                }
                j++;
            }
            m.role = r;
        }
        int p = m.from - 1;
        if (p >= 0 && t.sentenceOf(p) == t.sentenceOf(m.from)) {
            if (t.lower[p].equals("the") && p > 0) {
                p--;
            }
            String prev = t.lower[p];
            if (prev.equals("of") && p > 0 && PLACE_PARTS.contains(t.lower[p - 1])) {
                m.role = Role.HOST; // "on the outskirts of Moscow": a place
            } else if (prev.equals("in") && p > 0 && (t.lower[p - 1].equals("power") || "AGENT".equals(lex.institutions.get(t.lower[p - 1])))
                    && !m.possessive && m.role != Role.PEOPLE && !before(p - 1, t.sentenceFrom(t.sentenceOf(p)), 4, VISITED)) {
                // "the generals who seized power in Niamey", "the authorities in Moscow": who rules there
                m.role = Role.AGENT;
            } else if (LOCATIVE.contains(prev) && m.role != Role.PEOPLE) {
                m.role = Role.HOST;
            } else if (prev.equals("to") && p > 0 && (ENVOY_NOUNS.contains(t.lower[p - 1]) || MISSION_NOUNS.contains(t.lower[p - 1])
                    || t.lower[p - 1].equals("ambassador"))) {
                m.role = Role.HOST;
            }
        }
    }

    // ------------------------------------------------------------------ triggers

    private List<Trig> findTriggers(int from, int to) {
        List<Trig> out = new ArrayList<>();
        int metEnd = -1;
        for (int i = from; i < to; i++) {
            if (!lex.triggerWords.contains(t.lower[i])) {
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

    private Trig resolve(int i, int end, TriggerDef d, int from, int to) {
        ActionType type;
        int anchor = i;
        boolean passive = d.kind() == 'V' && isParticiple(t.lower[i]) && beforeAny(i, from, 3, BE_FORMS);
        switch (d.needs()) {
            case "PERSON" -> {
                if (!near(i, end, from, to, 8, PERSON_NOUNS) && !nearMention(i, end, 8, Role.PEOPLE)) {
                    return null;
                }
            }
            case "DIPLOMAT" -> {
                if (!after(end, to, 6, DIPLOMAT_NOUNS) && !(after(end, to, 5, STAFF_NOUNS)
                        && after(end, to, 6, Set.of("embassy", "consulate", "diplomatic", "mission", "consular")))) {
                    return null;
                }
            }
            case "HOSTILEVERB" -> {
                int v = measureObjects.governingVerb(i, end, from, to);
                if (v < 0) {
                    return null;
                }
                anchor = v;
                passive = isParticiple(t.lower[v]) && beforeAny(v, from, 3, BE_FORMS);
            }
            case "MISSION" -> {
                if (!after(end, to, 6, MISSION_NOUNS) && !before(i, from, 4, MISSION_NOUNS)) {
                    return null;
                }
                if (t.lower[i].startsWith("clos") && end < to && (t.lower[end].equals("to") || t.lower[end].equals("ties")
                        || t.lower[end].equals("ally") || t.lower[end].equals("allies"))) {
                    return null;
                }
            }
            case "PROPERTY" -> {
                if (!near(i, end, from, to, 6, PROPERTY_NOUNS)) {
                    if (near(i, end, from, to, 6, PERSON_NOUNS) || nearMention(i, end, 6, Role.PEOPLE)) {
                        return new Trig(i, end, anchor, d, ActionType.DETAIN, passive);
                    }
                    return null;
                }
            }
            case "ENVOY" -> {
                if (!near(i, end, from, to, 8, ENVOY_NOUNS) && !nearNamedAmbassador(i, end, 8) && !diplomaticStaffAfter(end, to)
                        && !(after(end, to, 5, Set.of("ministry", "mea")) && t.lower[i].startsWith("summon"))
                        && !measureObjects.ownDrawdown(i, end, from, to)) {
                    return null;
                }
            }
            case "CHARGED" -> {
                // "prosecutors charged three men, among them an official of ...", "two attaches were charged":
                // people charged, not "charged that ..." (an accusation)
                if (end < to && t.lower[end].equals("that") || !(after(end, to, 8, PERSON_NOUNS) || passive && before(i, from, 8, PERSON_NOUNS))) {
                    return null;
                }
            }
            case "CREDENTIALS" -> {
                if (!after(end, to, 5, Set.of("credentials", "accreditation", "accreditations", "visas", "visa"))) {
                    return null;
                }
                if (after(end, to, 5, Set.of("visas", "visa")) && !after(end, to, 5, Set.of("credentials", "accreditation"))) {
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
                if (out < 0 || !(after(end, out, 7, PERSON_NOUNS) || nearMention(end, out, 0, Role.PEOPLE)
                        || passive && before(i, from, 8, PERSON_NOUNS))) {
                    return null;
                }
            }
            case "ENVOYHOME" -> {
                // "bring its ambassador home", "brought back the envoy": one's own envoy, so a recall
                int h = firstWord(end, Math.min(to, end + 6), "home", "back");
                // "bring back / home its ambassador" or "bring its ambassador home / back"
                if (h < 0 || !(h == end ? after(end + 1, to, 4, ENVOY_NOUNS) : after(end, h, 5, ENVOY_NOUNS))) {
                    return null;
                }
            }
            case "SENDHOME" -> {
                // "sent two German diplomats home"
                int h = firstWord(end, Math.min(to, end + 7), "home", "packing");
                if (h < 0 || !(after(end, h, 6, PERSON_NOUNS) || nearMention(end, h, 0, Role.PEOPLE))) {
                    return null;
                }
            }
            case "RELATIONS" -> {
                if (!after(end, to, 4, RELATION_NOUNS) || after(end, to, 3, Set.of("trade", "economic", "business", "family"))) {
                    return null;
                }
            }
            case "TRADE" -> {
                if (!near(i, end, from, to, 6, TRADE_NOUNS)) {
                    return null;
                }
            }
            case "LEAVE" -> {
                int o = orderVerbBefore(i, from);
                if (o < 0 || !(before(o + 1, from, 12, PERSON_NOUNS) || nearMention(o, o + 1, 12, Role.PEOPLE) || after(o, i, 6, PERSON_NOUNS))) {
                    return null;
                }
                // "ordered to leave": no object between the order and "to leave", so the people ordered stand before it
                boolean objectBetween = false;
                for (int k = o + 1; k < i - 1; k++) {
                    if (PERSON_NOUNS.contains(t.lower[k]) || mentionAt(k) != null) {
                        objectBetween = true;
                    }
                }
                anchor = o;
                passive = !objectBetween;
            }
            case "THREATOBJ" -> {
                if (!after(end, to, 14, THREAT_OBJECTS)) {
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
                if (!after(end, to, 5, THREAT_OBJECTS) && !after(end, to, 4, Set.of("force", "firmness", "resolve"))) {
                    return null;
                }
            }
            case "FUTURE" -> {
                // "would be treated as an act of war": the modal sits further back
                int w = t.lower[i].equals("act") ? 6 : 4;
                if (!before(i, from, w, FUTURE_MARKERS) || (t.lower[i - 1].equals("to") && !before(i - 1, from, 3, FUTURE_MARKERS))) {
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
                passive = isParticiple(t.lower[v]) && beforeAny(v, from, 3, BE_FORMS);
            }
            case "WEIGHED" -> {
                if (!threatFrames.measuresWeighed(end, to)) {
                    return null;
                }
            }
            case "HELD" -> {
                if (!before(i, from, 3, HELD_MARKERS)) {
                    return null;
                }
            }
            case "AGREEOBJ" -> {
                if (!after(end, to, 5, AGREE_OBJECTS)) {
                    return null;
                }
            }
            case "ULTIMATUM" -> {
                // "gave Moscow until noon on Thursday to ...": an ultimatum to the state named in between
                int g = -1;
                for (int k = i - 1; k >= Math.max(from, i - 5); k--) {
                    if (t.lower[k].equals("gave") || t.lower[k].equals("given") || t.lower[k].equals("giving") || t.lower[k].equals("give")) {
                        g = k;
                        break;
                    }
                }
                if (g < 0 || g + 1 >= i || mentionAt(g + 1) == null && !(g + 2 < i && mentionAt(g + 2) != null)) {
                    return null;
                }
                anchor = g;
            }
            case "RESTOREOBJ" -> {
                if (before(i, from, 6, UNDOING)) {
                    return null; // "withdrawing permission to reopen": the opposite of an agreement
                }
                if (!after(end, to, 5, Set.of("relations", "ties", "embassy", "embassies", "consulate", "consulates",
                        "ambassador", "ambassadors", "flights", "visa", "visas"))
                        || after(end, to, 3, Set.of("trade", "economic", "business"))) {
                    return null;
                }
            }
            case "LIFTOBJ" -> {
                if (!after(end, to, 4, LIFT_OBJECTS)) {
                    return null;
                }
            }
            default -> {
            }
        }
        if (d.type().equals("RESTRICT") && t.lower[i].equals("no")) {
            // "X nationals will no longer be allowed to travel ... under a visa exemption": only a visa regime
            // makes this a measure; "no longer allowed to hire" and the like are the generic case below
            type = after(end, to, 10, VISA_WORDS) ? ActionType.RESTRICT_VISAS : restrictionType(i, end, from, to);
            if (type == null) {
                return null;
            }
            passive = true; // those no longer allowed are acted upon

        } else if (d.type().equals("RESTRICT") && after(end, to, 3, Set.of("operations", "activities", "activity"))
                && after(end, to, 7, MISSION_NOUNS)) {
            type = ActionType.CLOSE_MISSION; // "suspended operations at its embassy in X": the mission stops working
        } else if (d.type().equals("RESTRICT") && t.lower[i].startsWith("den") && end < to
                && (denialObjects.contains(t.lower[end]) || isGerund(end))) {
            return null; // "denies expelling ...", "denied any involvement": a denial, not visas denied
        } else if (d.type().equals("RESTRICT") && (t.lower[i].startsWith("reduc") || t.lower[i].startsWith("cut"))
                && measureObjects.ownDrawdown(i, end, from, to)) {
            type = ActionType.RECALL_ENVOY; // "reduced its staff in X": one's own people brought home
        } else if (d.type().equals("RESTRICT")) {
            type = restrictionType(i, end, from, to);
            if (type == null && after(end, to, 4, RELATION_NOUNS) && !after(end, to, 3, Set.of("trade", "economic", "business"))) {
                type = ActionType.RECALL_ENVOY;
            }
            if (type == null && after(end, to, 5, Set.of("assets", "accounts", "property", "properties"))) {
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
                    passive = isParticiple(t.lower[k]) && beforeAny(k, from, 3, BE_FORMS);
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
            if (ORDER_VERBS.contains(t.lower[k])) {
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
                    if (l.equals(";") || l.equals(":") || ORDER_VERBS.contains(l) && !l.equals("have") && !l.equals("has")) {
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
            ActionType c = VISA_WORDS.contains(l) ? ActionType.RESTRICT_VISAS
                    : STAFF_WORDS.contains(l) ? ActionType.RESTRICT_STAFF
                    : GOODS_WORDS.contains(l) ? ActionType.TRADE_MEASURE : null;
            if (c != null && Math.abs(k - i) < best) {
                best = Math.abs(k - i);
                type = c;
            }
        }
        return type;
    }

    /** "the Serbian state, which": one lower-case head noun (no action word) between the mention and ", which". */
    private boolean headNounBefore(Mention m, int which) {
        int noun = which - 2;
        return noun >= 1 && m.to == noun && t.word[which - 1].equals(",") && Character.isLowerCase(t.word[noun].charAt(0))
                && Character.isLetter(t.word[noun].charAt(0)) && !lex.triggerWords.contains(t.lower[noun]) && (m.kind == ActorKind.ADJ);
    }

    /** A lower-case -ing form: "denies expelling", "denied targeting". */
    private boolean isGerund(int k) {
        String w = t.word[k];
        return w.length() > 4 && w.endsWith("ing") && Character.isLowerCase(w.charAt(0));
    }

    private static boolean isParticiple(String w) {
        return w.endsWith("ed") || w.equals("told") || w.equals("shut") || w.equals("cut") || w.equals("withdrawn")
                || w.equals("given") || w.equals("seized") || w.equals("frozen") || w.equals("kicked");
    }

    // ------------------------------------------------------------------ one trigger -> one hit

    private Hit analyse(Trig tr, int s, int from, int to, List<Trig> all, List<Dates.DateExpr> dates, boolean deadlineSentence,
            FuzzyDate inherited) {
        List<Mention> cands = new ArrayList<>();
        for (Mention m : bySentence.get(s)) {
            if (m.from >= from && m.to <= to) {
                cands.add(m);
            }
        }
        if (cands.isEmpty()) {
            return null;
        }
        int a = tr.anchor();
        // an object named after its governing verb ("suspended the cooperation agreement") is that verb's act
        boolean nominal = !tr.def().needs().equals("HOSTILEVERB") && (tr.def().kind() == 'N' || isNominal(tr));
        if (nominal && framing.recordPhrase(tr.from(), tr.to(), from, to)) {
            return null; // "the first expulsion of an ambassador from X since 1945": a comment on an act told elsewhere
        }
        if (measureObjects.militaryObject(tr, from, to)) {
            return null; // soldiers sent home are no diplomatic measure
        }
        int b1 = from;
        int b2 = to;
        for (int k = a - 1; k >= from; k--) {
            if (isClauseBoundary(k)) {
                b1 = k;
                break;
            }
        }
        for (int k = tr.to(); k < to - 1; k++) {
            if (isClauseBoundary(k)) {
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
                    && (t.lower[prevWord(m.from)].equals("on") || t.lower[prevWord(m.from)].equals("against"))) {
                attached = true;
            }
        }
        for (int k = Math.max(from, tr.from() - 3); k < tr.from(); k++) {
            if (LIGHT_VERBS.contains(t.lower[k])) {
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
                    && (ORDER_VERBS.contains(t.lower[prevWord(m.from)]) || t.lower[prevWord(m.from)].equals("forced"))) {
                v[0] -= 4; // "asked Canada to reduce": Canada is told, the asker acts
                v[1] += 5;
            }
            if (tr.type() == ActionType.THREATEN_RETALIATION && m.from >= tr.to() && speech.retaliatesNext(m)) {
                v[0] += 4; // "warned that Beijing would retaliate": who will retaliate is who threatens
                v[1] -= 4;
            }
            if (m.from >= tr.to() && isSpeaker(m)) {
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
                String p = t.lower[prevWord(m.from)];
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
                if (ms.iso.equals(mt.iso) || coordinated(ms, mt)) {
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
                    if (!reciprocal && !ms.clauseOut && !mt.clauseOut && ms.from < mt.from && !ms.iso.equals(mt.iso) && coordinated(ms, mt)) {
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
                    other = counterpart(x, cands);
                }
                if (other != null && !other.equals(x)) {
                    source = asSource >= asTarget ? x : other;
                    target = asSource >= asTarget ? other : x;
                    sourceM = asSource >= asTarget ? bs : null;
                    targetM = asSource >= asTarget ? null : bt;
                }
            }
        }
        boolean subordinateSubject = b1 > from && SUBORDINATORS.contains(t.lower[b1]) && b1 + 1 < a
                && !(t.lower[b1 + 1].endsWith("ing") && !byTokenIs(b1 + 1));
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
            String other = counterpart(x, cands);
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
                    target = counterpart(source, cands);
                }
                if (target == null) {
                    return null;
                }
            } else if (cands.stream().map(m -> m.iso).distinct().count() == 1) {
                // "If X goes ahead, a similar step will be taken against it," he said: the one named is warned
                target = cands.get(0).iso;
                targetM = cands.get(0);
                source = counterpart(target, cands);
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
        // an action inside "after / because / when ..." is the background of the main clause
        boolean subordinate = b1 > from && b1 < a && SUBORDINATORS.contains(t.lower[b1]) && !t.lower[b1].equals("before");
        if (a > from + 1 && SUBORDINATORS.contains(t.lower[from]) && !t.lower[from].equals("before")
                && !Set.of("that", "this", "these", "which").contains(t.lower[from + 1])) {
            boolean comma = false;
            for (int k = from; k < a; k++) {
                comma |= t.word[k].equals(",");
            }
            subordinate = !comma; // "After Tallinn capped the staff, Moscow expelled ...": only up to the comma
        }
        h.type = tr.type();
        h.source = source;
        h.target = target;
        h.sourceMention = sourceM;
        h.targetMention = targetM;
        h.sentence = s;
        h.anchor = a;
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
            if (!afterTrigger && cueBetween(d.to(), tr.from())) {
                continue; // "ordered on Friday in retaliation for the shutting of ...": the answer's date, not the cited act's
            }
            if (afterTrigger && !h.referenced && (cueBetween(tr.to(), d.from()) || connective(d, to))) {
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

    /** "Germany, France and Poland": members of one list are never each other's source and target. */
    private boolean coordinated(Mention a, Mention b) {
        return coordination.coordinated(a, b) || a.group != null && a.group.contains(b.iso) || b.group != null && b.group.contains(a.iso);
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

    private boolean samePragraph(int s1, int s2) {
        int a = t.sentenceCharEnd(s1);
        int b = t.sentenceCharStart(s2);
        for (int k = a; k < b; k++) {
            if (t.text.charAt(k) == '\n') {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> ORGANISATIONS = Set.of("EU", "NATO", "UN", "OSCE", "G7", "G20", "Union", "Commission",
            "bloc", "alliance", "Council", "IAEA", "WTO", "ASEAN", "AU", "ECOWAS", "OPEC");

    /** An organisation (EU, NATO, ...) nearer to the trigger on its subject side than any state. */
    private boolean organisationActs(List<Mention> cands, int from, int a) {
        int nearestState = -1;
        for (Mention m : cands) {
            if (m.to <= a && !m.clauseOut) {
                nearestState = Math.max(nearestState, m.to);
            }
        }
        for (int k = a - 1; k >= Math.max(from, nearestState); k--) {
            if (ORGANISATIONS.contains(t.word[k]) && (byToken[k] == null)) {
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
            if (l.equals(",") && k + 1 < t.size && isParticipialClause(k + 1)) {
                continue; // "..., accusing him of ..., the ministry said on Friday": still the same report
            }
            if (isClauseBoundary(k) || l.equals("after") || l.equals("because") || l.equals("when") || l.equals("although")
                    || l.equals("though") || l.equals("over")) {
                return true;
            }
        }
        return false;
    }

    private boolean isClauseBoundary(int k) {
        String l = t.lower[k];
        if (l.equals(";") || l.equals(":") || l.equals("wherein") || l.equals("where") || l.equals("which") || l.equals("whereas")
                || l.equals("while") || l.equals("who") || l.equals("whose") || SUBORDINATORS.contains(l)) {
            return true;
        }
        if (l.equals(",") && k + 2 < t.size && t.lower[k + 1].equals("and") && mentionAt(k - 1) != null && mentionAt(k + 2) != null
                && mentionAt(k - 1).list != null && mentionAt(k - 1).list == mentionAt(k + 2).list) {
            return false; // "Sweden, Denmark, and Norway": the last comma of a list
        }
        return l.equals(",") && k + 1 < t.size && (t.lower[k + 1].equals("and") || t.lower[k + 1].equals("but")
                || isParticipialClause(k + 1));
    }

    /** ", accusing him of ...": a participial phrase (a lower-case -ing word, not "Beijing", not an action word). */
    private static final Set<String> SPEECH = Set.of("said", "says", "told", "added", "stated", "noted", "warned", "wrote",
            "tweeted", "insisted", "declared", "announced");

    /** A mention right after a closing quote and followed by a speech verb: the attribution of a quote. */
    private boolean isSpeaker(Mention m) {
        int end = Math.max(m.to, m.headEnd);
        boolean speaks = end < t.size && SPEECH.contains(t.lower[end]) || end + 1 < t.size && SPEECH.contains(t.lower[end + 1]);
        for (int k = end; !speaks && k < Math.min(t.size - 1, end + 4) && Character.isUpperCase(t.word[k].charAt(0)); k++) {
            speaks = SPEECH.contains(t.lower[k + 1]); // "... ," Israeli Foreign Minister Jane Doe said: title and name
        }
        if (!speaks) {
            return false;
        }
        for (int k = m.from - 1; k >= Math.max(0, m.from - 6); k--) {
            String w = t.word[k];
            if (w.equals("\u201d") || w.equals("\"") || w.equals("'") || w.equals("\u2019")) {
                return true;
            }
        }
        return false;
    }

    private boolean isParticipialClause(int k) {
        String w = t.word[k];
        return w.length() > 5 && w.endsWith("ing") && Character.isLowerCase(w.charAt(0)) && !lex.triggerWords.contains(t.lower[k]);
    }

    /** Words after which a base form is a verb: "to", the modals. */
    private static final Set<String> VERB_OPENERS = Set.of("to", "will", "would", "shall", "could", "may", "might", "must", "'ll");

    private boolean isNominal(Trig tr) {
        String w = t.lower[tr.from()];
        if (w.endsWith("ing") && tr.to() < t.size && t.lower[tr.to()].equals("of")) {
            return true; // "the freezing of new trade"
        }
        if (w.endsWith("ion") && tr.from() > 0 && VERB_OPENERS.contains(t.lower[tr.from() - 1])) {
            return false; // "agreed to sanction 19 officials", "will sanction": a verb that looks like a noun
        }
        return w.endsWith("ion") || w.endsWith("ions") || w.endsWith("ure") || w.endsWith("ures") || w.equals("sanctions")
                || w.equals("ban") && tr.from() > 0 && (t.lower[tr.from() - 1].equals("a") || t.lower[tr.from() - 1].equals("the"));
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
        int p = prevWord(m.from);
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
        int p = prevWord(m.from);
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
            if (PERSON_NOUNS.contains(l) || MISSION_NOUNS.contains(l) || lex.triggerWords.contains(l) || l.equals(",")) {
                return false;
            }
        }
        return true;
    }

    /** The previous word, skipping a determiner. */
    private int prevWord(int i) {
        int p = i - 1;
        if (p >= 0 && (t.lower[p].equals("the") || t.lower[p].equals("a"))) {
            p--;
        }
        return p;
    }

    private String counterpart(String x, List<Mention> sentence) {
        for (Mention m : sentence) {
            if (m.host != null && !m.host.equals(x)) {
                return m.host;
            }
        }
        String best = null;
        double bw = 0;
        for (String iso : stateOrder) {
            if (iso.equals(x)) {
                continue;
            }
            double w = stateWeight.get(iso);
            if (w > bw) {
                bw = w;
                best = iso;
            }
        }
        return best;
    }

    private boolean isReferenced(Trig tr, List<Trig> all, int from) {
        if (tr.def().kind() != 'N' && !isNominal(tr)) {
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
            if (REFERENCING.contains(t.lower[k])) {
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
            if (NEGATORS.contains(l) && !(k + 1 < to && t.lower[k + 1].equals("only")) || refusals.contains(l)) {
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
        if (speech.threatVerbBefore(a, from) || startsWith(from, to, "otherwise") || startsWith(from, to, "or else")) {
            // "threatened to expel": the threat is the action; "Otherwise, we will close ...": the price
            // of a demand not met
            return Modality.THREATENED;
        }
        for (int k = a - 1; k >= Math.max(from, a - 6); k--) {
            String l = t.lower[k];
            if (l.equals("if") || l.equals("unless") || l.equals("whether")) {
                conditional = true;
                return Modality.HYPOTHETICAL; // the condition of a threat, not an action
            }
            if (l.equals(",") || l.equals(";") || PLANNED.contains(l) || l.equals("would") || l.equals("could")) {
                break;
            }
        }
        boolean reported = false;
        boolean leadingClause = SUBORDINATORS.contains(t.lower[from]);
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
            if (HYPOTHETICAL.contains(l) && !t.word[k].equals("May")) {
                return Modality.HYPOTHETICAL;
            }
        }
        if (t.lower[from].equals("if") || t.lower[from].equals("unless")) {
            return Modality.HYPOTHETICAL;
        }
        for (int k = from; k < a; k++) {
            if (DELIBERATION.contains(t.lower[k])) {
                return Modality.HYPOTHETICAL; // "Options under discussion include expulsions ..."
            }
        }
        if (speech.requested(a, from, this::isClauseBoundary)) {
            return Modality.HYPOTHETICAL;
        }
        for (int k = a - 1; k >= Math.max(from, a - 4); k--) {
            String l = t.lower[k];
            if (PLANNED.contains(l) || (l.equals("be") && k > from && t.lower[k - 1].equals("to"))) {
                return Modality.PLANNED;
            }
        }
        for (int k = a - 1; k >= Math.max(from, a - 6); k--) {
            String l = t.lower[k];
            if (BACKGROUND.contains(l) && !(k + 1 < to && (t.lower[k + 1].equals("this") || t.lower[k + 1].equals("on")))) {
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
            if (BE_FORMS.contains(t.lower[k]) && (t.lower[k - 1].equals("who") || t.lower[k - 1].equals("which")
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

    private static final Set<String> REPORTING = Set.of("said", "says", "announced", "confirmed", "stated", "added", "told");

    /** "X said (that) it had ...": a reporting verb just before the subject of the past perfect. */
    private boolean backshifted(int had, int from) {
        for (int j = had - 1; j >= Math.max(from, had - 4); j--) {
            if (REPORTING.contains(t.lower[j])) {
                return true;
            }
            if (t.lower[j].equals(",") || t.lower[j].equals(";")) {
                return false;
            }
        }
        return false;
    }

    private static final Set<String> SUBJECT_PRONOUNS = Set.of("it", "they", "he", "she");

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
            } else if (SUBJECT_PRONOUNS.contains(t.lower[k])) {
                pronoun = true;
            }
        }
        if (!pronoun || s == 0) {
            return null;
        }
        for (Mention m : bySentence.get(s - 1)) {
            if (m.role == Role.AGENT || m.role == Role.PEOPLE && m.possessive) {
                return m.iso.equals(other) ? null : m.iso;
            }
        }
        return null;
    }

    /** A mention right after a lower-case past form ("accused Paris", "backed Armenia"): the object of another verb. */
    private boolean objectOfVerb(Mention m, int from) {
        int p = prevWord(m.from);
        if (p < from) {
            return false;
        }
        String w = t.word[p];
        return w.length() > 4 && w.endsWith("ed") && Character.isLowerCase(w.charAt(0)) && !lex.triggerWords.contains(t.lower[p])
                && !ORDER_VERBS.contains(t.lower[p]);
    }

    private boolean isThreatened(Trig tr, int from) {
        int a = tr.anchor();
        boolean modal = false;
        for (int k = a - 1; k >= Math.max(from, a - 4); k--) {
            String l = t.lower[k];
            if (l.equals("will") || l.equals("would") || l.equals("could") || l.equals("'ll") || l.equals("might")) {
                modal = true;
            }
            if (l.equals("threatened") || l.equals("threatens") || l.equals("threaten") || l.equals("threat")
                    || l.equals("threatening")) {
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
            if (THREAT_WORDS.contains(t.lower[k])) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ counts

    /** A demonym before a person (not "the Iranian judiciary executed"): within five words after the act. */
    private boolean foreignPersonAfter(int end, int to) {
        for (int k = end; k < Math.min(to, end + 5); k++) {
            Mention m = mentionAt(k);
            if (m == null) {
                continue;
            }
            if (m.kind == ActorKind.PLURAL) {
                return true;
            }
            int j = m.to;
            while (j < to && (t.word[j].equals("-") || mentionAt(j) != null)) {
                j = mentionAt(j) != null ? mentionAt(j).to : j + 1; // "German-Iranian"
            }
            return m.kind == ActorKind.ADJ && j < to && (PERSON_NOUNS.contains(t.lower[j]) || PEOPLE_WORDS.contains(t.lower[j]));
        }
        return false;
    }

    private static final Set<String> PEOPLE_WORDS = Set.of("dissident", "activist", "journalist", "citizen", "national", "man",
            "woman", "worker", "businessman", "academic", "researcher", "tourist", "aid", "student", "blogger", "writer", "reporter");

    /** Adjectives that make people a group of several states: "Western diplomats", "EU envoys". */
    private static final Set<String> GROUP_ADJECTIVES = Set.of("western", "european", "foreign", "eu", "nato", "baltic", "nordic",
            "arab", "african", "asian", "allied", "international", "gulf", "latin", "scandinavian", "g7");

    /**
     * Whether the people acted upon are a group of states ("European diplomats were expelled") with no state of
     * their own named in the object: then a state elsewhere in the sentence is not the target.
     */
    private boolean groupObject(Trig tr, int from, int to, Mention targetM) {
        int lo = tr.passive() ? Math.max(from, tr.from() - 6) : tr.to();
        int hi = tr.passive() ? tr.from() : Math.min(to, tr.to() + 6);
        for (int k = lo; k < hi; k++) {
            String l = t.lower[k];
            if (l.isEmpty() || "wefabingls".indexOf(l.charAt(0)) < 0 || !GROUP_ADJECTIVES.contains(l)) {
                continue;
            }
            for (int j = k + 1; j < Math.min(to, k + 3); j++) {
                if (DIPLOMAT_NOUNS.contains(t.lower[j]) || PERSON_NOUNS.contains(t.lower[j])) {
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
        for (String c : CONNECT_SAME) {
            if (startsWith(from, to, c)) {
                return base;
            }
        }
        for (String c : CONNECT_AFTER) {
            if (startsWith(from, to, c)) {
                return base.precision() == DatePrecision.DAY ? FuzzyDate.ofMonth(base.year(), base.month()) : base;
            }
        }
        return null;
    }

    private boolean startsWithAny(int s, Set<String> phrases) {
        if (s >= t.sentences) {
            return false;
        }
        for (String p : phrases) {
            if (startsWith(t.sentenceFrom(s), t.sentenceTo(s), p)) {
                return true;
            }
        }
        return false;
    }

    private static final Map<String, String[]> SPLIT = new java.util.concurrent.ConcurrentHashMap<>();

    private boolean startsWith(int from, int to, String phrase) {
        if (from >= to || phrase.charAt(0) != t.lower[from].charAt(0)) {
            return false;
        }
        String[] ws = SPLIT.computeIfAbsent(phrase, p -> p.split(" "));
        if (from + ws.length > to) {
            return false;
        }
        for (int k = 0; k < ws.length; k++) {
            if (!t.lower[from + k].equals(ws[k])) {
                return false;
            }
        }
        return true;
    }

    /** "..., a day after Canada ordered ...": the expression dates the clause it opens, not what precedes it. */
    private boolean connective(Dates.DateExpr d, int to) {
        String last = t.lower[d.to() - 1];
        return (last.equals("after") || last.equals("before")) && d.to() < to && Character.isLetter(t.lower[d.to()].charAt(0));
    }

    private boolean cueBetween(int from, int to) {
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

    private boolean containsAny(int from, int to, Set<String> words) {
        for (int k = from; k < to; k++) {
            if (words.contains(t.lower[k])) {
                return true;
            }
        }
        return false;
    }

    private boolean near(int i, int end, int from, int to, int w, Set<String> words) {
        return before(i, from, w, words) || after(end, to, w, words);
    }

    private boolean before(int i, int from, int w, Set<String> words) {
        for (int k = i - 1; k >= Math.max(from, i - w); k--) {
            if (words.contains(t.lower[k])) {
                return true;
            }
        }
        return false;
    }

    private boolean beforeAny(int i, int from, int w, Set<String> words) {
        return before(i, from, w, words);
    }

    private boolean after(int end, int to, int w, Set<String> words) {
        for (int k = end; k < Math.min(to, end + w); k++) {
            if (words.contains(t.lower[k])) {
                return true;
            }
        }
        return false;
    }

    private boolean nearMention(int i, int end, int w, Role role) {
        for (int k = Math.max(0, i - w); k < Math.min(t.size, end + w); k++) {
            Mention m = byToken[k];
            if (m != null && m.role == role && t.sentenceOf(m.from) == t.sentenceOf(i)) {
                return true;
            }
        }
        return false;
    }

    private boolean nearNamedAmbassador(int i, int end, int w) {
        for (int k = Math.max(0, i - w); k < Math.min(t.size, end + w); k++) {
            Mention m = byToken[k];
            if (m != null && m.host != null && t.sentenceOf(m.from) == t.sentenceOf(i)) {
                return true;
            }
        }
        return false;
    }

    private boolean byTokenIs(int k) {
        return mentionAt(k) != null;
    }

    private Mention mentionAt(int k) {
        return k >= 0 && k < byToken.length ? byToken[k] : null;
    }
}
