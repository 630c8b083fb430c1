package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.riposte.cli.config.RiposteConfig;
import io.riposte.consumer.DyadSink;
import io.riposte.http.HttpExposure;
import io.riposte.streams.RiposteStreamsApp;
import io.riposte.streams.StreamsCounters;
import io.riposte.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker is not available where the tests run, so the deployment files are checked statically: they
 * parse, what they refer to exists, and their ports, commands, environment and metric names are the
 * ones the code has. (SnakeYAML, already on the class path through Kafka's jackson-dataformat-yaml,
 * resolves the compose file's anchors and merge keys.)
 */
class DeploymentFilesTest {
    static final Path PROJECT = Path.of(System.getProperty("riposte.project.dir", ".."));
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(?::?[-?]([^}]*))?}");

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(PROJECT.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Object o) {
        return o == null ? List.of() : ((List<Object>) o).stream().map(String::valueOf).toList();
    }

    static Map<String, Object> services() throws IOException {
        return map(yaml("docker-compose.yml").get("services"));
    }

    /** The environment a service gets, with ${VAR:-default} as its default and other variables as a sample value. */
    static Map<String, String> environment(String service) throws IOException {
        Map<String, String> env = new HashMap<>();
        Object e = map(services().get(service)).get("environment");
        if (e != null) {
            map(e).forEach((k, v) -> {
                Matcher m = VARIABLE.matcher(String.valueOf(v));
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    String fallback = m.group(0).contains(":-") ? m.group(2) : "sample-" + m.group(1).toLowerCase();
                    m.appendReplacement(out, Matcher.quoteReplacement(fallback));
                }
                m.appendTail(out);
                env.put(k, out.toString());
            });
        }
        return env;
    }

    static List<String> riposteServices() throws IOException {
        List<String> out = new ArrayList<>();
        services().forEach((name, s) -> {
            Object build = map(s).get("build");
            if (build != null && "docker/Dockerfile".equals(map(build).get("dockerfile"))) {
                out.add(name);
            }
        });
        return out;
    }

    @Test
    void composeRunsTheBrokerOfTheClientVersionWithItsLogOnTheVolume() throws IOException {
        Map<String, Object> kafka = map(services().get("kafka"));
        assertThat(kafka.get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        String logDir = String.valueOf(map(kafka.get("environment")).get("KAFKA_LOG_DIRS"));
        assertThat(logDir).isEqualTo("/var/lib/kafka/data");
        assertThat(list(kafka.get("volumes"))).contains("kafka-data:" + logDir);
        assertThat(map(yaml("docker-compose.yml").get("volumes"))).containsKeys("kafka-data", "streams-state");
    }

    @Test
    void everyDependencyWaitsForAHealthcheck() throws IOException {
        Map<String, Object> services = services();
        assertThat(services).containsKeys("kafka", "schema-registry", "streams", "consumer", "producer");
        for (String healthy : List.of("kafka", "schema-registry", "streams", "consumer")) {
            assertThat(map(services.get(healthy))).as(healthy).containsKey("healthcheck");
        }
        services.forEach((name, s) -> {
            Object deps = map(s).get("depends_on");
            if (deps == null) {
                return;
            }
            assertThat(deps).as(name + ": depends_on with conditions").isInstanceOf(Map.class);
            map(deps).forEach((dep, how) -> {
                assertThat(map(how).get("condition")).as(name + " -> " + dep).isEqualTo("service_healthy");
                assertThat(map(services.get(dep))).as(dep + " has a healthcheck").containsKey("healthcheck");
            });
        });
    }

    @Test
    void portsArePublishedOnLoopbackAndAreTheOnesTheAppsListenOn() throws IOException {
        Map<String, Object> services = services();
        services.forEach((name, s) -> assertThat(list(map(s).get("ports"))).as(name).allSatisfy(p -> assertThat(p).startsWith("127.0.0.1:")));

        int query = RiposteStreamsApp.DEFAULT_HTTP_PORT;
        Map<String, Object> streams = map(services.get("streams"));
        assertThat(list(streams.get("ports"))).containsExactly("127.0.0.1:" + query + ":" + query);
        assertThat(String.join(" ", list(map(streams.get("healthcheck")).get("test")))).contains("/dev/tcp/127.0.0.1/" + query, "/health");

        Map<String, Object> consumer = map(services.get("consumer"));
        List<String> command = list(consumer.get("command"));
        String dashboard = command.get(command.indexOf("--http-port") + 1);
        assertThat(list(consumer.get("ports"))).containsExactly("127.0.0.1:" + dashboard + ":" + dashboard);
        assertThat(String.join(" ", list(map(consumer.get("healthcheck")).get("test")))).contains("/dev/tcp/127.0.0.1/" + dashboard, "/health");

        List<String> targets = new ArrayList<>();
        for (Object job : (List<?>) yaml("deploy/prometheus.yml").get("scrape_configs")) {
            for (Object sc : (List<?>) map(job).get("static_configs")) {
                targets.addAll(list(map(sc).get("targets")));
            }
        }
        assertThat(targets).containsExactlyInAnyOrder("streams:" + query, "consumer:" + dashboard);
    }

    @Test
    void theAppsCommandsAndEnvironmentAreOnesRiposteKnows() throws IOException {
        Set<String> riposteKeys = Set.of(Topics.PREFIX_CONFIG, RiposteStreamsApp.HTTP_HOST, RiposteStreamsApp.HTTP_PORT,
                HttpExposure.AUTH_TOKEN, HttpExposure.AUTH_BASIC, HttpExposure.TLS_KEYSTORE, HttpExposure.TLS_KEYSTORE_PASSWORD);
        Set<String> otherVariables = Set.of(RiposteConfig.ENV_BOOTSTRAP, RiposteConfig.ENV_REGISTRY, RiposteConfig.ENV_CONFIG_FILE,
                "RIPOSTE_JAVA_OPTS");
        assertThat(riposteServices()).containsExactlyInAnyOrder("streams", "consumer", "producer");
        for (String service : riposteServices()) {
            // picocli throws on an unknown command or option
            Main.commandLine().parseArgs(list(map(services().get(service)).get("command")).toArray(String[]::new));
            Map<String, String> env = environment(service);
            env.keySet().forEach(k -> {
                if (k.startsWith(RiposteConfig.ENV_PREFIX)) {
                    String property = RiposteConfig.propertyName(k.substring(RiposteConfig.ENV_PREFIX.length()));
                    if (property.startsWith("riposte.")) {
                        assertThat(riposteKeys).as(service + ": " + k).contains(property);
                    }
                } else {
                    assertThat(otherVariables).as(service + ": " + k).contains(k);
                }
            });
        }
        // The HTTP servers bind 0.0.0.0 in their containers; the environment gives them what they need for that.
        for (String service : List.of("streams", "consumer")) {
            Map<String, Object> config = new HashMap<>(RiposteConfig.fromEnv(environment(service)));
            assertThat(config).as(service).containsEntry(RiposteStreamsApp.HTTP_HOST, "0.0.0.0");
            assertThat(HttpExposure.from(config).hasCredential()).as(service).isTrue();
        }
        assertThat(RiposteStreamsApp.config(RiposteConfig.fromEnv(environment("streams")))).containsEntry(Topics.PREFIX_CONFIG, "")
                .containsEntry("application.id", "riposte-streams");
    }

    @Test
    void everyPathTheFilesReferToExists() throws IOException {
        Map<String, Object> compose = yaml("docker-compose.yml");
        Set<String> mountedAt = new TreeSet<>();
        map(compose.get("services")).forEach((name, s) -> {
            Object build = map(s).get("build");
            if (build != null) {
                Path context = PROJECT.resolve(String.valueOf(map(build).get("context")));
                assertThat(context.resolve(String.valueOf(map(build).get("dockerfile")))).as(name).isRegularFile();
            }
            for (String v : list(map(s).get("volumes"))) {
                String[] parts = v.split(":");
                if (parts[0].startsWith("./")) {
                    assertThat(PROJECT.resolve(parts[0])).as(name + ": " + v).exists();
                }
                mountedAt.add(parts[1]);
            }
        });
        // Prometheus loads the rule files it names from where compose mounts them, and the token from the secret.
        Map<String, Object> prometheus = yaml("deploy/prometheus.yml");
        assertThat(list(prometheus.get("rule_files"))).isNotEmpty().allSatisfy(f -> assertThat(mountedAt).contains(f));
        Set<String> secrets = map(compose.get("secrets")).keySet();
        for (Object job : (List<?>) prometheus.get("scrape_configs")) {
            String file = String.valueOf(map(map(job).get("authorization")).get("credentials_file"));
            assertThat(file).startsWith("/run/secrets/");
            assertThat(secrets).contains(file.substring("/run/secrets/".length()));
        }
        // What the Dockerfile runs from the source tree.
        String dockerfile = Files.readString(PROJECT.resolve("docker/Dockerfile"));
        Matcher script = Pattern.compile("sh (docker/[\\w.-]+)").matcher(dockerfile);
        assertThat(script.find()).isTrue();
        assertThat(PROJECT.resolve(script.group(1))).isRegularFile();
        assertThat(PROJECT.resolve("docker/broker-jars.txt")).isRegularFile();
    }

    @Test
    void theImageIsBuiltFromSourceAndRunsAsANonRootUserWithRiposteJavaOpts() throws IOException {
        List<String> lines = Files.readAllLines(PROJECT.resolve("docker/Dockerfile")).stream()
                .map(String::strip).filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
        List<Integer> stages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                stages.add(i);
            }
        }
        assertThat(stages).as("a build stage and a runtime stage").hasSize(2);
        List<String> build = lines.subList(stages.get(0), stages.get(1));
        List<String> runtime = lines.subList(stages.get(1), lines.size());
        assertThat(build.get(0)).endsWith(" AS build");
        assertThat(String.join("\n", build)).contains("COPY . .", "mvn ", "slim-lib.sh");
        // Only the build stage's output reaches the runtime image: nothing from the host's target/.
        assertThat(runtime.stream().filter(l -> l.startsWith("COPY "))).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("COPY --from=build "));
        String user = runtime.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).doesNotContain("root").isNotEqualTo("USER 0");
        assertThat(runtime.stream().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow())
                .contains("$RIPOSTE_JAVA_OPTS", "-jar /opt/riposte/riposte-cli.jar", "\\\"$@\\\"");
        assertThat(Files.readAllLines(PROJECT.resolve("docker/Dockerfile.dockerignore"))).contains("**/target/", ".mvn/", ".git/");
    }

    @Test
    void theDashboardAndTheAlertRulesUseMetricsTheAppsExpose() throws IOException {
        Set<String> exposed = exposedMetricNames();
        assertThat(exposed).contains("riposte_streams_dead_letters_total", "riposte_consumer_lag_records");

        List<String> ruleExpressions = new ArrayList<>();
        Map<String, String> alertExpr = new HashMap<>();
        for (Object group : (List<?>) yaml("deploy/riposte-alerts.yml").get("groups")) {
            for (Object rule : (List<?>) map(group).get("rules")) {
                ruleExpressions.add(String.valueOf(map(rule).get("expr")));
                alertExpr.put(String.valueOf(map(rule).get("alert")), String.valueOf(map(rule).get("expr")));
            }
        }
        assertThat(alertExpr.values()).anyMatch(e -> e.contains("riposte_streams_dead_letters_total"))
                .anyMatch(e -> e.contains("riposte_consumer_lag_records"))
                .anyMatch(e -> e.contains("rate(riposte_streams_alerts_emitted_total") && e.contains("* 60"));

        List<String> panelExpressions = new ArrayList<>();
        JsonNode dashboard = new ObjectMapper().readTree(PROJECT.resolve("deploy/grafana/riposte-dashboard.json").toFile());
        dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> panelExpressions.add(t.get("expr").asText())));
        assertThat(panelExpressions).anyMatch(e -> e.contains("riposte_streams_dead_letters_total"))
                .anyMatch(e -> e.contains("riposte_consumer_lag_records"))
                .anyMatch(e -> e.contains("riposte_streams_alerts_emitted_total") && e.contains("* 60"));

        Pattern metric = Pattern.compile("\\briposte_[a-z_]+");
        for (String e : concat(ruleExpressions, panelExpressions)) {
            Matcher m = metric.matcher(e);
            while (m.find()) {
                assertThat(exposed).as("metric in '" + e + "'").contains(m.group());
            }
        }
    }

    /** The names the two apps' /metrics really carry, from their own registration code. */
    static Set<String> exposedMetricNames() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new StreamsCounters().bindTo(registry);
        try (DyadSink sink = new DyadSink(Map.of("bootstrap.servers", "127.0.0.1:1", "schema.registry.url", "http://127.0.0.1:1"),
                DyadSink.Options.defaults(), a -> { }, System.err)) {
            sink.withMetrics(registry);
            Set<String> names = new TreeSet<>();
            for (String line : registry.scrape().split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    names.add(line.split("[{ ]", 2)[0]);
                }
            }
            return names;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
