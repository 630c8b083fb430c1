package io.riposte.reliability;

import io.riposte.domain.Article;
import io.riposte.producer.ArticlePublisher;
import io.riposte.producer.InputItem;
import io.riposte.producer.ProduceSummary;
import io.riposte.producer.Progress;
import io.riposte.producer.ReplayOptions;
import io.riposte.synthetic.ArticleGenerator;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A paced replay of the seeded synthetic corpus through Riposte's own publisher (idempotent, acks=all,
 * bounded waits), on a thread of its own so the test can kill and restart things meanwhile.
 */
final class Replay {
    private final List<Article> articles;
    private final Map<String, Object> config;
    private final double rate;
    private final AtomicInteger handed = new AtomicInteger();
    private volatile ProduceSummary summary;
    private volatile ArticlePublisher.Session session;
    private volatile Throwable failure;
    private Thread thread;
    private int holdAt = -1;
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

    /** The publisher runs with its own defaults: the broker-restart test checks that they ride out a restart. */
    Replay(List<Article> articles, String bootstrap, String registryUrl, double articlesPerSecond) {
        this.articles = articles;
        this.config = Map.of("bootstrap.servers", bootstrap, "schema.registry.url", registryUrl);
        this.rate = articlesPerSecond;
    }

    static List<Article> corpus(long seed, int n) {
        return new ArticleGenerator(seed).generate(n).stream().map(ArticleGenerator.Generated::article).toList();
    }

    /**
     * Makes the replay stop after {@code n} articles until {@link #release()}, so that a test can be sure
     * articles still arrive after the fault it injects, however slow the machine. Call before {@link #start()}.
     */
    Replay holdAt(int n) {
        holdAt = n;
        return this;
    }

    void release() {
        released.countDown();
    }

    void start() {
        thread = new Thread(() -> {
            try (ArticlePublisher publisher = new ArticlePublisher(config, new PrintStream(OutputStream.nullOutputStream()))) {
                session = publisher.session(new ReplayOptions(ReplayOptions.Order.AS_READ, 0, rate, 0), Progress.NONE);
                int i = 0;
                for (Article a : articles) {
                    if (i == holdAt) {
                        released.await();
                    }
                    session.publish(new InputItem.Parsed("synthetic:" + i++, a));
                    handed.incrementAndGet();
                    if (session.summary().failure() != null) {
                        break;
                    }
                }
                summary = session.flush();
            } catch (Throwable t) {
                failure = t;
            }
        }, "replay");
        thread.start();
    }

    /** Articles handed to the publisher so far. */
    int handed() {
        return handed.get();
    }

    boolean running() {
        return thread.isAlive();
    }

    /** The publisher's counts so far and why it stopped, if it did: for failure messages. */
    String describe() {
        ArticlePublisher.Session s = session;
        return "handed " + handed() + (s == null ? "" : "; publisher: " + s.summary()) + (failure == null ? "" : "; thread failed: " + failure);
    }

    /** Waits for the end of the replay and returns its summary; throws if the publisher itself failed. */
    ProduceSummary await() throws InterruptedException {
        thread.join();
        if (failure != null) {
            throw new IllegalStateException("the replay failed", failure);
        }
        return summary;
    }
}
