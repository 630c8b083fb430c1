package io.riposte.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.internals.StreamsMetadataImpl;
import org.junit.jupiter.api.Test;

/** The routing and merging of {@link QueryRouter}, without a cluster: placements from metadata, fetchers faked. */
class QueryRouterTest {
    static final String TOPIC = "app-by-dyad-repartition";
    static final HostInfo A = new HostInfo("10.0.0.1", 7070);
    static final HostInfo B = new HostInfo("10.0.0.2", 7070);

    static StreamsMetadata instance(HostInfo host, Set<Integer> active, Set<Integer> standby) {
        Set<TopicPartition> act = active.stream().map(p -> new TopicPartition(TOPIC, p)).collect(Collectors.toSet());
        // Partitions of the other sub-topology's input must not count as store partitions.
        act.add(new TopicPartition("articles", active.isEmpty() ? 9 : active.iterator().next()));
        Set<TopicPartition> sb = standby.stream().map(p -> new TopicPartition(TOPIC, p)).collect(Collectors.toSet());
        return new StreamsMetadataImpl(host, Set.of("chains-by-id"), act, Set.of("chains-by-id"), sb);
    }

    @Test
    void placementMapsEachPartitionToItsOwnerAndStandbys() {
        QueryRouter.Placement p = QueryRouter.placement(List.of(instance(A, Set.of(0, 2), Set.of(1)), instance(B, Set.of(1), Set.of(0, 2))), TOPIC, 0);
        assertThat(p.partitions()).isEqualTo(3);
        assertThat(p.active()).containsEntry(0, A).containsEntry(1, B).containsEntry(2, A).hasSize(3);
        assertThat(p.standbys().get(1)).containsExactly(A);
        assertThat(p.standbys().get(0)).containsExactly(B);
    }

    @Test
    void aPartitionWithoutOwnerRefusesTheQueryInsteadOfAnsweringPartially() {
        assertThatThrownBy(() -> QueryRouter.placement(List.of(instance(A, Set.of(0), Set.of()), instance(B, Set.of(2), Set.of())), TOPIC, 0))
                .isInstanceOf(QueryRouter.Unavailable.class).hasMessageContaining("partitions [1]").hasMessageContaining("no active owner");
        // The highest partition missing is seen through the partitions known from earlier queries.
        assertThatThrownBy(() -> QueryRouter.placement(List.of(instance(A, Set.of(0, 1), Set.of())), TOPIC, 3))
                .isInstanceOf(QueryRouter.Unavailable.class).hasMessageContaining("partitions [2]");
        assertThatThrownBy(() -> QueryRouter.placement(List.of(), TOPIC, 0))
                .isInstanceOf(QueryRouter.Unavailable.class).hasMessageContaining("no instance owns");
        assertThatThrownBy(() -> QueryRouter.placement(List.of(instance(A, Set.of(0, 1), Set.of()), instance(B, Set.of(1), Set.of())), TOPIC, 0))
                .isInstanceOf(QueryRouter.Unavailable.class).hasMessageContaining("claimed by");
    }

    /** A fetcher that answers "host/partition" per partition asked, counts requests, and has some hosts down. */
    static final class FakeFetcher implements QueryRouter.Fetcher {
        final Set<HostInfo> down;
        final List<String> requests = new ArrayList<>();

        FakeFetcher(Set<HostInfo> down) {
            this.down = down;
        }

        @Override
        public List<Object> fetch(HostInfo host, Set<Integer> partitions, boolean standby) throws InstanceClient.Unreachable {
            requests.add(host.host() + " " + partitions.stream().sorted().toList() + (standby ? " standby" : ""));
            if (down.contains(host)) {
                throw new InstanceClient.Unreachable(host + " is unreachable (connection refused)", null);
            }
            return partitions.stream().sorted().map(p -> (Object) (host.host() + "/" + p)).toList();
        }
    }

    @Test
    void eachOwnerIsAskedOnceForItsOwnPartitions() {
        QueryRouter.Placement p = QueryRouter.placement(List.of(instance(A, Set.of(0, 2), Set.of(1)), instance(B, Set.of(1), Set.of(0, 2))), TOPIC, 0);
        FakeFetcher f = new FakeFetcher(Set.of());
        List<String> stale = new ArrayList<>();
        List<Object> values = QueryRouter.gather(p, Set.of(0, 1, 2), f, stale);
        assertThat(values).containsExactlyInAnyOrder("10.0.0.1/0", "10.0.0.1/2", "10.0.0.2/1");
        assertThat(f.requests).containsExactly("10.0.0.1 [0, 2]", "10.0.0.2 [1]");
        assertThat(stale).isEmpty();

        FakeFetcher one = new FakeFetcher(Set.of());
        assertThat(QueryRouter.gather(p, Set.of(1), one, stale)).containsExactly("10.0.0.2/1");
        assertThat(one.requests).containsExactly("10.0.0.2 [1]");
    }

    @Test
    void aDownOwnerIsReplacedByTheStandbyOfEachOfItsPartitionsAndTheAnswerSaysItMayLag() {
        QueryRouter.Placement p = QueryRouter.placement(List.of(instance(A, Set.of(0, 2), Set.of(1)), instance(B, Set.of(1), Set.of(0, 2))), TOPIC, 0);
        FakeFetcher f = new FakeFetcher(Set.of(A));
        List<String> stale = new ArrayList<>();
        List<Object> values = QueryRouter.gather(p, Set.of(0, 1, 2), f, stale);
        assertThat(values).containsExactlyInAnyOrder("10.0.0.2/0", "10.0.0.2/2", "10.0.0.2/1");
        assertThat(f.requests).containsExactly("10.0.0.1 [0, 2]", "10.0.0.2 [0] standby", "10.0.0.2 [2] standby", "10.0.0.2 [1]");
        assertThat(stale).hasSize(2);
        assertThat(stale.get(0)).contains("partition 0", "owner 10.0.0.1:7070", "standby on 10.0.0.2:7070", "may lag");
    }

    @Test
    void aDownOwnerWithoutStandbyRefusesTheQueryAndSaysWhy() {
        QueryRouter.Placement p = QueryRouter.placement(List.of(instance(A, Set.of(0, 2), Set.of()), instance(B, Set.of(1), Set.of())), TOPIC, 0);
        List<String> stale = new ArrayList<>();
        assertThatThrownBy(() -> QueryRouter.gather(p, Set.of(0, 1, 2), new FakeFetcher(Set.of(B)), stale))
                .isInstanceOf(QueryRouter.Unavailable.class)
                .hasMessageContaining("partition 1").hasMessageContaining("connection refused").hasMessageContaining("num.standby.replicas=0");
        QueryRouter.Placement withStandby = QueryRouter.placement(List.of(instance(A, Set.of(0, 2), Set.of(1)), instance(B, Set.of(1), Set.of())), TOPIC, 0);
        assertThatThrownBy(() -> QueryRouter.gather(withStandby, Set.of(1), new FakeFetcher(Set.of(A, B)), stale))
                .isInstanceOf(QueryRouter.Unavailable.class).hasMessageContaining("nor did its standbys");
    }
}
