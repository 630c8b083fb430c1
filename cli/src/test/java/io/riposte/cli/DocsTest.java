package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.topics.TopicSpec;
import io.riposte.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Keeps docs/architecture.md's topic table true to the catalogue the code creates. */
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
}
