package io.riposte.benchmarks;

import io.riposte.domain.Article;
import io.riposte.extraction.Extractor;
import io.riposte.extraction.Extractors;
import io.riposte.synthetic.ArticleGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Extraction cost in articles per CPU-second of the extracting thread, on the mixed synthetic corpus.
 *
 * <p>JMH measures wall-clock time, which on a machine shared with other builds moves by a factor of two
 * between runs; the CPU time of the one thread doing the work moves much less, so before/after
 * comparisons of a change can be made there. Not a JMH benchmark: run it with
 * {@code java -cp benchmarks/target/benchmarks.jar io.riposte.benchmarks.ExtractionCpuTime [articles] [rounds] [kind]};
 * with a kind (RELEVANT, IRRELEVANT, NOISY) the corpus is instead that many 2,000-word articles of
 * {@link SizedArticles} (seed 42, 64 distinct ones repeated), the inputs of {@code ExtractionBenchmark}; with the kind
 * NEWS it is the first that many articles of {@code ArticleGenerator.newsLike(42, 100000)}, the corpus of
 * {@code riposte bench} (about a fifth of them everyday news that the prefilter ends early).
 */
public final class ExtractionCpuTime {
    /** The kind argument for the corpus of {@code riposte bench}. */
    private static final String NEWS = "NEWS";

    private ExtractionCpuTime() {}

    private static List<Article> sized(SizedArticles.Kind kind, int articles) {
        List<Article> distinct = new SizedArticles(42).articles(kind, 2000, 64);
        return java.util.stream.IntStream.range(0, articles).mapToObj(i -> distinct.get(i % distinct.size())).toList();
    }

    public static void main(String[] args) {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int warmup = Math.max(1, rounds / 3);
        Extractor extractor = Extractors.standard();
        String kind = args.length > 2 ? args[2] : "";
        ArticleGenerator generator = kind.equals(NEWS) ? ArticleGenerator.newsLike(42, 100_000) : new ArticleGenerator(42);
        List<Article> corpus = kind.isEmpty() || kind.equals(NEWS)
                ? generator.generate(articles).stream().map(ArticleGenerator.Generated::article).toList()
                : sized(SizedArticles.Kind.valueOf(kind), articles);
        String what = kind.isEmpty() ? "synthetic articles (seed 42)"
                : kind.equals(NEWS) ? "news-like articles (newsLike(42, 100000))" : "2,000-word " + kind + " articles (SizedArticles, seed 42)";
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] rates = new double[rounds - warmup];
        long actions = 0;
        for (int r = 0; r < rounds; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (Article a : corpus) {
                actions += extractor.extract(a).actions().size();
            }
            double seconds = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            if (r >= warmup) {
                rates[r - warmup] = corpus.size() / seconds;
            }
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "%d %s, %d measured rounds after %d warm-up: "
                + "median %.0f, min %.0f, max %.0f articles per CPU-second (%d actions)%n",
                corpus.size(), what, rates.length, warmup, rates[rates.length / 2], rates[0], rates[rates.length - 1], actions);
    }
}
