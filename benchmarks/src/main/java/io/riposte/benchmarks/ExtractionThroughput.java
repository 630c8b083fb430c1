package io.riposte.benchmarks;

import io.riposte.domain.Article;
import io.riposte.extraction.ExtractionResult;
import io.riposte.extraction.Extractor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Articles/s of one extractor over a fixed article list, round robin; subclasses fill the list in their set-up. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class ExtractionThroughput {

    protected Extractor extractor;
    protected List<Article> articles;
    private int next;

    @Benchmark
    public ExtractionResult extract() {
        Article a = articles.get(next);
        next = next + 1 == articles.size() ? 0 : next + 1;
        return extractor.extract(a);
    }
}
