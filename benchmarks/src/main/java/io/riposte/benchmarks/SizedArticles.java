package io.riposte.benchmarks;

import io.riposte.domain.Article;
import io.riposte.domain.DatePrecision;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic articles of a given length, composed from sentence templates (no real article
 * text). RELEVANT articles report diplomatic measures between random pairs of states among
 * background prose; IRRELEVANT ones are everyday news without any action word; NOISY ones are
 * everyday news that does use common words the trigger lexicon starts with (close, cut, limit,
 * talks, stop), so they pass the prefilter and cost a full analysis.
 */
public final class SizedArticles {
    public enum Kind { RELEVANT, IRRELEVANT, NOISY }

    private static final String[][] STATES = {
        {"Russia", "Russian", "Moscow"}, {"the United States", "American", "Washington"}, {"China", "Chinese", "Beijing"},
        {"Canada", "Canadian", "Ottawa"}, {"India", "Indian", "New Delhi"}, {"Britain", "British", "London"},
        {"Germany", "German", "Berlin"}, {"Poland", "Polish", "Warsaw"}, {"the Czech Republic", "Czech", "Prague"},
        {"Australia", "Australian", "Canberra"}, {"Saudi Arabia", "Saudi", "Riyadh"}, {"Turkey", "Turkish", "Ankara"},
        {"the Netherlands", "Dutch", "The Hague"}, {"Lithuania", "Lithuanian", "Vilnius"}, {"Estonia", "Estonian", "Tallinn"}};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    private static final String[] NUMBERS = {"two", "three", "four", "five", "six", "ten", "12", "18", "20", "23", "27", "40", "60"};
    private static final String[] ACTIONS = {
        "{A} expelled {N} {b} diplomats on {M} {D}, accusing them of activities incompatible with their status.",
        "{N} {b} diplomats were ordered to leave {A} within a week, the foreign ministry in {a-cap} said.",
        "In retaliation for the expulsions, {B} declared {N} {a} embassy staff persona non grata on {Day}.",
        "{A} imposed sanctions on {N} {b} officials and entities last month.",
        "The {a} government summoned the {b} ambassador to protest against the decision.",
        "{B} warned that it would respond to any further hostile steps by {a-cap}.",
        "{a-cap} ordered the closure of the {b} consulate in its second city, giving staff 72 hours to vacate the building.",
        "{B} suspended visa services for {a} citizens in response, the embassy said on its website.",
        "Officials in {a-cap} said the move was a mirror response to what they called an unfriendly act.",
        "{A} recalled its ambassador from {b-cap} for consultations on {Day}."};
    private static final String[] BACKGROUND = io.riposte.synthetic.ArticleGenerator.backgroundSentences().toArray(String[]::new);
    private static final String[] FILLER = io.riposte.synthetic.ArticleGenerator.fillerSentences().toArray(String[]::new);
    private static final String[] NOISY = {
        "The coach said the team would cut its training sessions short to rest tired players before the final.",
        "Traffic police will close the bridge for repairs next weekend, and drivers should plan to leave early.",
        "The league plans to limit the number of foreign players, a move that fans greeted with mixed feelings.",
        "Contract talks between the club and its star striker are expected to stop over the summer break.",
        "Health officials warned swimmers about strong currents and urged them to respond to lifeguards quickly."};

    private final SplittableRandom random;

    public SizedArticles(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public Article article(Kind kind, int words, int index) {
        StringBuilder body = new StringBuilder(words * 7);
        int count = 0;
        String[] a = STATES[random.nextInt(STATES.length)];
        String[] b = a;
        while (b == a) {
            b = STATES[random.nextInt(STATES.length)];
        }
        String title;
        if (kind == Kind.RELEVANT) {
            title = cap(a[0]) + " and " + b[0] + " trade blows in diplomatic row";
        } else {
            title = "Local news roundup number " + index;
        }
        int sentence = 0;
        while (count < words) {
            String s;
            if (kind == Kind.RELEVANT) {
                s = sentence % 3 == 0 ? fill(ACTIONS[random.nextInt(ACTIONS.length)], a, b)
                        : random.nextInt(3) == 0 ? FILLER[random.nextInt(FILLER.length)] : BACKGROUND[random.nextInt(BACKGROUND.length)];
            } else if (kind == Kind.NOISY && sentence % 4 == 1) {
                s = NOISY[random.nextInt(NOISY.length)];
            } else {
                s = FILLER[random.nextInt(FILLER.length)];
            }
            body.append(s).append(sentence % 5 == 4 ? "\n\n" : " ");
            count += s.split(" ").length;
            sentence++;
        }
        Instant published = LocalDate.of(2023, 1 + random.nextInt(12), 1 + random.nextInt(28)).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Article("bench-" + kind + "-" + words + "-" + index, "bench-" + index + ".txt", null, title, body.toString().strip(),
                published, DatePrecision.DAY, null, "en", published);
    }

    public List<Article> articles(Kind kind, int words, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> article(kind, words, i)).toList();
    }

    private String fill(String template, String[] a, String[] b) {
        return template.replace("{A}", cap(a[0])).replace("{B}", cap(b[0])).replace("{a}", a[1]).replace("{b}", b[1])
                .replace("{a-cap}", a[2]).replace("{b-cap}", b[2]).replace("{N}", NUMBERS[random.nextInt(NUMBERS.length)])
                .replace("{M}", MONTHS[random.nextInt(12)]).replace("{D}", Integer.toString(1 + random.nextInt(28)))
                .replace("{Day}", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday").get(random.nextInt(5)));
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
