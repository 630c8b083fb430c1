package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option checks of {@code riposte produce} that fail before anything connects. */
class ProduceCommandTest {
    static CommandLineTest.Run run(String... args) {
        return CommandLineTest.run(args);
    }

    @Test
    void badReplayOptionsAreClearErrorsBeforeConnecting(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Headline\nBody.");
        String[] base = {"produce", "-b", "127.0.0.1:1", "--registry-url", "http://127.0.0.1:1", dir.toString()};
        assertThat(run(concat(base, "--order", "random")).err()).contains("unknown order 'random' (as-read, chronological or shuffle)");
        assertThat(run(concat(base, "--rate", "5", "--speedup", "10")).err()).contains("--rate and --speedup");
        assertThat(run(concat(base, "--rate", "-1")).err()).contains("--rate must be a positive number");
        assertThat(run(concat(base, "--feed", "ftp://example.org/x")).err()).contains("--feed needs an http(s) URL");
        assertThat(run(concat(base, "--watch", dir.resolve("a.txt").toString())).err()).contains("--watch needs a directory");
        CommandLineTest.Run none = run("produce", "-b", "127.0.0.1:1", "--registry-url", "http://127.0.0.1:1");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("nothing to publish: give a PATH, - for stdin, --watch DIR or --feed URL");
    }

    @Test
    void helpShowsEveryReplayFeedAndWatchOption() {
        CommandLineTest.Run r = run("produce", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--order", "--seed", "--rate", "--speedup", "--progress-interval", "--watch",
                "--watch-poll", "--feed", "--poll-interval", "--feed-timeout", "Examples:");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
