package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dependency rules of docs/architecture.md that only a pom can state: which artifacts a module
 * declares and in which scope, and what it ships. The rules on classes are ArchUnit's, in
 * {@link ModuleArchitectureTest}.
 */
class ModuleRulesTest {
    static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>(?:\\s*<version>[^<]*</version>)?(?:\\s*<type>[^<]*</type>)?(\\s*<scope>([^<]+)</scope>)?");

    record Dep(String group, String artifact, String scope) {}

    static Path project() {
        Path p = Path.of(System.getProperty("riposte.project.dir", ".."));
        Assumptions.assumeTrue(Files.exists(p.resolve("pom.xml")), "project root not found at " + p);
        return p;
    }

    static List<Dep> compileDeps(String module) throws IOException {
        String pom = Files.readString(project().resolve(module).resolve("pom.xml"));
        List<Dep> deps = new ArrayList<>();
        Matcher m = DEPENDENCY.matcher(pom);
        while (m.find()) {
            String scope = m.group(4) == null ? "compile" : m.group(4);
            if (!scope.equals("test")) {
                deps.add(new Dep(m.group(1), m.group(2), scope));
            }
        }
        return deps;
    }

    @ParameterizedTest
    @ValueSource(strings = {"domain", "json", "extraction", "correlation", "evaluation", "synthetic"})
    void theDomainCoreHasNoKafkaDependency(String module) throws IOException {
        // The classes are checked by ModuleArchitectureTest; this keeps Kafka off their classpath too.
        assertThat(compileDeps(module)).noneMatch(d -> d.group().equals("org.apache.kafka"));
    }

    @Test
    void theDomainHasNoJacksonAndScoringStaysOutOfThePipeline() throws IOException {
        assertThat(compileDeps("domain")).noneMatch(d -> d.group().startsWith("com.fasterxml.jackson"));
        assertThat(compileDeps("evaluation")).extracting(Dep::artifact)
                .contains("riposte-domain")
                .allMatch(a -> a.equals("riposte-domain") || a.equals("riposte-json") || a.startsWith("jackson-"));
        // The JSON contract is the model's one JSON form: the model and Jackson, nothing else.
        assertThat(compileDeps("json")).extracting(Dep::artifact)
                .allMatch(a -> a.equals("riposte-domain") || a.startsWith("jackson-"));
        // Scoring is tooling: the pipeline's modules may test with it but never ship it.
        for (String module : List.of("extraction", "correlation", "producer", "streams", "consumer")) {
            assertThat(compileDeps(module)).extracting(Dep::artifact).as(module).doesNotContain("riposte-evaluation");
        }
        assertThat(compileDeps("cli")).extracting(Dep::artifact).contains("riposte-evaluation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"producer", "streams", "consumer"})
    void theAppsKeepTheBrokerOutAndDoNotDependOnEachOther(String module) throws IOException {
        List<Dep> deps = compileDeps(module);
        assertThat(deps).extracting(Dep::artifact)
                .contains("riposte-schemas") // the pom was read
                .doesNotContain("kafka_2.13", "kafka-server", "kafka-test-common-runtime", "riposte-local")
                .doesNotContain("riposte-producer", "riposte-streams", "riposte-consumer", "riposte-cli");
    }

    @Test
    void theReliabilityModuleIsTestsOnly() throws IOException {
        // It starts brokers and kills JVMs: nothing of it may ship.
        assertThat(compileDeps("reliability")).isEmpty();
        assertThat(project().resolve("reliability").resolve("src").resolve("main")).doesNotExist();
        assertThat(Files.readString(project().resolve("reliability").resolve("pom.xml"))).contains("riposte-cli");
    }
}
