package io.riposte.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The serde must work in a JVM started without Avro's trusted-packages flag. */
class AvroTrustTest {

    @Test
    void serdeTrustsRiposteClassesWithoutTheSystemProperty() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                TrustProbe.class.getName()))
                .redirectErrorStream(true)
                .start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            p.destroyForcibly();
        }
        assertThat(ended).as("probe JVM ended").isTrue();
        assertThat(out).as(out).contains("REFUSED-WITHOUT-FLAG").contains("ROUND-TRIP-OK");
        assertThat(p.exitValue()).isZero();
    }
}
