package io.riposte.extraction.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * Token strings by their characters, so that a word read from a text is one shared {@code String} and not a new one
 * per occurrence. The passes ask each token about many word lists and maps: a shared string has its hash computed
 * once and is found by identity ({@code ==}) before any {@code equals}, and a word repeated in an article is cut out
 * of the text and lower-cased once.
 *
 * <p>Two uses: the lexicon's vocabulary (every word its dictionaries know, also capitalised, fixed once loaded and
 * shared by all threads), and a thread's copy of it to which {@link Tokens} adds the other words it reads (not
 * thread-safe; {@link Lexicon#threadVocabulary()}), so an everyday word is cut out of a text and lower-cased once per
 * thread, not once per occurrence. A token is found by the hash of its characters, which is {@code String.hashCode()}
 * of the token, so no substring is made to look it up.
 */
final class Vocabulary {
    /** The characters an entry is found by: the token as the text has it (a curly apostrophe as written). */
    private String[] keys;
    /** The token the passes see ({@code ’s} is {@code 's}). */
    private String[] words;
    private String[] lowers;
    private int[] hashes;
    /**
     * The characters of every key, one after the other, and where each entry's are ({@code spans} = length + 1, 0 for
     * an empty slot): a lookup compares arrays it reads in order, not the key's {@code String}.
     */
    private char[] chars;
    private int charsUsed;
    private int[] offsets;
    private int[] spans;
    /** {@code hashCode()} of each entry's lower-case string, so a token's comes without reading the string. */
    private int[] lowerHashes;
    /** What each entry's token is ({@link Tokens#flags}), computed once per entry by {@link #classes}. */
    private byte[] flags;
    /** The word classes of a token (word, lower case), or null before the lexicon has set it. */
    private Classes classes;
    private int size;

    /** The classes ({@link Tokens#flags}) of a token, as its word and its lower-case form. */
    interface Classes {
        byte of(String word, String lower);
    }

    private Vocabulary(Vocabulary of) {
        keys = of.keys.clone();
        words = of.words.clone();
        lowers = of.lowers.clone();
        hashes = of.hashes.clone();
        chars = of.chars.clone();
        charsUsed = of.charsUsed;
        offsets = of.offsets.clone();
        spans = of.spans.clone();
        lowerHashes = of.lowerHashes.clone();
        flags = of.flags.clone();
        classes = of.classes;
        size = of.size;
    }

    /** A copy to add to. */
    Vocabulary copy() {
        return new Vocabulary(this);
    }

    int size() {
        return size;
    }

    Vocabulary(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) << 1;
        allocate(capacity);
        chars = new char[capacity * 8];
    }

    /**
     * The index of the entry whose key is text[from, to) ({@code hash} is that key's {@code String.hashCode()}), or -1.
     */
    int find(char[] text, int from, int to, int hash) {
        int mask = spans.length - 1;
        int span = to - from + 1;
        for (int k = (hash ^ (hash >>> 16)) & mask; ; k = (k + 1) & mask) {
            int s = spans[k];
            if (s == 0) {
                return -1;
            }
            if (s == span && hashes[k] == hash) {
                int at = offsets[k];
                if (Arrays.equals(chars, at, at + span - 1, text, from, to)) {
                    return k;
                }
            }
        }
    }

    int find(String key) {
        return find(key.toCharArray(), 0, key.length(), key.hashCode());
    }

    String word(int entry) {
        return words[entry];
    }

    String lower(int entry) {
        return lowers[entry];
    }

    int lowerHash(int entry) {
        return lowerHashes[entry];
    }

    byte flags(int entry) {
        return flags[entry];
    }

    /** The classes of a token that is no entry ({@code n't}). */
    byte flagsOf(String word, String lower) {
        return classes.of(word, lower);
    }

    /** Sets how the classes of an entry are found, and finds those of every entry so far (the lexicon, once loaded). */
    void classify(Classes c) {
        classes = c;
        for (int k = 0; k < keys.length; k++) {
            if (keys[k] != null) {
                flags[k] = c.of(words[k], lowers[k]);
            }
        }
    }

    /**
     * Adds an entry (unless its key is there): the token {@code word} read from characters {@code key}, lower-cased
     * as {@code lower}; returns its index.
     */
    int add(String key, String word, String lower) {
        int at = find(key);
        if (at >= 0) {
            return at;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        size++;
        return put(key, word, lower, -1);
    }

    /** Puts an entry in a free slot; its key's characters are at {@code offset} of {@link #chars}, or added when -1. */
    private int put(String key, String word, String lower, int offset) {
        int mask = keys.length - 1;
        int hash = key.hashCode();
        int k = (hash ^ (hash >>> 16)) & mask;
        while (keys[k] != null) {
            k = (k + 1) & mask;
        }
        if (offset < 0) {
            if (charsUsed + key.length() > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charsUsed + key.length()));
            }
            key.getChars(0, key.length(), chars, charsUsed);
            offset = charsUsed;
            charsUsed += key.length();
        }
        offsets[k] = offset;
        spans[k] = key.length() + 1;
        keys[k] = key;
        words[k] = word;
        lowers[k] = lower;
        hashes[k] = hash;
        lowerHashes[k] = lower.hashCode();
        flags[k] = classes == null ? 0 : classes.of(word, lower);
        return k;
    }

    /** Empty slots for {@code capacity} entries (the characters of the keys are kept apart, in {@code chars}). */
    private void allocate(int capacity) {
        keys = new String[capacity];
        words = new String[capacity];
        lowers = new String[capacity];
        hashes = new int[capacity];
        lowerHashes = new int[capacity];
        flags = new byte[capacity];
        offsets = new int[capacity];
        spans = new int[capacity];
    }

    private void grow() {
        String[] oldKeys = keys;
        String[] oldWords = words;
        String[] oldLowers = lowers;
        int[] oldOffsets = offsets;
        allocate(keys.length * 2);
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldKeys[k] != null) {
                put(oldKeys[k], oldWords[k], oldLowers[k], oldOffsets[k]);
            }
        }
    }

    /**
     * Adds a word of the dictionaries as it is written and capitalised (a sentence's first word), each with its lower
     * case form, one string for all the forms of a word.
     */
    void addKnown(String word) {
        addWithLower(word, word);
        if (!word.isEmpty()) {
            String capitalised = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
            addWithLower(capitalised, capitalised);
        }
    }

    /** Adds the token {@code word} read from characters {@code key}, with its lower-case form; returns its index. */
    int addWithLower(String key, String word) {
        String lower = canonical(word.toLowerCase(Locale.ROOT));
        add(lower, lower, lower);
        return add(key, word, lower);
    }

    /** The shared string equal to {@code word}, or {@code word} itself when there is none. */
    String canonical(String word) {
        int at = find(word);
        return at >= 0 && words[at].equals(word) ? words[at] : word;
    }
}
