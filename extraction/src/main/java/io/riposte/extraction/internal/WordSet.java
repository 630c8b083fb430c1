package io.riposte.extraction.internal;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;

/**
 * An immutable set of words for the lookups of the passes, which ask about nearly every token of an article and
 * mostly get no. {@code Set.copyOf} sets compare the asked word with every entry of its probe chain by
 * {@code equals}; this one compares the cached {@code String.hashCode()} first, so a miss reads ints only, and a hit
 * costs one {@code equals}. Iterates in the order the words were given; {@code contains(null)} throws as
 * {@code Set.copyOf} sets do.
 */
final class WordSet extends AbstractSet<String> {
    private final String[] members;
    private final String[] table;
    private final int[] hashes;
    private final int mask;

    private WordSet(String[] members) {
        this.members = members;
        int size = Integer.highestOneBit(Math.max(4, members.length) * 4 - 1) << 1;
        this.table = new String[size];
        this.hashes = new int[size];
        this.mask = size - 1;
        for (String w : members) {
            int h = w.hashCode();
            int k = spread(h) & mask;
            while (table[k] != null) {
                k = (k + 1) & mask;
            }
            table[k] = w;
            hashes[k] = h;
        }
    }

    /** The distinct words of a collection (none null). */
    static WordSet of(Collection<String> words) {
        return new WordSet(words.stream().map(Objects::requireNonNull).distinct().toArray(String[]::new));
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    @Override
    public boolean contains(Object o) {
        if (!(Objects.requireNonNull(o) instanceof String w)) {
            return false;
        }
        return contains(w, w.hashCode());
    }

    /** {@link #contains(Object)} of a word whose {@code hashCode()} the caller has: a miss reads no string. */
    boolean contains(String w, int h) {
        int k = spread(h) & mask;
        String e;
        while ((e = table[k]) != null) {
            if (hashes[k] == h && (e == w || e.equals(w))) {
                return true;
            }
            k = (k + 1) & mask;
        }
        return false;
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.asList(members).iterator();
    }

    @Override
    public int size() {
        return members.length;
    }
}
