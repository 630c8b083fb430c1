package io.riposte.extraction.internal;

import io.riposte.extraction.internal.Lexicon.ActorEntry;
import io.riposte.extraction.internal.Lexicon.ActorKind;
import io.riposte.extraction.internal.Lexicon.Phrase;
import io.riposte.extraction.internal.Mention.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Actors a story names without naming their state: "the foreign ministry", "the junta" stand for
 * the state whose body of that name was named last, else for the state of the dateline; "the West African
 * country" stands for the state named last.
 */
final class StoryActors {
    /** How many sentences back a description may point for the state it describes. */
    private static final int DESCRIBED_WITHIN = 2;

    private final Tokens t;
    private final Lexicon lex;
    private final Set<String> descriptorNouns;
    private final Set<String> descriptorModifiers;

    StoryActors(Tokens t, Lexicon lex) {
        this.t = t;
        this.lex = lex;
        this.descriptorNouns = lex.words("DESCRIPTOR_NOUNS");
        this.descriptorModifiers = lex.words("DESCRIPTOR_MODIFIERS");
    }

    /**
     * "in reaction to the West African country's decision", "the Gulf state said": "the", one to three modifiers of
     * which one is capitalised or a describing word ("neighbouring"), and a country noun stand for the state named
     * by name (or seat) last before it, in that sentence or the two before. A bare "the country" is too common (the
     * country one leaves) to stand for anyone. Word classes (words.tsv): {@code DESCRIPTOR_NOUNS},
     * {@code DESCRIPTOR_MODIFIERS}.
     */
    List<Mention> descriptions(List<Mention> mentions, Mention[] byToken) {
        List<Mention> out = new ArrayList<>();
        int seen = 0;
        Mention last = null;
        for (int noun = 2; noun < t.size; noun++) {
            String l = t.lower[noun];
            if (!t.in(descriptorNouns, noun) || l.length() < 5 || byToken[noun] != null
                    || noun + 1 < t.size && Character.isUpperCase(t.word[noun + 1].charAt(0))) {
                continue; // "the Islamic State group" style names continue with a capital
            }
            int the = -1;
            boolean describing = false;
            for (int k = noun - 1; k >= Math.max(0, noun - 4) && t.sentenceOf(k) == t.sentenceOf(noun); k--) {
                if (t.lower[k].equals("the")) {
                    the = k;
                    break;
                }
                String w = t.word[k];
                if (byToken[k] != null || !Character.isLetter(w.charAt(0))) {
                    break; // "the Malian state" is a mention already; punctuation ends the phrase
                }
                describing |= Character.isUpperCase(w.charAt(0)) || t.in(descriptorModifiers, k);
            }
            if (the < 0 || !describing || the == noun - 1) {
                continue;
            }
            for (; seen < mentions.size() && mentions.get(seen).from < the; seen++) {
                Mention m = mentions.get(seen);
                if (m.kind == ActorKind.NAME || m.kind == ActorKind.SEAT) {
                    last = m;
                }
            }
            if (last == null || t.sentenceOf(the) - t.sentenceOf(last.from) > DESCRIBED_WITHIN) {
                continue;
            }
            out.add(new Mention(the + 1, noun + 1, last.iso, ActorKind.NAME));
        }
        return out;
    }

    /**
     * "The foreign ministry on Friday ordered Washington to ...": a bare government noun with no
     * state of its own stands for the state whose same body was named last before it ("Russia's
     * foreign ministry ... The ministry said"), else for the state of the dateline ("MOSCOW —").
     */
    List<Mention> bareInstitutions(List<Mention> mentions, Mention[] byToken) {
        String home = datelineState();
        List<Mention> out = new ArrayList<>();
        Map<String, String> lastBody = new HashMap<>();
        int seen = 0;
        for (int k = 1; k < t.size; k++) {
            if (t.lower[k - 1].length() != 3 || !t.lower[k - 1].equals("the") || !t.in(lex.homeInstitutionStarts, k)
                    || byToken[k] != null
                    || (k >= 2 && byToken[k - 2] != null)) {
                continue;
            }
            int len = 0;
            for (int n = 3; n >= 1 && len == 0; n--) {
                if (k + n <= t.size && t.sentenceOf(k + n - 1) == t.sentenceOf(k)) {
                    StringBuilder b = new StringBuilder(t.lower[k]);
                    for (int j = 1; j < n; j++) {
                        b.append(' ').append(t.lower[k + j]);
                    }
                    if (lex.homeInstitutions.contains(b.toString())) {
                        len = n;
                    }
                }
            }
            if (len == 0) {
                continue;
            }
            int end = k + len;
            if (end + 1 < t.size && (t.lower[end].equals("of") || t.lower[end].equals("in") || t.lower[end].equals("'s"))
                    && (byToken[end + 1] != null || end + 2 < t.size && byToken[end + 2] != null)) {
                continue; // "the government of Ecuador", "the ministry in Paris": the state is named
            }
            String head = t.lower[end - 1];
            for (; seen < mentions.size() && mentions.get(seen).from < k; seen++) {
                Mention m = mentions.get(seen);
                if (m.role == Role.AGENT && m.headEnd > m.to) {
                    lastBody.put(t.lower[m.headEnd - 1], m.iso);
                }
            }
            String iso = lastBody.get(head); // the last state whose body of that name was named
            if (iso == null) {
                iso = home;
            }
            if (iso != null) {
                Mention m = new Mention(k, end, iso, ActorKind.SEAT);
                m.role = Role.AGENT;
                m.headEnd = end;
                out.add(m);
            }
            k = end - 1;
        }
        return out;
    }

    /** The state of a dateline ("MOSCOW —", "MEXICO CITY —", "BEIJING, July 24 -") in the first sentences, or null. */
    String datelineState() {
        for (int s = 0; s < Math.min(4, t.sentences); s++) {
            int from = t.sentenceFrom(s);
            int to = Math.min(t.sentenceTo(s), from + 4);
            StringBuilder name = new StringBuilder();
            for (int k = from; k < to; k++) {
                String w = t.word[k];
                boolean caps = w.length() > 1 && Character.isLetter(w.charAt(0)) && w.equals(w.toUpperCase(java.util.Locale.ROOT));
                if (caps) {
                    if (name.length() > 0) {
                        name.append(' ');
                    }
                    name.append(w.charAt(0)).append(w.substring(1).toLowerCase(java.util.Locale.ROOT));
                    continue;
                }
                if (name.length() > 0 && (w.equals("\u2014") || w.equals("\u2013") || w.equals("-") || w.equals(","))) {
                    Tokens n = Tokens.ofPhrase(name.toString());
                    String[] ws = java.util.Arrays.copyOf(n.word, n.size);
                    Phrase<ActorEntry> p = Lexicon.longest(lex.actors, ws, 0, ws.length);
                    if (p != null && p.tokens().length == ws.length && p.value().iso() != null
                            && (p.value().kind() == ActorKind.SEAT || p.value().kind() == ActorKind.NAME)) {
                        return p.value().iso();
                    }
                }
                break;
            }
        }
        return null;
    }
}
