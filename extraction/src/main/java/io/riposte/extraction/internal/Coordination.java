package io.riposte.extraction.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists of states and the phrases that stand for them: "recalled its ambassadors to Ireland, Norway
 * and Spain" is one recall per state, and "the three countries" or "diplomats of seven Latin
 * American countries" name a list stated in a nearby sentence. A measure aimed at one member of a
 * list is aimed at each of them (the engine fans it out); members of one list are never each
 * other's source and target.
 *
 * <p>Word lists ({@code words.tsv}): {@code STATE_NOUNS}, {@code CLAUSE_VERBS}, {@code FRONTED_PHRASE_OPENERS}.
 */
final class Coordination {
    private final Set<String> stateNouns;
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12));
    /** How far a list may be from the phrase that refers to it, in sentences before and after. */
    private static final int BACK = 3;
    private static final int AHEAD = 2;

    private final Tokens t;
    private final Mention[] byToken;
    private final Set<String> clauseVerbs;
    private final Set<String> frontedOpeners;

    Coordination(Tokens t, Mention[] byToken, Lexicon lex) {
        this.t = t;
        this.byToken = byToken;
        this.clauseVerbs = lex.words("CLAUSE_VERBS");
        this.stateNouns = lex.words("STATE_NOUNS");
        this.frontedOpeners = lex.words("FRONTED_PHRASE_OPENERS");
    }

    /** "Germany, France and Poland": two mentions joined only by commas, and/or, "the", "as well as". */
    boolean coordinated(Mention a, Mention b) {
        Mention x = a.from < b.from ? a : b;
        Mention y = a.from < b.from ? b : a;
        if (y.from - x.to > 12 || y.from == x.to) {
            return false;
        }
        boolean joiner = false;
        for (int k = x.to; k < y.from; k++) {
            String l = t.lower[k];
            Mention m = k < byToken.length ? byToken[k] : null;
            if (m != null) {
                k = m.to - 1;
                continue;
            }
            if (l.equals(",") || l.equals("and") || l.equals("or")) {
                joiner = true;
            } else if (!(l.equals("the") || l.equals("as") || l.equals("well"))) {
                return false;
            }
        }
        return joiner;
    }

    /** Links every mention that belongs to a list of two or more states to that list ({@link Mention#list}). */
    void markLists(List<List<Mention>> bySentence) {
        for (List<Mention> ms : bySentence) {
            List<Mention> run = new ArrayList<>();
            for (Mention m : ms) {
                if (!run.isEmpty() && (!coordinated(run.get(run.size() - 1), m)
                        || run.size() == 1 && (opensClause(run.get(0), m) || endsOpeningPhrase(run.get(0), m)))) {
                    close(run);
                    run = new ArrayList<>();
                }
                run.add(m);
            }
            close(run);
        }
    }

    /**
     * "sanctions on Peru, and Chile welcomed the move": a second state after ", and" with a verb of its own
     * starts a clause. Only a pair is split so: in "Sweden, Denmark, and Norway expelled" the comma before "and"
     * ends a list of three. Word class (words.tsv): {@code CLAUSE_VERBS}.
     */
    private boolean opensClause(Mention x, Mention y) {
        if (y.from < 2 || !t.lower[y.from - 1].equals("and") || !t.lower[y.from - 2].equals(",") || y.from - 2 != x.to) {
            return false;
        }
        int v = Math.max(y.to, y.headEnd);
        if (v >= t.size) {
            return false;
        }
        String w = t.word[v];
        return t.in(clauseVerbs, v) || w.length() > 4 && w.endsWith("ed") && Character.isLowerCase(w.charAt(0));
    }

    /**
     * "In solidarity with Chile, Peru expelled ...": the sentence opens with a phrase that holds the first state and
     * ends at the comma; the state after the comma is the subject of the clause, not a second member of a list. Only a
     * pair joined by that comma alone is split so ("After Chile, Peru and Bolivia expelled ..." keeps its list of two).
     */
    private boolean endsOpeningPhrase(Mention x, Mention y) {
        int from = t.sentenceFrom(t.sentenceOf(x.from));
        if (y.from != x.to + 1 || !t.lower[x.to].equals(",") || from >= x.from || !t.in(frontedOpeners, from)) {
            return false;
        }
        for (int k = from; k < x.from; k++) {
            if (t.lower[k].equals(",") || byToken[k] != null) {
                return false; // the opening phrase ended before the first state, or holds another one
            }
        }
        return y.to >= t.size || !t.lower[y.to].equals("and") && !t.lower[y.to].equals(",");
    }

    private static void close(List<Mention> run) {
        int states = run.size() < 2 ? 0 : isos(run).size();
        if (states < 2) {
            return;
        }
        List<Mention> list = List.copyOf(run);
        for (Mention m : list) {
            m.list = list;
            m.listStates = states;
        }
    }

    static Set<String> isos(List<Mention> list) {
        Set<String> out = new LinkedHashSet<>();
        for (Mention m : list) {
            out.add(m.iso);
        }
        return out;
    }

    /**
     * Phrases "(the) N [adjectives] countries|states|nations|governments" that stand for a list of
     * exactly N states in the same sentence or a nearby one (before it first, nearest first): a new
     * mention of the first state, carrying all of them as its {@link Mention#group}. A phrase with no
     * list of that size nearby stands for nothing.
     */
    List<Mention> groups(List<List<Mention>> bySentence) {
        List<Mention> out = new ArrayList<>();
        int last = -1;
        // the nouns are rare, the numbers common: look for the noun, then back for its number
        for (int noun = 1; noun < t.size; noun++) {
            String w = t.lower[noun];
            if (!t.in(stateNouns, noun) || w.length() < 6 || w.charAt(w.length() - 1) != 's') {
                continue;
            }
            int s = t.sentenceOf(noun);
            for (int i = noun - 1; i > last && i >= Math.max(0, noun - 4) && t.sentenceOf(i) == s; i--) {
                String l = t.lower[i];
                Integer n = NUMBERS.get(l);
                if (n == null && Dates.isNumber(t.word[i]) && t.word[i].length() <= 2) {
                    n = Integer.parseInt(t.word[i]);
                }
                if (n != null) {
                    List<Mention> list = n >= 2 && byToken[i] == null ? nearestList(bySentence, s, i, n) : null;
                    if (list != null) {
                        Mention g = new Mention(i, noun + 1, list.get(0).iso, Lexicon.ActorKind.NAME);
                        g.group = List.copyOf(isos(list));
                        out.add(g);
                        last = noun;
                    }
                    break;
                }
                if (!Character.isLetter(t.word[i].charAt(0)) || l.equals("of") || l.equals("other")) {
                    break; // "two of the countries", "three other states": not the list itself
                }
            }
        }
        return out;
    }

    private List<Mention> nearestList(List<List<Mention>> bySentence, int s, int before, int n) {
        List<Mention> found = listOfSize(bySentence.get(s), before, n);
        for (int d = 1; found == null && d <= BACK && s - d >= 0; d++) {
            found = listOfSize(bySentence.get(s - d), Integer.MAX_VALUE, n);
        }
        for (int d = 1; found == null && d <= AHEAD && s + d < bySentence.size(); d++) {
            found = listOfSize(bySentence.get(s + d), Integer.MAX_VALUE, n);
        }
        return found;
    }

    private static List<Mention> listOfSize(List<Mention> ms, int before, int n) {
        List<Mention> found = null;
        for (Mention m : ms) {
            if (m.list != null && m.to <= before && m.list != found && m.listStates == n) {
                found = m.list; // the last such list before the phrase
            }
        }
        return found;
    }

    /** The other states a measure on {@code m} also concerns: its list's or group's, minus {@code m}'s own and {@code other}. */
    static List<String> companions(Mention m, String other) {
        Set<String> all = new LinkedHashSet<>();
        if (m.group != null) {
            all.addAll(m.group);
        } else if (m.list != null) {
            all.addAll(isos(m.list));
        }
        all.remove(m.iso);
        all.remove(other);
        return List.copyOf(all);
    }
}
