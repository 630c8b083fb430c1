package io.riposte.producer;

import java.util.Map;
import java.util.TreeMap;

/** What a producer run did; its counts reconcile with the topics' contents. */
public final class ProduceSummary {
    /** Everything read was published. */
    public static final int EXIT_OK = 0;
    /** The run could not complete: broker or registry unreachable, a send failed. */
    public static final int EXIT_FAILED = 1;
    /** The run completed, but some inputs were rejected (they are on the rejected-articles topic). */
    public static final int EXIT_REJECTED = 3;

    private int read;
    private int published;
    private int skipped;
    private int duplicates;
    private int resent;
    private final Map<String, Integer> rejected = new TreeMap<>();
    private String failure;

    void readOne() {
        read++;
    }

    void publishedOne() {
        published++;
    }

    void rejectedOne(String reason) {
        rejected.merge(reason, 1, Integer::sum);
    }

    void duplicateOne() {
        duplicates++;
    }

    void resentOne() {
        resent++;
    }

    void skipped(int n) {
        skipped += n;
    }

    void failed(String message) {
        if (failure == null) {
            failure = message;
        }
    }

    /** Articles and rejections read (every file, or every JSON line). */
    public int read() {
        return read;
    }

    public int published() {
        return published;
    }

    /** Articles skipped because an article with the same id was already read in this run. */
    public int duplicates() {
        return duplicates;
    }

    /**
     * Records sent a second time because Kafka gave up on their first delivery (a broker restart the
     * producer did not ride out by itself). The first attempt may have been written: an article can then
     * sit twice on the topic, which the pipeline absorbs (keys are article ids, output ids derive from content).
     */
    public int resent() {
        return resent;
    }

    /** True when every article read was published, skipped as a duplicate or rejected (always, unless the run failed). */
    public boolean reconciles() {
        return read == published + duplicates + rejectedTotal();
    }

    /** Hidden or excluded files left out of a directory walk. */
    public int skipped() {
        return skipped;
    }

    public int rejectedTotal() {
        return rejected.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Rejections by reason code. */
    public Map<String, Integer> rejected() {
        return Map.copyOf(rejected);
    }

    /** Why the run stopped early, or null. */
    public String failure() {
        return failure;
    }

    public int exitCode() {
        if (failure != null) {
            return EXIT_FAILED;
        }
        return rejected.isEmpty() ? EXIT_OK : EXIT_REJECTED;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("read ").append(read).append(", published ").append(published);
        if (duplicates > 0) {
            sb.append(", skipped ").append(duplicates).append(" duplicate(s)");
        }
        sb.append(", rejected ").append(rejectedTotal());
        if (!rejected.isEmpty()) {
            sb.append(' ').append(rejected.toString().replace('{', '(').replace('}', ')'));
        }
        if (resent > 0) {
            sb.append(", re-sent ").append(resent).append(" after a delivery timeout");
        }
        if (skipped > 0) {
            sb.append(", skipped ").append(skipped).append(" hidden/excluded file(s)");
        }
        if (failure != null) {
            sb.append("; FAILED: ").append(failure);
        }
        return sb.toString();
    }
}
