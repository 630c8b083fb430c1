package io.riposte.benchmarks;

import io.riposte.domain.Article;
import io.riposte.extraction.ExtractionResult;
import io.riposte.extraction.Extractor;
import io.riposte.extraction.Extractors;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extraction throughput in articles per second (per thread, so per core with -t 1), for relevant,
 * irrelevant and noisy articles of 200 to 2,000 words. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar ExtractionBenchmark -f 1 -wi 2 -i 3 -t 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExtractionBenchmark {

    @Param({"RELEVANT", "IRRELEVANT", "NOISY"})
    public ArticleGenerator.Kind kind;

    @Param({"200", "800", "2000"})
    public int words;

    private Extractor extractor;
    private List<Article> articles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        extractor = Extractors.standard();
        articles = new ArticleGenerator(42).articles(kind, words, 64);
        ExtractionResult check = extractor.extract(articles.get(0));
        if (kind == ArticleGenerator.Kind.RELEVANT && check.actions().isEmpty()) {
            throw new IllegalStateException("a relevant benchmark article gave no action: " + check.reason());
        }
    }

    @Benchmark
    public ExtractionResult extract() {
        Article a = articles.get(next);
        next = (next + 1) & 63;
        return extractor.extract(a);
    }
}
