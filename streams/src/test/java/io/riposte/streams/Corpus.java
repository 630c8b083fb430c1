package io.riposte.streams;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riposte.domain.Article;
import io.riposte.domain.input.ArticleFormatException;
import io.riposte.domain.input.ArticleParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The project's own test articles ({@code corpus/articles}), parsed as the producer parses them. */
final class Corpus {
    private Corpus() {}

    static final Instant INGESTED = Instant.parse("2024-06-01T00:00:00Z");

    static List<Article> articles() throws IOException {
        Path dir = Path.of(System.getProperty("riposte.project.dir", ".."), "corpus", "articles");
        assumeTrue(Files.isDirectory(dir), "no corpus at " + dir.toAbsolutePath());
        List<Article> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                try {
                    out.add(ArticleParser.parseText(ArticleParser.decode(Files.readAllBytes(f), f.getFileName().toString()),
                            f.getFileName().toString(), INGESTED));
                } catch (ArticleFormatException e) {
                    throw new IllegalStateException("corpus file " + f + " does not parse: " + e.getMessage(), e);
                }
            }
        }
        assumeTrue(out.size() >= 5, "the corpus has only " + out.size() + " articles");
        return out;
    }
}
