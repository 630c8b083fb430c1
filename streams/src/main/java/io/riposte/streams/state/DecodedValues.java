package io.riposte.streams.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * Decoded store values by their exact encoded bytes, least recently used first out, bounded by the bytes it
 * holds. Only for immutable values of a deterministic codec: a hit hands out the very object decoded (or
 * encoded) before, which must be what decoding these bytes again would give. Not thread-safe.
 */
final class DecodedValues<V> {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<Content, V> entries = new LinkedHashMap<>(256, 0.75f, true);

    DecodedValues(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    V get(byte[] encoded) {
        return entries.get(new Content(encoded));
    }

    void put(byte[] encoded, V value) {
        if (encoded.length > maxBytes / 4) {
            return; // one value would push out most of the others
        }
        if (entries.put(new Content(encoded), value) == null) {
            bytes += encoded.length;
        }
        var eldest = entries.keySet().iterator();
        while (bytes > maxBytes) {
            bytes -= eldest.next().bytes.length;
            eldest.remove();
        }
    }

    int size() {
        return entries.size();
    }

    /** A byte array compared by content, its hash computed once (eight bytes at a time). */
    private static final class Content {
        final byte[] bytes;
        final int hash;

        Content(byte[] bytes) {
            this.bytes = bytes;
            long h = bytes.length;
            int i = 0;
            for (; i + 8 <= bytes.length; i += 8) {
                h = (h ^ (long) LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L;
                h ^= h >>> 29;
            }
            for (; i < bytes.length; i++) {
                h = (h ^ bytes[i]) * 0x9E3779B97F4A7C15L;
            }
            this.hash = (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Content c && c.hash == hash && Arrays.equals(c.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
