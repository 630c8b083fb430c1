package io.riposte.extraction.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Counts and roles: how many people or entities a measure concerns ("expelled 15 Russian diplomats",
 * "sanctions on three dozen entities"). A number counts only when a count noun or a plural demonym follows it
 * closely and no measure of time, share or date comes first ("within 48 hours to leave" counts nobody), when it
 * is not a bound ("more than 300"), not in another clause ("a day after gunmen killed 26 people") and nearer to
 * this measure than to a measure of another type in the same sentence (an entry ban on N people beside an
 * expulsion of M). Word classes (words.tsv): {@code COUNT_NOUNS}, {@code COUNT_STOPS},
 * {@code COUNT_TOTALS} (a running total is no count: "brought to 40 the number of ...").
 */
final class Counts {
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("hundred", 100), Map.entry("dozen", 12));

    private final Tokens t;
    private final Framing framing;
    private final IntFunction<Mention> mentionAt;
    private final Set<String> countNouns;
    private final Set<String> stops;
    private final java.util.Map<String, Integer> months;
    private final Set<String> totals;

    Counts(Tokens t, Lexicon lex, Framing framing, IntFunction<Mention> mentionAt) {
        this.t = t;
        this.framing = framing;
        this.mentionAt = mentionAt;
        this.countNouns = lex.words("COUNT_NOUNS");
        this.stops = lex.words("COUNT_STOPS");
        this.months = lex.dates.months;
        this.totals = lex.words("COUNT_TOTALS");
    }

    /**
     * Whether the number at k..j is a running total: "brought to 40 the number of people listed", "raising the
     * total to 40". The number stands after "to" with a total noun right after it or right before the "to".
     */
    private boolean total(int k, int j, int from, int hi) {
        if (k - 1 < from || !t.lower[k - 1].equals("to")) {
            return false;
        }
        boolean nounAfter = j + 1 < hi && t.lower[j].equals("the") && t.in(totals, j + 1);
        return nounAfter || k - 2 >= from && t.in(totals, k - 2);
    }

    /** The value of a number word ("seven" = 7), or 0 when the word is none. */
    static int numberWord(String lower) {
        return NUMBER_WORDS.getOrDefault(lower, 0);
    }

    /** The count of the measure tr (one of the sentence's triggers all), or null when the text gives none. */
    Integer count(Trig tr, List<Trig> all, int from, int to) {
        Integer best = null;
        int bestDist = Integer.MAX_VALUE;
        int lo = Math.max(from, Math.min(tr.from(), tr.anchor()) - 12);
        int hi = Math.min(to, tr.to() + 14);
        for (int k = lo; k < hi; k++) {
            int[] num = numberAt(k, hi);
            if (num == null) {
                continue;
            }
            int j = num[1];
            if (j < hi && t.lower[j].equals("other")) {
                k = j;
                continue;
            }
            if (k >= from + 2 && t.lower[k - 1].equals("than") && (t.lower[k - 2].equals("more") || t.lower[k - 2].equals("fewer"))) {
                k = j - 1;
                continue; // a bound, not the number concerned
            }
            if (total(k, j, from, hi)) {
                k = j - 1;
                continue; // a running total of all such measures, not this one's count
            }
            if (framing.subordinateBetween(k < tr.from() ? k : tr.to(), k < tr.from() ? Math.min(tr.from(), tr.anchor()) : k)) {
                k = j - 1;
                continue; // another clause's number
            }
            if (!countNounAfter(j, Math.min(hi, j + 5))) {
                k = num[1] - 1;
                continue;
            }
            int dist = k < tr.from() ? tr.from() - k : k - tr.to();
            boolean other = false;
            for (Trig o : all) {
                if (o != tr && o.type() != tr.type()) {
                    int od = k < o.from() ? o.from() - k : k - o.to();
                    if (od < dist) {
                        other = true;
                    }
                }
            }
            if (!other && dist < bestDist) {
                bestDist = dist;
                best = num[0];
            }
            k = num[1] - 1;
        }
        return best;
    }

    private boolean countNounAfter(int j, int limit) {
        for (; j < limit; j++) {
            String l = t.lower[j];
            Mention m = mentionAt.apply(j);
            if (countNouns.contains(l) || (m != null && m.kind == Lexicon.ActorKind.PLURAL)) {
                return true;
            }
            if (stops.contains(l) || months.containsKey(l) || !Character.isLetter(l.charAt(0))) {
                return false;
            }
        }
        return false;
    }

    /** A number at token k: {value, end token}, or null. */
    int[] numberAt(int k, int hi) {
        String w = t.word[k];
        if (Dates.isNumber(w)) {
            if (k > 0 && (months.containsKey(t.lower[k - 1]) || t.lower[k - 1].equals("."))) {
                return null;
            }
            try {
                long v = Long.parseLong(w.replace(",", ""));
                if (v <= 0 || v > 1_000_000 || (w.length() == 4 && v >= 1900 && v <= 2100)) {
                    return null;
                }
                return new int[] {(int) v, k + 1};
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String l = t.lower[k];
        if (l.equals("dozen") && k > 0 && (t.lower[k - 1].equals("a") || t.lower[k - 1].equals("half"))) {
            return new int[] {t.lower[k - 1].equals("half") ? 6 : 12, k + 1};
        }
        Integer v = NUMBER_WORDS.get(l);
        if (v == null || l.equals("dozen") || l.equals("hundred")) {
            return null;
        }
        if (l.equals("one")) {
            return null; // "one of", "one another": too ambiguous to be a count
        }
        int j = k + 1;
        if (j + 1 < hi && t.word[j].equals("-") && NUMBER_WORDS.containsKey(t.lower[j + 1]) && v >= 20 && NUMBER_WORDS.get(t.lower[j + 1]) < 10) {
            v += NUMBER_WORDS.get(t.lower[j + 1]);
            j += 2;
        }
        if (j < hi && t.lower[j].equals("dozen")) {
            return new int[] {v * 12, j + 1};
        }
        if (j < hi && t.lower[j].equals("hundred")) {
            return new int[] {v * 100, j + 1};
        }
        return new int[] {v, j};
    }
}
