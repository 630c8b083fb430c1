package io.riposte.synthetic;

import io.riposte.domain.ActionType;
import io.riposte.domain.Article;
import io.riposte.domain.DatePrecision;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded synthetic news corpus with the gold it implies, for benchmarks and reliability runs. The same
 * seed gives the same articles and gold, byte for byte. Prose comes from our own templates (no real
 * article text); states are real (ISO 3166 alpha-3 codes and the names and adjectives of the
 * extraction dictionary).
 *
 * <p>Each relevant article belongs to an <em>episode</em> of one dyad: a few retaliation steps a few
 * days apart, alternating sides (expulsions with counts, closures, sanctions, visa restrictions,
 * threats, summons, recalls). Episodes start on random days between 2005 and 2024, so the histories of
 * a dyad form separate episodes. An article reports one or two steps of its episode as news (core gold,
 * day-precise), may recall an earlier step as background (gold flagged {@code background}, month
 * precision), and mixes in distractors (negated or hypothetical measures, meetings, trade figures) and
 * filler up to 200-2,000 words. Irrelevant articles are everyday news without any state action.
 */
public final class ArticleGenerator {

    /** A state as the extraction dictionary knows it. */
    public record State(String iso, String name, String adjective) {}

    /**
     * One action the text states: who did what to whom, when and how many. {@code episode} names the
     * retaliation episode it belongs to and {@code step} its place there (0 = the first move; step k
     * answers step k-1), so chain gold follows: the actions of one episode with the same step are one action.
     */
    public record GoldAction(String articleId, String source, String target, ActionType type, LocalDate date,
            DatePrecision precision, Integer count, boolean background, String episode, int step) {}

    /** One article and its gold; {@code gold} is empty for irrelevant articles. */
    public record Generated(Article article, List<GoldAction> gold, boolean relevant) {}

    static final List<State> STATES = List.of(
            new State("USA", "the United States", "American"), new State("RUS", "Russia", "Russian"),
            new State("GBR", "Britain", "British"), new State("CHN", "China", "Chinese"),
            new State("CAN", "Canada", "Canadian"), new State("IND", "India", "Indian"),
            new State("DEU", "Germany", "German"), new State("POL", "Poland", "Polish"),
            new State("CZE", "the Czech Republic", "Czech"), new State("AUS", "Australia", "Australian"),
            new State("SAU", "Saudi Arabia", "Saudi"), new State("TUR", "Turkey", "Turkish"),
            new State("NLD", "the Netherlands", "Dutch"), new State("LTU", "Lithuania", "Lithuanian"),
            new State("EST", "Estonia", "Estonian"), new State("FRA", "France", "French"),
            new State("JPN", "Japan", "Japanese"), new State("IRN", "Iran", "Iranian"),
            new State("UKR", "Ukraine", "Ukrainian"), new State("BLR", "Belarus", "Belarusian"),
            new State("SWE", "Sweden", "Swedish"), new State("NOR", "Norway", "Norwegian"));

    private static final ActionType[] STEP_TYPES = {
        ActionType.EXPEL_DIPLOMATS, ActionType.EXPEL_DIPLOMATS, ActionType.EXPEL_DIPLOMATS, ActionType.CLOSE_MISSION,
        ActionType.SANCTION, ActionType.RESTRICT_VISAS, ActionType.THREATEN_RETALIATION, ActionType.SUMMON_ENVOY,
        ActionType.RECALL_ENVOY};
    private static final String[] NUMBER_WORDS = {null, "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten"};

    // {X}/{Y}: source/target name; {x}/{y}: adjectives; {N}: count; {D}: "March 4"
    private static final String[] EXPEL = {
        "{X} expelled {N} {y} diplomats on {D}, accusing them of activities incompatible with their status.",
        "On {D}, {X} ordered {N} {y} diplomats to leave the country within a week.",
        "The {x} foreign ministry declared {N} {y} diplomats persona non grata on {D}."};
    private static final String[] CLOSE = {
        "{X} ordered the closure of the {y} consulate on {D}, giving its staff two days to leave.",
        "On {D}, {X} shut down the {y} consulate general in its second city."};
    private static final String[] SANCTION = {
        "{X} imposed sanctions on {N} {y} officials on {D}.",
        "On {D}, {X} announced sanctions against {N} {y} officials and froze their assets."};
    private static final String[] VISAS = {
        "{X} suspended the issuing of visas to {y} citizens on {D}.",
        "On {D}, {X} announced visa restrictions on {y} officials."};
    private static final String[] THREAT = {
        "{X} warned on {D} that it would expel {y} diplomats if {Y} did not reverse its decision.",
        "On {D}, {X} threatened to retaliate against {Y}."};
    private static final String[] SUMMON = {
        "{X} summoned the {y} ambassador on {D} to protest against the move.",
        "On {D}, the {x} foreign ministry summoned the {y} ambassador."};
    private static final String[] RECALL = {
        "{X} recalled its ambassador from {Y} for consultations on {D}.",
        "On {D}, {X} recalled its ambassador to {Y}."};
    private static final String[] CUES = {"In response, ", "In retaliation, ", "Days later, ", ""};
    private static final String[] DISTRACTORS = {
        "{X} said it had no plans to expel any {y} diplomats.",
        "{X} and {Y} are both members of the United Nations and several regional bodies.",
        "Trade between {X} and {Y} grew by four percent last year, according to official figures.",
        "Officials in {X} said they were still studying the decision and would comment later.",
        "A {x} delegation visited a trade fair last spring, where it met business leaders from many countries.",
        "Some lawmakers in {X} urged the government to keep channels of dialogue open."};
    private static final String[] BACKGROUND = {
        "Relations between the two capitals have been strained for years over a range of disputes.",
        "Analysts said the dispute was unlikely to fade soon, citing domestic pressure on both governments.",
        "The foreign ministry spokesperson gave a briefing to reporters that lasted more than an hour.",
        "Several former envoys wrote in newspapers that quiet diplomacy had been neglected.",
        "The opposition in parliament demanded an inquiry into how the government had handled the matter.",
        "Commentators on state television described the situation as a test of national resolve."};
    private static final String[] FILLER = {
        "The local football club won its third match in a row on a rainy Saturday evening.",
        "Forecasters expect a warm and dry weekend across most of the region, with light winds from the south.",
        "The city council approved a new budget for public libraries and community sports facilities.",
        "A new smartphone model went on sale this week, and early reviews praised its battery life.",
        "Farmers reported a good harvest of apples and pears after a mild spring and a sunny summer.",
        "The museum opened an exhibition of nineteenth-century landscape paintings from private collections.",
        "Tourism officials said hotel bookings for the holiday season were higher than last year.",
        "Researchers published a study on the sleep patterns of teenagers and their use of screens at night.",
        "The marathon attracted thousands of runners, and the winner finished in just over two hours.",
        "A popular bakery in the old town celebrated fifty years of business with free pastries for everyone."};

    /** Background prose about a diplomatic row that states no action (shared with the extraction benchmark). */
    public static List<String> backgroundSentences() {
        return List.of(BACKGROUND);
    }

    /** Everyday news that mentions no state and no action word. */
    public static List<String> fillerSentences() {
        return List.of(FILLER);
    }

    private static final int EPISODE_START_DAYS = 20 * 365 - 120;

    private record Step(State source, State target, ActionType type, LocalDate date, Integer count) {}

    /** The default coverage: 1 to 4 articles report each episode. */
    public static final int DEFAULT_MAX_REPORTS_PER_EPISODE = 4;
    /**
     * How many episodes a dyad has on average per this many days in {@link #newsLike}: rows between two
     * states are months apart in the news, and a corpus denser than that turns each dyad's 20 years into
     * one endless row.
     */
    static final int DAYS_PER_EPISODE_OF_A_DYAD = 180;

    private final SplittableRandom random;
    private final double irrelevantShare;
    private final int maxReportsPerEpisode;
    private int index;
    private List<Step> episode = List.of();
    private int episodeArticlesLeft;
    private int episodes;

    /**
     * @param irrelevantShare share of the articles (0..1) that are everyday news without any action
     * @param maxReportsPerEpisode each episode is reported by 1 to this many articles (news coverage)
     */
    public ArticleGenerator(long seed, double irrelevantShare, int maxReportsPerEpisode) {
        if (irrelevantShare < 0 || irrelevantShare > 1) {
            throw new IllegalArgumentException("irrelevantShare must be within 0..1: " + irrelevantShare);
        }
        if (maxReportsPerEpisode < 1) {
            throw new IllegalArgumentException("maxReportsPerEpisode must be at least 1: " + maxReportsPerEpisode);
        }
        this.random = new SplittableRandom(seed);
        this.irrelevantShare = irrelevantShare;
        this.maxReportsPerEpisode = maxReportsPerEpisode;
    }

    public ArticleGenerator(long seed, double irrelevantShare) {
        this(seed, irrelevantShare, DEFAULT_MAX_REPORTS_PER_EPISODE);
    }

    public ArticleGenerator(long seed) {
        this(seed, 0.2);
    }

    /**
     * A generator for a corpus of {@code articles} articles whose density is that of the news: a larger
     * corpus reports the same number of rows per dyad and year more often, instead of packing the dyads
     * with more rows (news volume grows by coverage: one event reported by hundreds of articles). Up to
     * about 29,000 articles this is {@code new ArticleGenerator(seed)}, byte for byte.
     */
    public static ArticleGenerator newsLike(long seed, long articles) {
        long dyads = (long) STATES.size() * (STATES.size() - 1) / 2;
        long episodes = dyads * EPISODE_START_DAYS / DAYS_PER_EPISODE_OF_A_DYAD;
        double relevant = articles * 0.8;
        // the mean of 1..max is (max + 1) / 2 articles per episode
        int max = (int) Math.max(DEFAULT_MAX_REPORTS_PER_EPISODE, Math.ceil(2 * relevant / episodes - 1));
        return new ArticleGenerator(seed, 0.2, max);
    }

    public List<Generated> generate(int n) {
        List<Generated> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    public Generated next() {
        int words = 200 + random.nextInt(1801);
        String id = "synthetic-" + (index++);
        if (random.nextDouble() < irrelevantShare) {
            LocalDate day = LocalDate.of(2005, 1, 1).plusDays(random.nextInt(20 * 365));
            StringBuilder body = new StringBuilder();
            fill(body, words, FILLER, FILLER);
            return new Generated(article(id, "Local news roundup " + index, body, day), List.of(), false);
        }
        if (episodeArticlesLeft == 0) {
            newEpisode();
        }
        episodeArticlesLeft--;
        int at = random.nextInt(episode.size());
        List<Step> core = new ArrayList<>(List.of(episode.get(at)));
        if (at + 1 < episode.size() && random.nextInt(2) == 0) {
            core.add(episode.get(at + 1));
        }
        Step last = core.get(core.size() - 1);
        LocalDate published = last.date().plusDays(random.nextInt(3));
        List<GoldAction> gold = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < core.size(); i++) {
            Step s = core.get(i);
            String sentence = render(s);
            if (i > 0 || at > 0) {
                String cue = CUES[random.nextInt(CUES.length)];
                sentence = cue.isEmpty() ? sentence : cue + lowerFirst(sentence);
            }
            body.append(sentence).append(' ');
            gold.add(new GoldAction(id, s.source().iso(), s.target().iso(), s.type(), s.date(), DatePrecision.DAY, s.count(), false,
                    episodeId(), at + i));
        }
        body.append(pick(BACKGROUND)).append("\n\n");
        if (at > 0 && random.nextInt(3) > 0) {
            Step old = episode.get(random.nextInt(at));
            if (old.type() == ActionType.EXPEL_DIPLOMATS && !old.date().getMonth().equals(last.date().getMonth())) {
                body.append("The row began in ").append(old.date().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                        .append(", when ").append(old.source().name()).append(" expelled ").append(count(old.count()))
                        .append(' ').append(old.target().adjective()).append(" diplomats. ");
                gold.add(new GoldAction(id, old.source().iso(), old.target().iso(), old.type(),
                        old.date().withDayOfMonth(1), DatePrecision.MONTH, old.count(), true, episodeId(), episode.indexOf(old)));
            }
        }
        body.append(subst(pick(DISTRACTORS), last.source(), last.target(), null, null)).append(' ');
        fill(body, words, BACKGROUND, FILLER);
        String title = cap(last.source().name()) + " and " + last.target().name() + " trade blows in diplomatic row";
        return new Generated(article(id, title, body, published), List.copyOf(gold), true);
    }

    private void newEpisode() {
        State a = pick(STATES);
        State b = a;
        while (b == a) {
            b = pick(STATES);
        }
        LocalDate day = LocalDate.of(2005, 1, 1).plusDays(random.nextInt(EPISODE_START_DAYS));
        int steps = 2 + random.nextInt(4);
        List<Step> list = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            ActionType type = STEP_TYPES[random.nextInt(STEP_TYPES.length)];
            Integer count = switch (type) {
                case EXPEL_DIPLOMATS -> 1 + random.nextInt(30);
                case SANCTION -> 2 + random.nextInt(20);
                default -> null;
            };
            list.add(i % 2 == 0 ? new Step(a, b, type, day, count) : new Step(b, a, type, day, count));
            day = day.plusDays(2 + random.nextInt(12));
        }
        episode = list;
        episodes++;
        episodeArticlesLeft = 1 + random.nextInt(maxReportsPerEpisode);
    }

    private String episodeId() {
        return "episode-" + episodes;
    }

    private String render(Step s) {
        String[] templates = switch (s.type()) {
            case EXPEL_DIPLOMATS -> EXPEL;
            case CLOSE_MISSION -> CLOSE;
            case SANCTION -> SANCTION;
            case RESTRICT_VISAS -> VISAS;
            case THREATEN_RETALIATION -> THREAT;
            case SUMMON_ENVOY -> SUMMON;
            case RECALL_ENVOY -> RECALL;
            default -> throw new IllegalStateException("no template for " + s.type());
        };
        String d = s.date().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + s.date().getDayOfMonth();
        return subst(pick(templates), s.source(), s.target(), s.count(), d);
    }

    private static String subst(String t, State x, State y, Integer n, String d) {
        String s = t.replace("{X}", x.name()).replace("{Y}", y.name()).replace("{x}", x.adjective())
                .replace("{y}", y.adjective());
        if (n != null) {
            s = s.replace("{N}", count(n));
        }
        if (d != null) {
            s = s.replace("{D}", d);
        }
        return cap(s);
    }

    private static String count(int n) {
        return n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : Integer.toString(n);
    }

    private void fill(StringBuilder body, int words, String[] a, String[] b) {
        int count = body.isEmpty() ? 0 : body.toString().split("\\s+").length;
        int sentence = 0;
        while (count < words) {
            String s = random.nextInt(2) == 0 ? pick(a) : pick(b);
            body.append(s).append(++sentence % 5 == 0 ? "\n\n" : " ");
            count += s.split(" ").length;
        }
    }

    private static Article article(String id, String title, StringBuilder body, LocalDate day) {
        var at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Article(id, id + ".txt", null, title, body.toString().strip(), at, DatePrecision.DAY, null, "en", at);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] list) {
        return list[random.nextInt(list.length)];
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lowerFirst(String s) {
        // keep "The ..." of a state name as written; lower only a sentence-initial "On"/"The" article word
        return s.startsWith("On ") || s.startsWith("The ") ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }
}
