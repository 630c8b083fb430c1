package io.riposte.producer;

import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Progress for people: a bar with rate and ETA on a terminal, a log line every so often otherwise. */
public final class ConsoleProgress {
    private ConsoleProgress() {}

    /** A bar when stderr is a terminal (a pipe or a log file would fill with redraws), else log lines. */
    public static Progress forStderr(Duration logInterval) {
        if (System.console() != null) {
            return new Bar(System.err);
        }
        return new LogLines(System.err, logInterval, System::nanoTime);
    }

    static String counts(ProduceSummary s) {
        return "published " + s.published() + ", duplicates " + s.duplicates() + ", rejected " + s.rejectedTotal();
    }

    static final class Bar implements Progress {
        private final PrintStream out;
        private ProgressBar bar;

        Bar(PrintStream out) {
            this.out = out;
        }

        @Override
        public void start(long total) {
            bar = new ProgressBarBuilder().setTaskName("produce").setInitialMax(total)
                    .showSpeed().setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(out)).build();
        }

        @Override
        public void advance(ProduceSummary summary) {
            if (bar != null) {
                bar.step();
                bar.setExtraMessage(counts(summary));
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** One line per interval with the position, the rate since the start and, when the total is known, an ETA. */
    static final class LogLines implements Progress {
        private final PrintStream out;
        private final long intervalNanos;
        private final LongSupplier ticker;
        private long total = -1;
        private long done;
        private long startNanos;
        private long lastNanos;

        LogLines(PrintStream out, Duration interval, LongSupplier ticker) {
            this.out = out;
            this.intervalNanos = interval.toNanos();
            this.ticker = ticker;
        }

        @Override
        public void start(long total) {
            this.total = total;
            startNanos = ticker.getAsLong();
            lastNanos = startNanos;
        }

        @Override
        public void advance(ProduceSummary summary) {
            done++;
            long now = ticker.getAsLong();
            if (now - lastNanos < intervalNanos) {
                return;
            }
            lastNanos = now;
            double seconds = (now - startNanos) / 1e9;
            double rate = seconds > 0 ? done / seconds : 0;
            StringBuilder sb = new StringBuilder("produce: ").append(done);
            if (total >= 0) {
                sb.append('/').append(total);
            }
            sb.append(String.format(java.util.Locale.ROOT, " at %.1f/s", rate));
            if (total >= 0 && rate > 0) {
                long eta = Math.round((total - done) / rate);
                sb.append(", ETA ").append(Duration.ofSeconds(eta).toString().substring(2).toLowerCase(java.util.Locale.ROOT));
            }
            sb.append(" (").append(counts(summary)).append(')');
            out.println(sb);
        }
    }
}
