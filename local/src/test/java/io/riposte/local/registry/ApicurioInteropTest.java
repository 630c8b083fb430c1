package io.riposte.local.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riposte.avro.Article;
import io.riposte.registry.HttpSchemaRegistryClient;
import io.riposte.registry.SchemaMetadata;
import io.riposte.registry.SchemaRegistryException;
import io.riposte.serde.SpecificAvroSerde;
import io.riposte.serde.WireFormat;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Riposte's registry client against a real third-party registry: Apicurio Registry 3.3.3 through its
 * Confluent-compatible API ({@code /apis/ccompat/v7}). Apicurio needs Java 21+; the test skips when no
 * such JDK is installed or the distribution was not unpacked (maven-dependency-plugin, see the pom).
 */
class ApicurioInteropTest {
    private static Process apicurio;
    private static String baseUrl;
    private static Path log;

    @BeforeAll
    static void start() throws Exception {
        Path dist = Path.of(System.getProperty("riposte.apicurio.dir", "target/apicurio"));
        assumeTrue(Files.isRegularFile(dist.resolve("quarkus-run.jar")),
                "Apicurio distribution not unpacked at " + dist + ": skipping the interoperability test");
        Optional<Path> java = findJava21();
        assumeTrue(java.isPresent(), "No JDK 21+ found (JAVA_HOME, riposte.java21.home, /usr/lib/jvm/*): "
                + "skipping the Apicurio interoperability test");
        int http = freePort();
        int management = freePort();
        log = dist.resolveSibling("apicurio-test.log");
        apicurio = new ProcessBuilder(java.get().toString(), "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + http,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + management,
                "-jar", "quarkus-run.jar")
                .directory(dist.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        baseUrl = "http://127.0.0.1:" + http + "/apis/ccompat/v7";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!answers(baseUrl + "/subjects")) {
            if (!apicurio.isAlive()) {
                throw new IllegalStateException("Apicurio exited with " + apicurio.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Apicurio not ready within 120 s; see " + log);
            }
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (apicurio != null) {
            apicurio.destroy();
            if (!apicurio.waitFor(20, TimeUnit.SECONDS)) {
                apicurio.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void registerFetchEvolveAndGetRefusedThroughOurClient() {
        var client = new HttpSchemaRegistryClient(baseUrl);
        client.setCompatibility(null, "BACKWARD"); // Apicurio's default is NONE
        assertThat(client.compatibility(null)).isEqualTo("BACKWARD");

        int v1 = client.register("interop-value", LocalSchemaRegistryTest.V1);
        var fresh = new HttpSchemaRegistryClient(baseUrl);
        assertThat(fresh.schemaById(v1)).isEqualTo(LocalSchemaRegistryTest.V1);
        assertThat(fresh.lookup("interop-value", LocalSchemaRegistryTest.V1)).isEqualTo(v1);
        assertThat(fresh.register("interop-value", LocalSchemaRegistryTest.V1)).as("idempotent").isEqualTo(v1);

        assertThat(fresh.isCompatible("interop-value", LocalSchemaRegistryTest.V2)).isTrue();
        int v2 = fresh.register("interop-value", LocalSchemaRegistryTest.V2);
        assertThat(v2).isNotEqualTo(v1);
        SchemaMetadata latest = fresh.latest("interop-value");
        assertThat(latest.id()).isEqualTo(v2);
        assertThat(latest.schema()).isEqualTo(LocalSchemaRegistryTest.V2);

        assertThat(fresh.isCompatible("interop-value", LocalSchemaRegistryTest.RETYPED)).isFalse();
        assertThatThrownBy(() -> fresh.register("interop-value", LocalSchemaRegistryTest.RETYPED))
                .isInstanceOfSatisfying(SchemaRegistryException.Incompatible.class,
                        e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> fresh.schemaById(987_654))
                .isInstanceOf(SchemaRegistryException.NotFound.class);
    }

    @Test
    void serdeRoundTripThroughApicurio() {
        try (var serde = new SpecificAvroSerde<>(Article.class)) {
            serde.configure(Map.of("schema.registry.url", baseUrl), false);
            Article a = Article.newBuilder().setId("ap-1").setOrigin("interop").setTitle("t").setBody("b")
                    .setIngestedAt(Instant.ofEpochMilli(1_700_000_000_000L)).build();
            byte[] bytes = serde.serializer().serialize("interop-articles", a);
            int id = WireFormat.schemaId("interop-articles", bytes);
            assertThat(new HttpSchemaRegistryClient(baseUrl).schemaById(id)).isEqualTo(Article.getClassSchema());
            assertThat(serde.deserializer().deserialize("interop-articles", bytes)).isEqualTo(a);
        }
    }

    private static boolean answers(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** A java executable of a JDK/JRE with JAVA_VERSION >= 21 in its {@code release} file. */
    static Optional<Path> findJava21() throws IOException {
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(System.getProperty("riposte.java21.home")).map(Path::of).ifPresent(homes::add);
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(homes::add);
        homes.add(Path.of(System.getProperty("java.home")));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.sorted().forEach(homes::add);
            }
        }
        for (Path home : homes) {
            Path release = home.resolve("release");
            Path java = home.resolve("bin").resolve("java");
            if (!Files.isRegularFile(release) || !Files.isExecutable(java)) {
                continue;
            }
            Properties p = new Properties();
            try (var r = Files.newBufferedReader(release)) {
                p.load(r);
            }
            String version = p.getProperty("JAVA_VERSION", "").replace("\"", "");
            try {
                String major = version.startsWith("1.") ? version.substring(2).split("\\.")[0] : version.split("[.+-]")[0];
                if (Integer.parseInt(major) >= 21) {
                    return Optional.of(java);
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                // not a version we understand: try the next JDK
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
