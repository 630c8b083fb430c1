package io.riposte.producer;

/**
 * How a run replays what it reads: in which order and at which pace.
 *
 * @param order as read, by publication time, or shuffled with {@code seed}
 * @param seed the shuffle's seed, so a shuffled replay can be repeated exactly
 * @param rate articles per second, or 0 for as fast as possible
 * @param speedup re-live the articles' publication times at this many times real time, or 0 for off
 */
public record ReplayOptions(Order order, long seed, double rate, double speedup) {
    public enum Order { AS_READ, CHRONOLOGICAL, SHUFFLE }

    public static final ReplayOptions AS_FAST_AS_POSSIBLE = new ReplayOptions(Order.AS_READ, 0, 0, 0);

    public ReplayOptions {
        if (order == null) {
            throw new IllegalArgumentException("replay order must be one of as-read, chronological, shuffle");
        }
        if (rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("--rate must be a positive number of articles per second, got " + rate);
        }
        if (speedup < 0 || Double.isNaN(speedup) || Double.isInfinite(speedup)) {
            throw new IllegalArgumentException("--speedup must be a positive factor, got " + speedup);
        }
        if (rate > 0 && speedup > 0) {
            throw new IllegalArgumentException("--rate and --speedup pace a replay in two different ways: give one of them");
        }
    }

    /** Parses the command line's spelling: {@code as-read}, {@code chronological}, {@code shuffle}. */
    public static Order parseOrder(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "as-read", "as_read" -> Order.AS_READ;
            case "chronological" -> Order.CHRONOLOGICAL;
            case "shuffle", "shuffled" -> Order.SHUFFLE;
            default -> throw new IllegalArgumentException("unknown order '" + s + "' (as-read, chronological or shuffle)");
        };
    }

    /** Ordering needs every item before the first is sent; as-read streams. */
    boolean needsAllFirst() {
        return order != Order.AS_READ;
    }
}
