package io.riposte.extraction.internal;

import io.riposte.extraction.internal.Lexicon.ActorEntry;
import io.riposte.extraction.internal.Lexicon.ActorKind;
import io.riposte.extraction.internal.Lexicon.Phrase;
import io.riposte.extraction.internal.Mention.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The actor-mention pass: every mention of a state in the article (names, capitals and seats, office-holders
 * in office, demonyms, institutions; the European Union), with its role (AGENT, PEOPLE, MISSION, PLAIN, HOST),
 * after the traps (a US state, a person's name, a treaty named after a city, a recognised state); then the bare
 * institutions and described countries ({@link StoryActors}) and lists and groups ({@link Coordination}). It
 * also weighs the states of the article, for the counterpart of a sentence that names one state only.
 *
 * <p>Word lists ({@code words.tsv}): {@code MISSION_NOUNS}, {@code ENVOY_NOUNS}, {@code COMMON_CAPITALISED},
 * {@code INSTITUTION_STARTS}, {@code NAMED_AFTER_A_PLACE}, {@code LOCATIVE}, {@code AMBIGUOUS_NAMES},
 * {@code GEORGIA_US}, {@code TURKEY_BIRD}, {@code FUNCTION}, {@code PLACE_PARTS}, {@code VISITED},
 * {@code RECOGNISING}, {@code RECOGNITION_FILLERS}.
 */
final class ActorMentions {
    private final Tokens t;
    private final Lexicon lex;
    private final LocalDate published;
    private final Segmentation seg;
    private final Set<String> missionNouns;
    private final Set<String> envoyNouns;
    /** Capitalised words before a state's name that are no first name ("Visiting Prime Minister", "In Jordan"). */
    private final Set<String> commonCapitalised;
    /** Words after a state's name that start an institution, not a person's surname ("Jordan Foreign Ministry"). */
    private final Set<String> institutionStarts;

    ActorMentions(Tokens tokens, Lexicon lex, LocalDate published, Segmentation seg) {
        this.t = tokens;
        this.lex = lex;
        this.published = published;
        this.seg = seg;
        this.missionNouns = lex.words("MISSION_NOUNS");
        this.envoyNouns = lex.words("ENVOY_NOUNS");
        this.commonCapitalised = lex.words("COMMON_CAPITALISED");
        this.institutionStarts = lex.words("INSTITUTION_STARTS");
        this.namedAfterAPlace = lex.words("NAMED_AFTER_A_PLACE");
        this.locative = lex.words("LOCATIVE");
        this.ambiguousNames = lex.wordsAsWritten("AMBIGUOUS_NAMES");
        this.georgiaUs = lex.wordsAsWritten("GEORGIA_US");
        this.turkeyBird = lex.words("TURKEY_BIRD");
        this.function = lex.words("FUNCTION_WORDS");
        this.placeParts = lex.words("PLACE_PARTS");
        this.visited = lex.words("VISITED");
        this.recognising = lex.words("RECOGNISING");
        this.recognitionFillers = lex.words("RECOGNITION_FILLERS");
    }

    /** Words that make a place name part of the name of a treaty, a meeting or a newspaper. */
    private final Set<String> namedAfterAPlace;

    private final Set<String> locative;

    private final Set<String> ambiguousNames;

    private final Set<String> georgiaUs;

    private final Set<String> turkeyBird;

    private final Set<String> function;

    private final Set<String> placeParts;

    /** "summoned to the foreign ministry in X": X is where, not who. */
    private final Set<String> visited;

    private final List<Mention> mentions = new ArrayList<>();

    private final Map<String, Double> stateWeight = new HashMap<>();

    private final List<String> stateOrder = new ArrayList<>();

    private Mention[] byToken = new Mention[0];

    /** mentions of each sentence, in order */
    private List<List<Mention>> bySentence = List.of();

    private Coordination coordination;

    /** Finds the article's mentions: names in the text, bare institutions, described countries, lists and groups. */
    void find() {
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
                        titled[i] = w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT); // "RUSSIA" -> "Russia"
                    }
                }
            }
        }
        if (titled != null) {
            words = titled;
        }
        for (int i = 0; i < t.size; i++) {
            if (words == t.word && !t.startsActor(i, lex)) {
                continue; // most tokens start no actor phrase: no map lookup
            }
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
                // words, not t.word: in a sentence in capitals the phrase was found under its title-cased form
                for (Phrase<ActorEntry> q : lex.actors.get(words[i])) {
                    ActorEntry f = q.value();
                    if (q.tokens().length == p.tokens().length && f.kind() == ActorKind.PERSON && year >= f.from() && year <= f.to()
                            && Arrays.equals(q.tokens(), p.tokens())) {
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

    private final Set<String> recognising;

    private final Set<String> recognitionFillers;

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
            if (t.in(recognising, k)) {
                return true;
            }
            if (!t.in(recognitionFillers, k)) {
                return false;
            }
        }
        return false;
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
        if (end < sTo && (e.kind() == ActorKind.SEAT || e.kind() == ActorKind.NAME) && t.in(namedAfterAPlace, end)) {
            return true; // "the Ottawa Convention", "the Minsk agreements", "the Washington Post": a name, not the state
        }
        if (end - i == 1 && ambiguousNames.contains(w) && !isTitleCase(s)) {
            // "Seattle, Washington", "Atlanta, Georgia": a US state after a city
            if ((w.equals("Washington") || w.equals("Georgia")) && i >= 2 && t.word[i - 1].equals(",")
                    && t.isCapitalized(i - 2) && lex.actors.get(t.word[i - 2]) == null) {
                return true;
            }
            if (w.equals("Georgia") || w.equals("Georgian")) {
                for (int k = sFrom; k < sTo; k++) {
                    if (georgiaUs.contains(t.word[k])) {
                        return true;
                    }
                }
            }
            // a person's name: "Jordan Peterson", "Michael Jordan"
            if (end < sTo && t.isCapitalized(end) && Character.isLetter(t.word[end].charAt(0)) && lex.actors.get(t.word[end]) == null
                    && !lex.institutions.containsKey(t.lower[end]) && !lex.dates.months.containsKey(t.lower[end])
                    && !lex.dates.weekdays.containsKey(t.lower[end]) && !isInstitutionStart(end)) {
                return true;
            }
            if (i > sFrom && t.isCapitalized(i - 1) && Character.isLetter(t.word[i - 1].charAt(0)) && lex.actors.get(t.word[i - 1]) == null
                    && !t.in(function, i - 1) && !isCommonCapital(t.lower[i - 1])
                    && !lex.dates.weekdays.containsKey(t.lower[i - 1]) && !lex.dates.months.containsKey(t.lower[i - 1])) {
                return true;
            }
        }
        if (w.equals("Turkey")) {
            for (int k = sFrom; k < sTo; k++) {
                if (t.in(turkeyBird, k)) {
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

    private boolean isCommonCapital(String lower) {
        return commonCapitalised.contains(lower);
    }

    private boolean isInstitutionStart(int j) {
        return t.in(institutionStarts, j);
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
                for (int n = 3; n >= 1 && inst == null && lex.institutionStarts.contains(l); n--) {
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
                if (function.contains(l) || lex.triggerWords.contains(l) || lex.actors.containsKey(t.word[j])) {
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
            if (prev.equals("of") && p > 0 && t.in(placeParts, p - 1)) {
                m.role = Role.HOST; // "on the outskirts of Moscow": a place
            } else if (prev.equals("in") && p > 0 && (t.lower[p - 1].equals("power") || "AGENT".equals(lex.institutions.get(t.lower[p - 1])))
                    && !m.possessive && m.role != Role.PEOPLE && !seg.before(p - 1, t.sentenceFrom(t.sentenceOf(p)), 4, visited)) {
                // "the generals who seized power in Niamey", "the authorities in Moscow": who rules there
                m.role = Role.AGENT;
            } else if (locative.contains(prev) && m.role != Role.PEOPLE) {
                m.role = Role.HOST;
            } else if (prev.equals("to") && p > 0 && (t.in(envoyNouns, p - 1) || t.in(missionNouns, p - 1)
                    || t.lower[p - 1].equals("ambassador"))) {
                m.role = Role.HOST;
            }
        }
    }

    /** "Germany, France and Poland": members of one list are never each other's source and target. */
    boolean coordinated(Mention a, Mention b) {
        return coordination.coordinated(a, b) || a.group != null && a.group.contains(b.iso) || b.group != null && b.group.contains(a.iso);
    }

    String counterpart(String x, List<Mention> sentence) {
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

    boolean nearMention(int i, int end, int w, Role role) {
        for (int k = Math.max(0, i - w); k < Math.min(t.size, end + w); k++) {
            Mention m = byToken[k];
            if (m != null && m.role == role && t.sentenceOf(m.from) == t.sentenceOf(i)) {
                return true;
            }
        }
        return false;
    }

    boolean nearNamedAmbassador(int i, int end, int w) {
        for (int k = Math.max(0, i - w); k < Math.min(t.size, end + w); k++) {
            Mention m = byToken[k];
            if (m != null && m.host != null && t.sentenceOf(m.from) == t.sentenceOf(i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a mention covers token k. */
    boolean hasMention(int k) {
        return mentionAt(k) != null;
    }

    /** The mention that covers token k, or null. */
    Mention mentionAt(int k) {
        return k >= 0 && k < byToken.length ? byToken[k] : null;
    }

    /** The mentions of sentence s, in text order. */
    List<Mention> inSentence(int s) {
        return bySentence.get(s);
    }
}
