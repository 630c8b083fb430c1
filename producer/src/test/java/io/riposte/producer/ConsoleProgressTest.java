package io.riposte.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    @Test
    void logLinesComeOncePerIntervalWithRateAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {0};
        Progress p = new ConsoleProgress.LogLines(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(10), () -> now[0]);
        ProduceSummary s = new ProduceSummary();
        p.start(100);
        for (int i = 0; i < 40; i++) {
            now[0] += 500_000_000L; // 2 items a second on the fake clock
            s.readOne();
            s.publishedOne();
            p.advance(s);
        }
        // 40 items over 20 fake seconds, interval 10 s: a line at item 20 and one at item 40.
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "produce: 20/100 at 2.0/s, ETA 40s (published 20, duplicates 0, rejected 0)",
                "produce: 40/100 at 2.0/s, ETA 30s (published 40, duplicates 0, rejected 0)");
    }
}
