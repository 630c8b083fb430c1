package io.riposte.benchmarks;

import io.riposte.extraction.ExtractionResult;
import io.riposte.extraction.Extractors;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Extraction throughput in articles per second (per thread, so per core with -t 1), for relevant,
 * irrelevant and noisy articles of 200 to 2,000 words. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar ExtractionBenchmark -f 1 -wi 2 -i 3 -t 1}.
 */
public class ExtractionBenchmark extends ExtractionThroughput {

    @Param({"RELEVANT", "IRRELEVANT", "NOISY"})
    public SizedArticles.Kind kind;

    @Param({"200", "800", "2000"})
    public int words;

    @Setup(Level.Trial)
    public void setUp() {
        extractor = Extractors.standard();
        articles = new SizedArticles(42).articles(kind, words, 64);
        ExtractionResult check = extractor.extract(articles.get(0));
        if (kind == SizedArticles.Kind.RELEVANT && check.actions().isEmpty()) {
            throw new IllegalStateException("a relevant benchmark article gave no action: " + check.reason());
        }
    }
}
