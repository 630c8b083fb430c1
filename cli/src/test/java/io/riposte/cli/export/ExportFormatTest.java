package io.riposte.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Chain;
import io.riposte.domain.ChainStatus;
import io.riposte.domain.ChainStep;
import io.riposte.domain.Evidence;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

public class ExportFormatTest {
    public static final Action ACTION = new Action("act-2", "EST-RUS", "RUS", "EST", ActionType.EXPEL_DIPLOMATS,
            FuzzyDate.ofMonth(2022, 5), 3, Modality.ASSERTED, 0.8, List.of("b.txt", "https://example.org/x,y"),
            List.of(new Evidence("b", "b.txt", "Moscow said it would send three \"Estonian\" envoys home.", 0, 40)),
            List.of(new Link("act-1", LinkReason.EXPLICIT_CUE, 0.9)), "chain-1");

    @Test
    void ploverUsesPloverFieldNamesAndKeepsTheContractsDate() throws Exception {
        JsonNode p = new ObjectMapper().readTree(ExportFormat.PLOVER.action(ACTION));
        assertThat(p.get("source").get(0).get("code").asText()).isEqualTo("RUS");
        assertThat(p.get("target").get(0).get("code").asText()).isEqualTo("EST");
        assertThat(p.get("event").asText()).isEqualTo(ActionType.EXPEL_DIPLOMATS.ploverType());
        assertThat(p.get("mode").asText()).isEqualTo(ActionType.EXPEL_DIPLOMATS.ploverMode());
        assertThat(p.get("date").asText()).isEqualTo("2022-05");
        assertThat(p.get("date_precision").asText()).isEqualTo("MONTH");
        assertThat(p.get("text").asText()).contains("three");
        assertThat(p.get("responds_to").get(0).asText()).isEqualTo("act-1");
    }

    @Test
    void csvHasAHeaderAndQuotesCellsThatNeedIt() {
        assertThat(ExportFormat.CSV.header(false).split(",")).hasSize(ExportFormat.ACTION_COLUMNS.size()).startsWith("id", "dyad");
        String row = ExportFormat.CSV.action(ACTION);
        assertThat(row).startsWith("act-2,EST-RUS,RUS,EST,EXPEL_DIPLOMATS,")
                .endsWith(",2022-05,MONTH,,,,3,ASSERTED,0.8,chain-1,act-1,\"b.txt;https://example.org/x,y\"");
        Chain c = new Chain("chain-1", "EST-RUS", ChainStatus.ACTIVE, 4.5, FuzzyDate.ofDay(LocalDate.of(2022, 5, 2)), FuzzyDate.ofMonth(2022, 5),
                List.of(new ChainStep("act-1", "EST", "RUS", ActionType.EXPEL_DIPLOMATS, FuzzyDate.ofDay(LocalDate.of(2022, 5, 2)), 2, List.of()),
                        new ChainStep("act-2", "RUS", "EST", ActionType.EXPEL_DIPLOMATS, FuzzyDate.ofMonth(2022, 5), 3, List.of("act-1"))));
        assertThat(ExportFormat.CSV.chain(c)).isEqualTo("chain-1,EST-RUS,ACTIVE,4.5,2022-05-02,DAY,2022-05,MONTH,2,act-1;act-2");
        assertThat(ExportFormat.CSV.header(true)).isEqualTo(String.join(",", ExportFormat.CHAIN_COLUMNS));
    }

    @Test
    void ploverHasNoChainRecordAndBadFormatsAreNamed() {
        assertThatThrownBy(() -> ExportFormat.PLOVER.chain(null)).hasMessageContaining("--format jsonl or csv");
        assertThatThrownBy(() -> ExportFormat.parse("xml")).hasMessageContaining("--format wants plover, jsonl or csv");
    }
}
