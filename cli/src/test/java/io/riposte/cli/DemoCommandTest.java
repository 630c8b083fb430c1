package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code riposte demo} as the README promises it: one command, alerts and chains, exit 0. */
class DemoCommandTest {
    record Run(int code, String out, String err) {}

    static Run demo(String... args) {
        DemoCommand cmd = new DemoCommand();
        new CommandLine(cmd).parseArgs(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int code = cmd.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("demo threw " + e + "\n" + err.toString(StandardCharsets.UTF_8), e);
        }
    }

    @Test
    void theBundledCorpusGivesAlertsAndChainsAndExitsZero() {
        Run r = demo();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Articles: the bundled sample corpus (");
        Matcher m = Pattern.compile("Retaliation chains \\((\\d+)\\):").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isPositive();
        assertThat(r.out()).contains("ALERT [", "Chain ", " -> ", "answers #");
        assertThat(r.out()).containsPattern("Summary: \\d+ articles published, 0 rejected, \\d+ alerts, [1-9]\\d* chains");
        assertThat(r.err()).contains("demo: shut down cleanly");
    }

    @Test
    void theSharedSeedsGiveAtLeastOneChain() {
        Path seeds = Path.of(System.getProperty("riposte.shared.dir", "../../shared")).resolve("seeds");
        Assumptions.assumeTrue(Files.isDirectory(seeds), "../shared/seeds is not here: " + seeds);
        Run r = demo(seeds.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // The annotation files next to the articles are skipped, not rejected.
        assertThat(r.out()).contains("rejected 0").containsPattern("[1-9]\\d* chains");
        assertThat(r.out()).doesNotContain("Retaliation chains (0)");
    }

    @Test
    void aMissingDirectoryFailsBeforeStartingAnything(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        try {
            demo(missing.toString());
        } catch (AssertionError e) {
            assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no such file or directory: " + missing);
            return;
        }
        throw new AssertionError("demo accepted a missing directory");
    }
}
