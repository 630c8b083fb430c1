package io.riposte.producer;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Watches a directory (and its sub-directories) for files and hands each complete file's items to
 * a sink exactly once. A file counts as complete when two consecutive scans see the same size and
 * modification time, so a file still being written is left for a later scan.
 *
 * <p>The JDK's {@link WatchService} wakes the loop early when something changes; a scan also runs
 * every poll interval regardless, because some file systems (network mounts, some containers)
 * deliver no events.
 */
public final class DirectoryWatcher implements AutoCloseable {
    private record Seen(long size, long modified) {}

    private final Path dir;
    private final ArticleFiles files;
    private final Duration pollInterval;
    private final Map<Path, Seen> pending = new HashMap<>();
    private final Set<Path> done = new HashSet<>();
    private final WatchService watch;

    public DirectoryWatcher(Path dir, ArticleFiles files, Duration pollInterval) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--watch needs a directory: " + dir);
        }
        this.dir = dir;
        this.files = files;
        this.pollInterval = pollInterval;
        this.watch = register(dir);
    }

    private static WatchService register(Path dir) {
        try {
            WatchService ws = FileSystems.getDefault().newWatchService();
            dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            return ws;
        } catch (IOException | UnsupportedOperationException e) {
            return null; // polling alone still works
        }
    }

    /** Scans until {@code stop} says so, handing items to {@code sink}; {@code afterFile} runs after each file. */
    public void run(Consumer<InputItem> sink, Runnable afterFile, BooleanSupplier stop) throws InterruptedException {
        while (!stop.getAsBoolean()) {
            scanOnce(sink, afterFile);
            awaitChange(pollInterval);
        }
    }

    /** Sleeps until a file-system event or at most {@code max} (and at most the poll interval). */
    public void awaitChange(Duration max) throws InterruptedException {
        long millis = Math.max(1, Math.min(max.toMillis(), pollInterval.toMillis()));
        if (watch == null) {
            Thread.sleep(millis);
            return;
        }
        try {
            WatchKey key = watch.poll(millis, TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
                // A change was seen: give the writer a moment before the stability check compares sizes.
                Thread.sleep(Math.min(500, millis));
            }
        } catch (ClosedWatchServiceException e) {
            Thread.sleep(millis);
        }
    }

    /**
     * One pass: files seen unchanged since the previous pass are read and handed on; new or growing
     * files are remembered for the next pass.
     *
     * @return how many files were handed on
     */
    public int scanOnce(Consumer<InputItem> sink, Runnable afterFile) {
        int handed = 0;
        List<Path> current = files.expand(List.of(dir));
        for (Path f : current) {
            if (done.contains(f)) {
                continue;
            }
            Seen now;
            try {
                now = new Seen(Files.size(f), Files.getLastModifiedTime(f).toMillis());
            } catch (IOException e) {
                continue; // gone between the listing and now: nothing to publish
            }
            Seen before = pending.put(f, now);
            if (now.equals(before)) {
                pending.remove(f);
                done.add(f);
                files.read(f, sink);
                afterFile.run();
                handed++;
            }
        }
        return handed;
    }

    @Override
    public void close() {
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
