package io.riposte.cli;

import static io.riposte.cli.JsonSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.cli.export.ExportFormat;
import io.riposte.consumer.DyadView;
import io.riposte.consumer.WebhookNotifier;
import io.riposte.correlation.BatchCorrelation;
import io.riposte.domain.Action;
import io.riposte.domain.Alert;
import io.riposte.domain.Chain;
import io.riposte.domain.ExtractedAction;
import io.riposte.json.JsonContract;
import io.riposte.extraction.Extractors;
import io.riposte.mapping.AvroMapping;
import io.riposte.streams.query.QueryServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every JSON document Riposte writes, produced by the real code from the bundled sample articles, against
 * its JSON Schema: extract lines, query-server bodies, the {@code dyads} view, alert JSON. The schemas are
 * strict (no unknown keys), so a camelCase key or a second date form fails here.
 */
class JsonContractTest {
    static final Path ARTICLES = Path.of(System.getProperty("riposte.project.dir", "..")).resolve("corpus/articles");
    static BatchCorrelation.Result result;

    @BeforeAll
    static void correlateTheSamples() {
        Assumptions.assumeTrue(Files.isDirectory(ARTICLES), "sample articles not found at " + ARTICLES);
        List<ExtractedAction> mentions = new ArrayList<>();
        ExtractCommand.load(List.of(ARTICLES), new PrintWriter(new StringWriter())).articles()
                .forEach(a -> mentions.addAll(Extractors.standard().extract(a).actions()));
        result = BatchCorrelation.correlateAll(mentions);
        assertThat(result.chains()).isNotEmpty();
        assertThat(result.alerts()).isNotEmpty();
    }

    private static List<String> extractLines(String... args) {
        StringWriter out = new StringWriter();
        picocli.CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        List<String> all = new ArrayList<>(List.of("extract"));
        all.addAll(List.of(args));
        all.add(ARTICLES.toString());
        assertThat(cl.execute(all.toArray(String[]::new))).isZero();
        return out.toString().lines().toList();
    }

    @Test
    void extractLinesArePredictionsWithTheScorersDateFields() throws Exception {
        for (String mode : new String[] {"--all-modalities", "--correlate"}) {
            List<String> lines = extractLines(mode);
            assertThat(lines).isNotEmpty();
            lines.forEach(l -> assertValid("prediction", l));
        }
    }

    @Test
    void queryServerBodiesFollowTheContract() throws Exception {
        ObjectMapper m = QueryServer.mapper();
        for (Chain c : result.chains()) {
            assertValid("chain", m.writeValueAsString(c));
        }
        for (Action a : result.actions()) {
            assertValid("action", m.writeValueAsString(a));
        }
        Chain c = result.chains().get(0);
        Map<String, Object> dyad = new LinkedHashMap<>();
        dyad.put("dyad", c.dyad());
        dyad.put("chains", result.chains().stream().filter(x -> x.dyad().equals(c.dyad())).toList());
        dyad.put("actions", result.actions().stream().filter(x -> x.dyad().equals(c.dyad())).toList());
        assertValid("dyad-query", m.writeValueAsString(dyad));
    }

    @Test
    void theDyadsSinkValueFollowsTheContract() {
        DyadView view = new DyadView();
        long t = 1_700_000_000_000L;
        for (Action a : result.actions()) {
            view.applyAction(a.id(), AvroMapping.toAvro(a), t++);
        }
        for (Chain c : result.chains()) {
            view.applyChain(c.id(), AvroMapping.toAvro(c), t++);
        }
        List<String> dyads = view.drainDirty();
        assertThat(dyads).isNotEmpty();
        for (String d : dyads) {
            String json = view.json(d);
            if (json != null) {
                assertValid("dyad-view", json);
            }
        }
    }

    @Test
    void alertJsonFollowsTheContractInEveryOutput() {
        for (Alert a : result.alerts()) {
            assertValid("alert", JsonContract.alert(a));
            io.riposte.avro.Alert avro = AvroMapping.toAvro(a);
            assertValid("alert", WebhookNotifier.body(avro, WebhookNotifier.Format.JSON));
            assertValid("alert", AlertOutput.renderer("json", false).apply(avro));
            assertValid("alert", io.riposte.consumer.web.ConsumerHttpServer.eventJson(avro));
        }
    }

    @Test
    void exportRecordsFollowTheContractAndPlover() {
        for (Action a : result.actions()) {
            assertValid("action", ExportFormat.JSONL.action(a));
            assertValid("plover-action", ExportFormat.PLOVER.action(a));
        }
        for (Chain c : result.chains()) {
            assertValid("chain", ExportFormat.JSONL.chain(c));
        }
    }

    @Test
    void theSchemasRefuseOtherDialects() {
        ObjectNode alert = JsonContract.alert(result.alerts().get(0));
        ObjectNode camel = alert.deepCopy();
        camel.set("actionDate", camel.remove("action_date"));
        assertThat(JsonSchemas.violations("alert", camel)).isNotEmpty();
        ObjectNode dateObject = alert.deepCopy();
        dateObject.putObject("action_date").put("iso", "2018-03-04").put("precision", "DAY");
        assertThat(JsonSchemas.violations("alert", dateObject)).isNotEmpty();
        ObjectNode badType = alert.deepCopy().put("type", "SKIRMISH");
        assertThat(JsonSchemas.violations("alert", badType)).isNotEmpty();
        ObjectNode halfRange = alert.deepCopy().put("action_date_range_start", "2018-03-01");
        halfRange.remove("action_date_range_end");
        assertThat(JsonSchemas.violations("alert", halfRange)).isNotEmpty();
    }
}
