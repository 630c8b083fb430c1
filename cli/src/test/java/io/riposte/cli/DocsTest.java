package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.topics.TopicSpec;
import io.riposte.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Keeps the docs true to the code: docs/architecture.md's topic table to the catalogue the code creates, its
 * module graph and table and README's module table to the poms, README's command table to the picocli commands.
 */
class DocsTest {
    @Test
    void everyTopicIsDocumentedWithItsPartitionsAndCleanupPolicy() throws IOException {
        Path doc = Path.of(System.getProperty("riposte.project.dir", "..")).resolve("docs/architecture.md");
        Assumptions.assumeTrue(Files.exists(doc), "docs/architecture.md not found from " + doc);
        Map<String, String[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                rows.put(cells[1].trim().replace("`", ""), cells);
            }
        }
        for (TopicSpec spec : Topics.all()) {
            assertThat(rows).as("topic %s documented", spec.name()).containsKey(spec.name());
            String[] cells = rows.get(spec.name());
            assertThat(cells[4].trim()).as("partitions of %s", spec.name()).isEqualTo(String.valueOf(spec.partitions()));
            assertThat(cells[5]).as("cleanup of %s", spec.name()).contains(spec.compacted() ? "compact" : "delete");
        }
    }

    @Test
    void ciRunsExactlyTheReadmeTestCommand() throws IOException {
        Path root = Path.of(System.getProperty("riposte.project.dir", ".."));
        Path ci = root.resolve(".ci/run");
        Assumptions.assumeTrue(Files.exists(ci), ".ci/run not found from " + root);
        List<String> commands = Files.readAllLines(ci).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("set ") && !l.startsWith("cd ")).toList();
        assertThat(commands).containsExactly("mvn -B verify");
        assertThat(Files.readString(root.resolve("README.md"))).contains("mvn -B verify         # the test suite");
        assertThat(Files.isExecutable(ci)).isTrue();
        assertThat(Files.isExecutable(root.resolve("riposte"))).isTrue();
    }

    /** A module's dependencies on other Riposte modules: those it ships with, and those of its tests only. */
    record Edges(Set<String> shipped, Set<String> tests) {
        Edges() {
            this(new TreeSet<>(), new TreeSet<>());
        }
    }

    @Test
    void theArchitectureGraphHasEachModuleWithTheDependenciesOfItsPom() throws Exception {
        Path root = root();
        Map<String, Edges> poms = modulesFromPoms(root);
        String doc = Files.readString(root.resolve("docs/architecture.md"));
        Matcher block = Pattern.compile("```mermaid\nflowchart BT\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("the module graph in docs/architecture.md").isTrue();
        Map<String, Edges> graph = new TreeMap<>();
        Pattern edge = Pattern.compile("(\\w+)(?:\\s+(-->|-\\.->\\|tests\\|)\\s+(.+))?");
        for (String line : block.group(1).strip().split("\n")) {
            Matcher m = edge.matcher(line.strip());
            assertThat(m.matches()).as("graph line '%s'", line).isTrue();
            Edges e = graph.computeIfAbsent(m.group(1), k -> new Edges());
            if (m.group(2) != null) {
                for (String target : m.group(3).split("&")) {
                    (m.group(2).equals("-->") ? e.shipped() : e.tests()).add(target.strip());
                }
            }
        }
        assertThat(graph).isEqualTo(poms);
    }

    @Test
    void everyModuleIsInTheReadmeAndArchitectureTablesAndEveryCommandInTheReadme() throws Exception {
        Path root = root();
        Set<String> modules = modulesFromPoms(root).keySet();
        assertThat(tableNames(section(root.resolve("README.md"), "## Modules"))).containsAll(modules);
        assertThat(tableNames(section(root.resolve("docs/architecture.md"), "## Modules and allowed dependencies")))
                .containsAll(modules);
        String commands = section(root.resolve("README.md"), "## Commands");
        Set<String> subcommands = Main.commandLine().getSubcommands().keySet();
        assertThat(subcommands).contains("extract", "help"); // the command line was read
        for (String name : subcommands) {
            assertThat(commands).as("README's command table").contains("| `riposte " + name);
        }
    }

    static Path root() {
        Path root = Path.of(System.getProperty("riposte.project.dir", ".."));
        Assumptions.assumeTrue(Files.exists(root.resolve("pom.xml")), "project root not found at " + root);
        return root;
    }

    /** The parent pom's modules with their Riposte dependencies (a test-jar beside the main jar counts as shipped). */
    static Map<String, Edges> modulesFromPoms(Path root) throws Exception {
        DocumentBuilder xml = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        Map<String, Edges> out = new TreeMap<>();
        for (Element module : children(child(xml.parse(root.resolve("pom.xml").toFile()).getDocumentElement(), "modules"), "module")) {
            String name = module.getTextContent().strip();
            Edges e = new Edges();
            Element project = xml.parse(root.resolve(name).resolve("pom.xml").toFile()).getDocumentElement();
            for (Element d : children(child(project, "dependencies"), "dependency")) {
                String artifact = child(d, "artifactId").getTextContent().strip();
                if (child(d, "groupId").getTextContent().strip().equals("io.riposte") && artifact.startsWith("riposte-")) {
                    Element scope = child(d, "scope");
                    boolean test = scope != null && scope.getTextContent().strip().equals("test");
                    (test ? e.tests() : e.shipped()).add(artifact.substring("riposte-".length()));
                }
            }
            e.tests().removeAll(e.shipped());
            out.put(name, e);
        }
        return out;
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element el && el.getTagName().equals(name)) {
                    out.add(el);
                }
            }
        }
        return out;
    }

    /** The text from {@code heading} to the next heading of the same or a higher level. */
    static String section(Path file, String heading) throws IOException {
        String text = Files.readString(file);
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as("%s in %s", heading, file).isNotNegative();
        int end = text.indexOf("\n## ", start + heading.length() + 1);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    /** The first cells of the table rows that name something in backquotes. */
    static Set<String> tableNames(String section) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(section);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
