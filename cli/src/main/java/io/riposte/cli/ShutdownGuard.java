package io.riposte.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM for a long-running command: the JVM halts as soon as its shutdown hooks return, so the
 * hook asks the command to stop and then waits (bounded) until the command has closed its clients and
 * printed its summary, which {@link #close()} signals. An unclean exactly-once shutdown would wipe the
 * Streams state, and a summary cut off would lose the counts.
 */
final class ShutdownGuard implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownGuard(String name, Runnable askToStop, Duration wait) {
        this.hook = new Thread(() -> {
            askToStop.run();
            try {
                finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    /** Installs the hook: on a signal it runs {@code askToStop}, then waits up to {@code wait} for {@link #close()}. */
    static ShutdownGuard install(String name, Runnable askToStop, Duration wait) {
        ShutdownGuard g = new ShutdownGuard(name, askToStop, wait);
        Runtime.getRuntime().addShutdownHook(g.hook);
        return g;
    }

    /** The command is done: a waiting hook returns, and without a signal the hook is removed. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running and waits for us
        }
    }
}
