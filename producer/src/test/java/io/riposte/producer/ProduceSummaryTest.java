package io.riposte.producer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProduceSummaryTest {
    @Test
    void exitCodeSaysWhetherAnythingWasRejectedOrFailed() {
        ProduceSummary s = new ProduceSummary();
        s.readOne();
        s.publishedOne();
        assertThat(s.exitCode()).isEqualTo(ProduceSummary.EXIT_OK);
        s.readOne();
        s.rejectedOne("EMPTY");
        assertThat(s.exitCode()).isEqualTo(ProduceSummary.EXIT_REJECTED);
        assertThat(s.toString()).isEqualTo("read 2, published 1, rejected 1 (EMPTY=1)");
        s.failed("broker down");
        assertThat(s.exitCode()).isEqualTo(ProduceSummary.EXIT_FAILED);
        assertThat(s.toString()).endsWith("FAILED: broker down");
    }
}
