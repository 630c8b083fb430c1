package io.riposte.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dependency rules of docs/architecture.md, checked by ArchUnit on the compiled main classes
 * of every module on the cli's classpath (cli depends on all the shipped modules). ArchUnit fails a
 * rule whose "that" selects no class, so a renamed package cannot make a rule pass vacuously.
 * The rules only a pom can state (scopes, what a module ships) are the Maven Enforcer executions of the poms.
 */
class ModuleArchitectureTest {
    /** Each module's packages (io.riposte.avro is generated into schemas). */
    static final Map<String, List<String>> PACKAGES = Map.ofEntries(
            Map.entry("domain", List.of("io.riposte.domain..")),
            Map.entry("json", List.of("io.riposte.json..")),
            Map.entry("schemas", List.of("io.riposte.avro..", "io.riposte.mapping..", "io.riposte.registry..",
                    "io.riposte.serde..", "io.riposte.topics..")),
            Map.entry("extraction", List.of("io.riposte.extraction..")),
            Map.entry("correlation", List.of("io.riposte.correlation..")),
            Map.entry("evaluation", List.of("io.riposte.evaluation..")),
            Map.entry("synthetic", List.of("io.riposte.synthetic..")),
            Map.entry("local", List.of("io.riposte.local..")),
            Map.entry("producer", List.of("io.riposte.producer..")),
            Map.entry("streams", List.of("io.riposte.streams..")),
            Map.entry("consumer", List.of("io.riposte.consumer..")),
            Map.entry("cli", List.of("io.riposte.cli..")),
            Map.entry("benchmarks", List.of("io.riposte.benchmarks..")));

    /** The Riposte modules each module may use, transitively closed (the graph in docs/architecture.md). */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("domain", Set.of()),
            Map.entry("json", Set.of("domain")),
            Map.entry("schemas", Set.of("domain")),
            Map.entry("extraction", Set.of("domain")),
            Map.entry("correlation", Set.of("domain")),
            Map.entry("evaluation", Set.of("domain", "json")),
            Map.entry("synthetic", Set.of("domain")),
            Map.entry("local", Set.of("schemas", "domain")),
            Map.entry("producer", Set.of("domain", "schemas")),
            Map.entry("streams", Set.of("domain", "json", "schemas", "extraction", "correlation")),
            Map.entry("consumer", Set.of("domain", "json", "schemas")),
            Map.entry("cli", Set.of("domain", "json", "schemas", "extraction", "correlation", "evaluation", "synthetic",
                    "local", "producer", "streams", "consumer")));

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.riposte");
    }

    static String[] packagesOf(String module) {
        return PACKAGES.get(module).toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"domain", "json", "extraction", "correlation", "evaluation", "synthetic"})
    void theDomainCoreHasNoKafka(String module) {
        noClasses().that().resideInAnyPackage(packagesOf(module))
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "kafka..")
                .because("the domain core runs without Kafka (docs/architecture.md)")
                .check(classes);
    }

    @Test
    void theDomainHasNoJackson() {
        noClasses().that().resideInAnyPackage(packagesOf("domain"))
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .because("JSON formats belong to the modules that read or write them, not to the model")
                .check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"domain", "json", "schemas", "extraction", "correlation", "evaluation", "synthetic", "local",
            "producer", "streams", "consumer", "cli"})
    void noModuleReachesBackUpOrSideways(String module) {
        List<String> forbidden = new ArrayList<>();
        PACKAGES.forEach((other, packages) -> {
            if (!other.equals(module) && !MAY_USE.get(module).contains(other)) {
                forbidden.addAll(packages);
            }
        });
        noClasses().that().resideInAnyPackage(packagesOf(module))
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because(module + " may use only " + MAY_USE.get(module) + " (docs/architecture.md)")
                .check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"producer", "streams", "consumer"})
    void theAppsKeepTheBrokerOut(String module) {
        // The broker (Scala core, package kafka) runs in local and in tests, never inside an app.
        noClasses().that().resideInAnyPackage(packagesOf(module))
                .should().dependOnClassesThat().resideInAnyPackage("kafka..", "io.riposte.local..")
                .check(classes);
    }
}
