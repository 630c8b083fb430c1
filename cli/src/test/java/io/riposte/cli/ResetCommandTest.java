package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ResetCommandTest {
    private static CommandLineTest.Run run(String... args) {
        return CommandLineTest.run(args);
    }

    @Test
    void withoutATerminalItRefusesUnlessYesAndTouchesNothing() {
        // Tests run without a console: the reset must not go ahead unconfirmed (the broker address is never contacted).
        CommandLineTest.Run r = run("reset", "-b", "127.0.0.1:1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("refusing to reset 'riposte-streams'", "add --yes");
    }

    @Test
    void withYesAnUnreachableBrokerIsAClearErrorNotAHang() {
        CommandLineTest.Run r = run("reset", "-b", "127.0.0.1:1", "--yes", "--timeout", "PT2S", "--application-id", "other-app");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("riposte reset: error: Kafka at 127.0.0.1:1 did not answer within 2 s");
    }

    @Test
    void onlyAYesConfirms() throws Exception {
        ResetCommand c = new ResetCommand();
        c.applicationId = "riposte-streams";
        StringWriter prompt = new StringWriter();
        assertThat(c.confirm(new BufferedReader(new StringReader("y\n")), new PrintWriter(prompt))).isTrue();
        assertThat(c.confirm(new BufferedReader(new StringReader(" YES \n")), new PrintWriter(prompt))).isTrue();
        assertThat(c.confirm(new BufferedReader(new StringReader("\n")), new PrintWriter(prompt))).isFalse();
        assertThat(c.confirm(new BufferedReader(new StringReader("no\n")), new PrintWriter(prompt))).isFalse();
        assertThat(c.confirm(new BufferedReader(new StringReader("")), new PrintWriter(prompt))).isFalse();
        assertThat(prompt.toString()).contains("Reset Streams application 'riposte-streams' (input articles");
    }

    @Test
    void helpListsTheOptions() {
        CommandLineTest.Run r = run("reset", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--yes", "--application-id", "--input-topics", "--dry-run");
    }
}
