package io.riposte.benchmarks;

import io.riposte.domain.Article;
import io.riposte.extraction.ExtractionResult;
import io.riposte.extraction.Extractor;
import io.riposte.extraction.Extractors;
import io.riposte.synthetic.ArticleGenerator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extraction over the mixed synthetic corpus of {@link ArticleGenerator} (seed 42, 256 articles:
 * 200-2,000 words, 20 % irrelevant, the rest reporting one or two steps with recalls and distractors),
 * in articles/s on one thread: the article mix {@code riposte bench} will publish.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SyntheticExtractionBenchmark -f 1 -t 1 -wi 5 -i 3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SyntheticExtractionBenchmark {

    private static final int SIZE = 256;

    private Extractor extractor;
    private List<Article> articles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        extractor = Extractors.standard();
        articles = new ArticleGenerator(42).generate(SIZE).stream().map(ArticleGenerator.Generated::article).toList();
    }

    @Benchmark
    public ExtractionResult extract() {
        Article a = articles.get(next);
        next = (next + 1) & (SIZE - 1);
        return extractor.extract(a);
    }
}
