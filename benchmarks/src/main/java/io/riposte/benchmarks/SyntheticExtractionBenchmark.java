package io.riposte.benchmarks;

import io.riposte.extraction.Extractors;
import io.riposte.synthetic.ArticleGenerator;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * Extraction over the mixed synthetic corpus of {@link ArticleGenerator} (seed 42, 256 articles:
 * 200-2,000 words, 20 % irrelevant, the rest reporting one or two steps with recalls and distractors),
 * in articles/s on one thread: the article mix {@code riposte bench} will publish.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SyntheticExtractionBenchmark -f 1 -t 1 -wi 5 -i 3}.
 */
public class SyntheticExtractionBenchmark extends ExtractionThroughput {

    private static final int SIZE = 256;

    @Setup(Level.Trial)
    public void setUp() {
        extractor = Extractors.standard();
        articles = new ArticleGenerator(42).generate(SIZE).stream().map(ArticleGenerator.Generated::article).toList();
    }
}
