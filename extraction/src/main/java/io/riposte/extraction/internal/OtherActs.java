package io.riposte.extraction.internal;

import java.util.Set;
import java.util.function.IntFunction;

/**
 * Hostile acts that are no diplomatic measure (OTHER), named by a frame rather than by one word.
 *
 * <p>Exit bans: "barred the Ruritanian nationals from leaving", "barring Ruritanians from leaving the country". A
 * state holding the other side's people on its soil is a hostile act of its own (OTHER), answered in kind as a
 * rule; the people barred name the target (their demonym or their state), the subject of the verb the source.
 * The ban is only one when the barred are people and the phrase is "from leaving" (or exiting, departing): "barred
 * from the talks", "barred the envoy from returning" are other things. Word classes (words.tsv):
 * {@code EXIT_BAN_PEOPLE} (the nouns for the people barred), {@code EXIT_BAN_LEAVING} (the verbs after "from").
 *
 * <p>Strikes: "launched air strikes on targets in Ruritania", "carried out drone strikes against ...". A strike
 * counts only when a verb of carrying out stands right before it, so that its subject is the one who struck, or
 * when a state's name or demonym names the striker right before the noun ("Ruritanian strikes on its territory");
 * "strikes" alone (a labour strike, strikes by an unnamed side, "the strikes came a day after ...") makes nothing.
 * Word class {@code STRIKE_VERBS}; the modifiers of the noun ("air", "missile") are part of the trigger phrase.
 */
final class OtherActs {
    /** How far after the verb the "from leaving" may stand: "barring all of the Ruritanian citizens from leaving". */
    private static final int SPAN = 7;

    private final Tokens t;
    private final Set<String> people;
    private final Set<String> leaving;
    private final Set<String> strikeVerbs;
    private final IntFunction<Mention> mentionAt;

    OtherActs(Tokens t, Lexicon lex, IntFunction<Mention> mentionAt) {
        this.t = t;
        this.mentionAt = mentionAt;
        this.people = lex.words("EXIT_BAN_PEOPLE");
        this.leaving = lex.words("EXIT_BAN_LEAVING");
        this.strikeVerbs = lex.words("STRIKE_VERBS");
    }

    /** Whether the verb ending at {@code end} bars people from leaving: people, then "from" and a leaving verb. */
    boolean barsFromLeaving(int end, int to) {
        boolean barred = false;
        for (int k = end; k < Math.min(to - 1, end + SPAN); k++) {
            String l = t.lower[k];
            if (l.equals("from")) {
                return barred && t.in(leaving, k + 1);
            }
            Mention m = mentionAt.apply(k);
            barred |= people.contains(l) || m != null && m.role == Mention.Role.PEOPLE;
        }
        return false;
    }

    /**
     * The anchor of the strike starting at i: the striker's mention right before it ("Ruritanian strikes"), else
     * the verb that carries out the strike ("launched air strikes", "conducted precision military
     * strikes", "carried out a wave of drone strikes"), with at most three words between, or -1.
     */
    int strikeAnchor(int i, int from) {
        if (i - 1 >= from && mentionAt.apply(i - 1) != null) {
            return i;
        }
        for (int k = i - 1; k >= Math.max(from, i - 4); k--) {
            String l = t.lower[k];
            if (strikeVerbs.contains(l)) {
                return k;
            }
            if (l.equals("out") && k - 1 >= from && strikeVerbs.contains(t.lower[k - 1] + " out")) {
                return k - 1;
            }
            if (!Character.isLetter(l.charAt(0)) && !l.equals("\u201c") && !l.equals("\"")) {
                return -1;
            }
        }
        return -1;
    }
}
