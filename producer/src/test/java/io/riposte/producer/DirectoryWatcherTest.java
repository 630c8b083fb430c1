package io.riposte.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans are driven one by one, so nothing here depends on timing. */
class DirectoryWatcherTest {
    @Test
    void eachCompleteFileIsHandedOnOnceAndAFileStillGrowingWaits(@TempDir Path dir) throws Exception {
        List<String> got = new ArrayList<>();
        Files.writeString(dir.resolve("a.txt"), " date 2018-03-14 https://example.org/a Expulsions\nDiplomats must leave.");
        Path b = dir.resolve("b.jsonl");
        Files.writeString(b, "{\"url\":\"https://example.org/b\",\"title\":\"Visas\",\"body\":\"Halted.\"}\n");
        Files.setLastModifiedTime(b, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        try (DirectoryWatcher w = new DirectoryWatcher(dir, new ArticleFiles(), Duration.ofSeconds(1))) {
            int[] files = {0};
            Runnable after = () -> files[0]++;
            assertThat(w.scanOnce(i -> got.add(i.origin()), after)).as("first sight: not yet known to be complete").isZero();
            // b is still being written.
            Files.writeString(b, "{\"url\":\"https://example.org/c\",\"title\":\"Ban\",\"body\":\"Flights.\"}\n", StandardOpenOption.APPEND);
            assertThat(w.scanOnce(i -> got.add(i.origin()), after)).isEqualTo(1);
            assertThat(got).containsExactly("a.txt");
            assertThat(w.scanOnce(i -> got.add(i.origin()), after)).isEqualTo(1);
            assertThat(got).containsExactly("a.txt", "b.jsonl:1", "b.jsonl:2");
            // A new file appears later; old ones are never read again.
            Files.writeString(dir.resolve("d.txt"), "Headline\nBody.");
            w.scanOnce(i -> got.add(i.origin()), after);
            w.scanOnce(i -> got.add(i.origin()), after);
            w.scanOnce(i -> got.add(i.origin()), after);
            assertThat(got).containsExactly("a.txt", "b.jsonl:1", "b.jsonl:2", "d.txt");
            assertThat(files[0]).isEqualTo(3);
        }
    }
}
