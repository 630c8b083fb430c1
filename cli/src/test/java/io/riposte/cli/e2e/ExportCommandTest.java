package io.riposte.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.cli.JsonSchemas;
import io.riposte.cli.e2e.CommandsAgainstClusterTest.Run;
import io.riposte.cli.export.ExportFormatTest;
import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Chain;
import io.riposte.domain.ChainStatus;
import io.riposte.domain.ChainStep;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import io.riposte.mapping.AvroMapping;
import io.riposte.serde.SpecificAvroSerializer;
import io.riposte.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code riposte export} reads what the compacted topics say now (committed, tombstones applied) in each format. */
class ExportCommandTest extends ClusterTest {
    static final Action FIRST = new Action("act-1", "EST-RUS", "EST", "RUS", ActionType.EXPEL_DIPLOMATS,
            FuzzyDate.ofDay(LocalDate.of(2022, 5, 2)), 2, Modality.ASSERTED, 0.9, List.of("a.txt"), List.of(), List.of(), "chain-1");

    @BeforeAll
    static void writeTopics() {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        p.put("transactional.id", "export-test");
        SpecificAvroSerializer<SpecificRecord> ser = new SpecificAvroSerializer<>();
        ser.configure(Map.of("schema.registry.url", cluster.registryUrl()), false);
        Action merged = new Action("act-0", "EST-RUS", "EST", "RUS", ActionType.SUMMON_ENVOY, FuzzyDate.UNKNOWN, null,
                Modality.ASSERTED, 0.5, List.of("z.txt"), List.of(), List.of(), null);
        Chain chain = new Chain("chain-1", "EST-RUS", ChainStatus.ACTIVE, 3.5, FIRST.date(), FuzzyDate.ofMonth(2022, 5),
                List.of(new ChainStep("act-1", "EST", "RUS", ActionType.EXPEL_DIPLOMATS, FIRST.date(), 2, List.of()),
                        new ChainStep("act-2", "RUS", "EST", ActionType.EXPEL_DIPLOMATS, FuzzyDate.ofMonth(2022, 5), 3, List.of("act-1"))));
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(p, new StringSerializer(), ser)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.ACTIONS, merged.id(), AvroMapping.toAvro(merged)));
            producer.send(new ProducerRecord<>(Topics.ACTIONS, FIRST.id(), AvroMapping.toAvro(FIRST)));
            producer.send(new ProducerRecord<>(Topics.ACTIONS, ExportFormatTest.ACTION.id(), AvroMapping.toAvro(ExportFormatTest.ACTION)));
            producer.send(new ProducerRecord<>(Topics.ACTIONS, merged.id(), null)); // merged away
            producer.send(new ProducerRecord<>(Topics.CHAINS, chain.id(), AvroMapping.toAvro(chain)));
            producer.commitTransaction();
        }
    }

    private static Run export(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("export", "-b", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl()));
        args.addAll(List.of(more));
        return CommandsAgainstClusterTest.riposte(args.toArray(String[]::new));
    }

    @Test
    void ploverAndJsonlWriteTheLiveActionsSortedByIdAndValid() throws Exception {
        Run plover = export("--format", "plover");
        assertThat(plover.code()).as(plover.err()).isZero();
        List<String> lines = plover.out().lines().toList();
        assertThat(lines).hasSize(2);
        lines.forEach(l -> JsonSchemas.assertValid("plover-action", l));
        ObjectMapper m = new ObjectMapper();
        assertThat(lines).extracting(l -> m.readTree(l).get("id").asText()).containsExactly("act-1", "act-2");
        assertThat(plover.err()).contains("export: 2 actions as plover");

        Run jsonl = export("--format", "jsonl");
        assertThat(jsonl.code()).as(jsonl.err()).isZero();
        jsonl.out().lines().forEach(l -> JsonSchemas.assertValid("action", l));
        Run chains = export("--format", "jsonl", "--records", "chains");
        assertThat(chains.out().lines()).singleElement().satisfies(l -> JsonSchemas.assertValid("chain", l));
    }

    @Test
    void csvGoesToAFileWithItsHeader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chains.csv");
        Run r = export("--format", "csv", "--records", "chains", "--output", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(file)).containsExactly(
                "id,dyad,status,escalation,first_date,first_date_precision,last_date,last_date_precision,steps,action_ids",
                "chain-1,EST-RUS,ACTIVE,3.5,2022-05-02,DAY,2022-05,MONTH,2,act-1;act-2");
        Run plover = export("--format", "plover", "--records", "chains");
        assertThat(plover.code()).isEqualTo(1);
        assertThat(plover.err()).contains("PLOVER records are events");
    }
}
