package io.riposte.local;

import io.riposte.local.registry.KafkaSchemaStore;
import io.riposte.topics.TopicSpec;
import io.riposte.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs a secured cluster needs for Riposte: what the apps' principal and the registry's principal may
 * do, and nothing more (the cluster denies everything no ACL allows).
 *
 * <table>
 *   <caption>What each app does</caption>
 *   <tr><th>app</th><th>needs</th></tr>
 *   <tr><td>producer</td><td>WRITE articles, rejected-articles (an idempotent producer needs only WRITE since Kafka 3.0)</td></tr>
 *   <tr><td>streams</td><td>READ articles; WRITE actions, chains, alerts, dead-letters; ALL on topics, READ on
 *       the group and WRITE/DESCRIBE on transactional ids, all three by the application.id prefix</td></tr>
 *   <tr><td>consume / alerts</td><td>READ chains, actions, alerts; READ and WRITE dyads (no group: they
 *       assign partitions and commit nothing)</td></tr>
 * </table>
 *
 * DESCRIBE on every catalogue topic lets {@code --create-topics} see that they exist.
 */
public final class RiposteAcls {
    private RiposteAcls() {}

    /** The bindings of the apps' principal {@code User:<user>} for Streams application id {@code applicationId}. */
    public static List<AclBinding> forApps(String user, String applicationId) {
        String principal = "User:" + user;
        List<AclBinding> b = new ArrayList<>();
        for (TopicSpec spec : Topics.all()) {
            b.add(topic(principal, spec.name(), AclOperation.DESCRIBE));
        }
        // producer
        b.add(topic(principal, Topics.ARTICLES, AclOperation.WRITE));
        b.add(topic(principal, Topics.REJECTED_ARTICLES, AclOperation.WRITE));
        // streams: input, outputs, internal topics, group, transactional ids (exactly-once v2)
        b.add(topic(principal, Topics.ARTICLES, AclOperation.READ));
        for (String out : List.of(Topics.ACTIONS, Topics.CHAINS, Topics.ALERTS, Topics.DEAD_LETTERS)) {
            b.add(topic(principal, out, AclOperation.WRITE));
        }
        b.add(allow(principal, new ResourcePattern(ResourceType.TOPIC, applicationId, PatternType.PREFIXED), AclOperation.ALL));
        b.add(allow(principal, new ResourcePattern(ResourceType.GROUP, applicationId, PatternType.PREFIXED), AclOperation.READ));
        ResourcePattern txn = new ResourcePattern(ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED);
        b.add(allow(principal, txn, AclOperation.WRITE));
        b.add(allow(principal, txn, AclOperation.DESCRIBE));
        // consume (dyad sink) and alerts
        for (String in : List.of(Topics.CHAINS, Topics.ACTIONS, Topics.ALERTS, Topics.DYADS, Topics.DYADS_AVRO)) {
            b.add(topic(principal, in, AclOperation.READ));
        }
        b.add(topic(principal, Topics.DYADS, AclOperation.WRITE));
        b.add(topic(principal, Topics.DYADS_AVRO, AclOperation.WRITE));
        return List.copyOf(b);
    }

    /** The bindings of the local schema registry's principal: its {@code _schemas} topic only. */
    public static List<AclBinding> forRegistry(String user) {
        String principal = "User:" + user;
        List<AclBinding> b = new ArrayList<>();
        for (AclOperation op : List.of(AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.READ, AclOperation.WRITE)) {
            b.add(topic(principal, KafkaSchemaStore.TOPIC, op));
        }
        return List.copyOf(b);
    }

    /**
     * Creates the bindings (idempotent: existing ones are kept as they are) and waits until the broker's
     * authorizer has them: the controller commits them first, and a client right after could still be refused.
     */
    public static void create(Admin admin, List<AclBinding> bindings, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            admin.createAcls(bindings).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            while (!admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), TimeUnit.MILLISECONDS)
                    .containsAll(bindings)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException();
                }
                Thread.sleep(50);
            }
        } catch (ExecutionException e) {
            throw new KafkaException("Cannot create the ACLs: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Timed out creating the ACLs");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while creating the ACLs", e);
        }
    }

    private static AclBinding topic(String principal, String topic, AclOperation op) {
        return allow(principal, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), op);
    }

    private static AclBinding allow(String principal, ResourcePattern pattern, AclOperation op) {
        return new AclBinding(pattern, new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
    }
}
