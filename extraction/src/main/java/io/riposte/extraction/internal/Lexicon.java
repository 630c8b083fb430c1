package io.riposte.extraction.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The dictionaries of the extractor, loaded from the TSV data files next to this class
 * ({@code countries.tsv}, {@code people.tsv}, {@code blocked.tsv}, {@code institutions.tsv},
 * {@code triggers.tsv}, {@code cues.tsv}, {@code words.tsv}, {@code numbered.tsv}) and from same-named files
 * ({@code countries*.tsv}, ...)
 * in the directory given by the system property {@value #EXTRA_DIR_PROPERTY}, which add to them.
 * Immutable once built, so one instance is shared by all threads.
 */
public final class Lexicon {
    public static final String EXTRA_DIR_PROPERTY = "riposte.extraction.dictionaries";

    public enum ActorKind { NAME, ADJ, PLURAL, SEAT, PERSON, BLOCKED }

    /** One way of naming a state. For people: role, validity years and the host state of an ambassador. */
    public record ActorEntry(ActorKind kind, String iso, String role, int from, int to, String host) {}

    public record Phrase<T>(String[] tokens, T value) {}

    public record TriggerDef(String type, String needs, char kind) {}

    /** Actor phrases, case-sensitive, by first token. */
    final Map<String, List<Phrase<ActorEntry>>> actors = new HashMap<>();
    /** Trigger phrases, lower case, by first token. */
    final Map<String, List<Phrase<TriggerDef>>> triggers = new HashMap<>();
    /** Response cue phrases, lower case, by first token; value true = mirror cue. */
    final Map<String, List<Phrase<Boolean>>> cues = new HashMap<>();
    /** Institution nouns (lower case) to their role: AGENT, PERSON, MISSION. */
    final Map<String, String> institutions = new HashMap<>();
    /** The first words of the institution nouns: most tokens start none, so no phrase need be built for them. */
    Set<String> institutionStarts = new HashSet<>();
    /** Institution nouns (lower case) that, bare, stand for the state the story is about. */
    Set<String> homeInstitutions = new HashSet<>();
    /** Their first words: a cheap check before any phrase is built. */
    Set<String> homeInstitutionStarts = new HashSet<>();
    /** Every lower-case first token of a trigger: the prefilter's word set. */
    Set<String> triggerWords = new HashSet<>();
    final Set<String> isoCodes = new HashSet<>();
    /** Named closed word classes of the passes ({@code words.tsv}), lower case. */
    private final Map<String, Set<String>> wordLists = new HashMap<>();
    /** Named classes of words that stand for a number ({@code numbered.tsv}: months, weekdays), lower case. */
    private final Map<String, Map<String, Integer>> numbered = new HashMap<>();
    /** The words of dates, from {@code numbered.tsv} and {@code words.tsv}. */
    DateWords dates;
    /** The same lists as written, for the few matched against the text's own case (names, acronyms). */
    private final Map<String, Set<String>> wordListsAsWritten = new HashMap<>();

    public static Lexicon load() {
        Lexicon l = new Lexicon();
        l.read("countries", l::countryLine);
        l.read("people", l::personLine);
        l.read("blocked", l::blockedLine);
        l.read("institutions", l::institutionLine);
        l.read("triggers", l::triggerLine);
        l.read("cues", l::cueLine);
        l.read("words", l::wordsLine);
        l.read("numbered", l::numberedLine);
        l.buildVocabulary();
        l.wordLists.replaceAll((k, v) -> WordSet.of(v));
        l.wordListsAsWritten.replaceAll((k, v) -> WordSet.of(v));
        // asked about nearly every token, and never iterated by the passes
        l.institutionStarts = WordSet.of(l.institutionStarts);
        l.homeInstitutions = WordSet.of(l.homeInstitutions);
        l.homeInstitutionStarts = WordSet.of(l.homeInstitutionStarts);
        l.triggerWords = WordSet.of(l.triggerWords);
        l.numbered.replaceAll((k, v) -> Map.copyOf(v));
        l.dates = new DateWords(l);
        l.findPhraseKeys();
        l.buildHashes();
        // the passes test these classes of nearly every token: found once per word, not once per occurrence
        l.vocabulary.classify((word, lower) -> Tokens.classesOf(l, word, lower));
        return l;
    }

    /** Every token the dictionaries know, one shared string each (see {@link Vocabulary}). */
    private Vocabulary vocabulary;

    /**
     * How many words a thread's vocabulary may hold before it starts again from the lexicon's: the words of news are
     * a few tens of thousands, names and numbers are many more.
     */
    private static final int THREAD_VOCABULARY_LIMIT = 1 << 17;

    private final ThreadLocal<Vocabulary> threadVocabulary = new ThreadLocal<>();

    /** The vocabulary of the dictionaries with the other words this thread has read; only for this thread. */
    Vocabulary threadVocabulary() {
        Vocabulary v = threadVocabulary.get();
        if (v == null || v.size() > THREAD_VOCABULARY_LIMIT) {
            v = vocabulary.copy();
            threadVocabulary.set(v);
        }
        return v;
    }

    /**
     * The vocabulary of the dictionaries, and every word of the dictionaries replaced by its shared string, so that
     * a token of a text and a dictionary word are most often one object: compared by identity, hashed once.
     */
    private void buildVocabulary() {
        Vocabulary v = new Vocabulary(8192);
        for (char c = '!'; c <= '~'; c++) {
            if (!Character.isLetterOrDigit(c)) {
                v.addKnown(String.valueOf(c)); // punctuation, a token of its own
            }
        }
        v.addKnown("'s");
        v.addKnown("n't");
        List<Map<String, ? extends List<? extends Phrase<?>>>> phraseMaps = List.of(actors, triggers, cues);
        List<Set<String>> sets = new ArrayList<>(wordLists.values());
        sets.addAll(wordListsAsWritten.values());
        sets.addAll(List.of(institutionStarts, homeInstitutions, homeInstitutionStarts, triggerWords, prefilterWords));
        List<Set<String>> keys = new ArrayList<>(List.of(institutions.keySet()));
        numbered.values().forEach(m -> keys.add(m.keySet()));
        for (Set<String> set : sets) {
            set.forEach(w -> addTokens(v, w));
        }
        keys.forEach(set -> set.forEach(w -> addTokens(v, w)));
        for (Map<String, ? extends List<? extends Phrase<?>>> m : phraseMaps) {
            for (List<? extends Phrase<?>> phrases : m.values()) {
                for (Phrase<?> p : phrases) {
                    String[] toks = p.tokens();
                    for (int k = 0; k < toks.length; k++) {
                        v.addKnown(toks[k]);
                        toks[k] = v.canonical(toks[k]);
                    }
                }
            }
        }
        for (Set<String> set : sets) {
            List<String> shared = set.stream().map(v::canonical).toList();
            set.clear();
            set.addAll(shared);
        }
        canonicalKeys(triggers, v);
        canonicalKeys(cues, v);
        canonicalKeys(actors, v);
        canonicalKeys(institutions, v);
        numbered.values().forEach(m -> canonicalKeys(m, v));
        vocabulary = v;
    }

    private static void addTokens(Vocabulary v, String phrase) {
        Tokens t = Tokens.ofPhrase(phrase);
        if (t.size == 1 && t.word[0].equals(phrase)) {
            v.addKnown(phrase); // this very string, which a word set holds
            return;
        }
        for (int k = 0; k < t.size; k++) {
            v.addKnown(t.word[k]);
        }
    }

    private static <V> void canonicalKeys(Map<String, V> m, Vocabulary v) {
        Map<String, V> shared = new LinkedHashMap<>(); // the same keys again in the same order: the same iteration
        m.forEach((k, value) -> shared.put(v.canonical(k), value));
        m.clear();
        m.putAll(shared);
    }

    /** What a prefilter word is: the first word of a trigger phrase that opens the prefilter. */
    public static final int OPENING = 1;
    /** What a prefilter word is: the key word of some trigger phrase (see {@link #phraseKeys}). */
    public static final int KEY = 2;
    /**
     * What a prefilter word is: an English function word of the language check ({@code ENGLISH_MARKERS}); for this
     * kind the hash alone decides, as the check only counts.
     */
    public static final int ENGLISH = 4;

    private static final int PREFILTER_BITS = 8192;
    /** One bit per mixed hash of a prefilter word, a Bloom filter of one function before the table. */
    private long[] prefilterBits;
    private int[] prefilterHashes;
    private byte[] prefilterKinds;
    private boolean zeroHash;
    private byte zeroKinds;

    /**
     * The kinds ({@link #OPENING}, {@link #KEY}) of the prefilter words that have this String.hashCode() of their
     * lower-case form, 0 for none: a cheap pre-check, confirmed by {@link #prefilterKinds(String, int, int, int)}.
     */
    public int prefilterKinds(int hash) {
        int mixed = hash ^ (hash >>> 16);
        if ((prefilterBits[(mixed >>> 6) & (PREFILTER_BITS / 64 - 1)] & (1L << mixed)) == 0) {
            return 0; // most words: one bit, which fits in the L1 cache, rules them out
        }
        int[] table = prefilterHashes;
        int mask = table.length - 1;
        int k = mixed & mask;
        while (table[k] != 0) {
            if (table[k] == hash) {
                return prefilterKinds[k];
            }
            k = (k + 1) & mask;
        }
        return hash == 0 && zeroHash ? zeroKinds : 0;
    }

    /** Which of the kinds asked for the word text[from, to), lower-cased, has. */
    public int prefilterKinds(String text, int from, int to, int asked) {
        String w = text.substring(from, to).toLowerCase(java.util.Locale.ROOT);
        int kinds = 0;
        if ((asked & OPENING) != 0 && prefilterWords.contains(w)) {
            kinds |= OPENING;
        }
        if ((asked & KEY) != 0 && phraseKeys.contains(w)) {
            kinds |= KEY;
        }
        return kinds;
    }

    /** Whether some trigger phrase has no word of letters only, so no key word rules it out. */
    public boolean triggerWithoutKey() {
        return triggerWithoutKey;
    }

    private void buildHashes() {
        Map<Integer, Integer> kinds = new HashMap<>();
        for (String w : prefilterWords) {
            kinds.merge(w.hashCode(), OPENING, (a, b) -> a | b);
        }
        for (String w : phraseKeys) {
            kinds.merge(w.hashCode(), KEY, (a, b) -> a | b);
        }
        for (String w : words("ENGLISH_MARKERS")) {
            kinds.merge(w.hashCode(), ENGLISH, (a, b) -> a | b);
        }
        long[] bits = new long[PREFILTER_BITS / 64];
        for (int h : kinds.keySet()) {
            int mixed = h ^ (h >>> 16);
            bits[(mixed >>> 6) & (bits.length - 1)] |= 1L << mixed;
        }
        prefilterBits = bits;
        int size = Integer.highestOneBit(Math.max(16, kinds.size() * 4)) * 2;
        int[] table = new int[size];
        byte[] kind = new byte[size];
        for (Map.Entry<Integer, Integer> e : kinds.entrySet()) {
            int h = e.getKey();
            if (h == 0) {
                zeroHash = true;
                zeroKinds = (byte) (int) e.getValue();
                continue;
            }
            int k = (h ^ (h >>> 16)) & (size - 1);
            while (table[k] != 0) {
                k = (k + 1) & (size - 1);
            }
            table[k] = h;
            kind[k] = (byte) (int) e.getValue();
        }
        prefilterHashes = table;
        prefilterKinds = kind;
    }

    /** Values the passes derive from the dictionaries, computed once per lexicon, not once per article. */
    private final Map<String, Object> derived = new ConcurrentHashMap<>();

    /** The value of that name, computed by {@code compute} the first time it is asked for (it must not change). */
    @SuppressWarnings("unchecked")
    <T> T derived(String name, Function<Lexicon, T> compute) {
        return (T) derived.computeIfAbsent(name, k -> compute.apply(this));
    }

    /** Whether a lower-case word starts a trigger phrase (the prefilter). */
    public boolean isTriggerWord(String lowerWord) {
        return prefilterWords.contains(lowerWord);
    }

    public boolean isKnownState(String iso) {
        return isoCodes.contains(iso);
    }

    private interface LineParser {
        void parse(String[] cols);
    }

    private void read(String name, LineParser p) {
        try (InputStream in = Lexicon.class.getResourceAsStream("/io/riposte/extraction/" + name + ".tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing dictionary " + name + ".tsv");
            }
            readLines(in, name + ".tsv", p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String dir = System.getProperty(EXTRA_DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            Path d = Path.of(dir);
            if (Files.isDirectory(d)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(d, name + "*.tsv")) {
                    List<Path> files = new ArrayList<>();
                    ds.forEach(files::add);
                    files.sort(null);
                    for (Path f : files) {
                        try (InputStream in = Files.newInputStream(f)) {
                            readLines(in, f.toString(), p);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void readLines(InputStream in, String origin, LineParser p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                p.parse(line.split("\t", -1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(origin + ":" + n + ": bad dictionary line: " + e.getMessage(), e);
            }
        }
    }

    private static String col(String[] c, int i) {
        return i < c.length ? c[i].trim() : "";
    }

    private static String[] alts(String s) {
        return s.isEmpty() ? new String[0] : s.split("\\|");
    }

    private void countryLine(String[] c) {
        String iso = col(c, 0);
        if (!iso.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("not an ISO alpha-3 code: " + iso);
        }
        isoCodes.add(iso);
        for (String s : alts(col(c, 1))) {
            addActor(s, new ActorEntry(ActorKind.NAME, iso, null, 0, 0, null));
        }
        for (String s : alts(col(c, 2))) {
            addActor(s, new ActorEntry(ActorKind.ADJ, iso, null, 0, 0, null));
        }
        for (String s : alts(col(c, 3))) {
            addActor(s, new ActorEntry(ActorKind.PLURAL, iso, null, 0, 0, null));
        }
        for (String s : alts(col(c, 4))) {
            addActor(s, new ActorEntry(ActorKind.SEAT, iso, null, 0, 0, null));
        }
    }

    private void personLine(String[] c) {
        String iso = col(c, 1);
        int from = col(c, 3).isEmpty() ? 0 : Integer.parseInt(col(c, 3));
        int to = col(c, 4).isEmpty() ? 9999 : Integer.parseInt(col(c, 4));
        String host = col(c, 5).isEmpty() ? null : col(c, 5);
        for (String s : alts(col(c, 0))) {
            addActor(s, new ActorEntry(ActorKind.PERSON, iso, col(c, 2), from, to, host));
        }
    }

    private void blockedLine(String[] c) {
        addActor(col(c, 0), new ActorEntry(ActorKind.BLOCKED, null, null, 0, 0, null));
    }

    private void institutionLine(String[] c) {
        institutions.put(col(c, 0).toLowerCase(Locale.ROOT), col(c, 1));
        institutionStarts.add(col(c, 0).toLowerCase(Locale.ROOT).split(" ")[0]);
        if ("HOME".equals(col(c, 2))) {
            String lower = col(c, 0).toLowerCase(Locale.ROOT);
            homeInstitutions.add(lower);
            homeInstitutionStarts.add(lower.split(" ")[0]);
        }
    }

    /**
     * Needs whose trigger words are everyday words ("taken", "considering") that only make a measure in an
     * article about measures: they do not open the prefilter, so an article with no other trigger word stays
     * cheap, but they are looked at in the sentences of an article that has one.
     */
    private static final Set<String> SECONDARY_NEEDS = Set.of("TAKEN", "WEIGHED");

    /** The words that open the prefilter: the trigger words but those only of secondary needs. */
    private final Set<String> prefilterWords = new HashSet<>();

    /**
     * One word of each trigger phrase (of every need) that any text the phrase matches has: its longest word of
     * letters only that is no function word. A first word can be an everyday one ("in abeyance"); a text with no key word has no trigger
     * at all, so the prefilter rules it out however many opening words it has.
     */
    private final Set<String> phraseKeys = new HashSet<>();
    private boolean triggerWithoutKey;

    private void triggerLine(String[] c) {
        TriggerDef d = new TriggerDef(col(c, 1), col(c, 2).isEmpty() ? "-" : col(c, 2), col(c, 3).isEmpty() ? 'V' : col(c, 3).charAt(0));
        for (String s : alts(col(c, 0))) {
            String[] toks = lowerTokens(s);
            triggers.computeIfAbsent(toks[0], k -> new ArrayList<>()).add(new Phrase<>(toks, d));
            triggerWords.add(toks[0]);
            if (!SECONDARY_NEEDS.contains(d.needs())) {
                prefilterWords.add(toks[0]);
            }
        }
    }

    private void findPhraseKeys() {
        Set<String> function = words("FUNCTION_WORDS");
        for (List<Phrase<TriggerDef>> phrases : triggers.values()) {
            for (Phrase<TriggerDef> p : phrases) {
                String key = keyOf(p.tokens(), function);
                if (key == null) {
                    triggerWithoutKey = true;
                } else {
                    phraseKeys.add(key);
                }
            }
        }
    }

    /** The phrase's longest word of letters only, a function word only when it has no other ("be met with": met). */
    private static String keyOf(String[] phrase, Set<String> function) {
        String key = null;
        for (String w : phrase) {
            if (!w.chars().allMatch(Character::isLetter)) {
                continue;
            }
            if (key == null || function.contains(key) && !function.contains(w)
                    || function.contains(key) == function.contains(w) && w.length() > key.length()) {
                key = w;
            }
        }
        return key;
    }

    private void wordsLine(String[] c) {
        // interned: the passes ask for their lists by literal names, once per article each, so they are found by identity
        String name = col(c, 0).intern();
        if (!name.matches("[A-Z][A-Z_]*")) {
            throw new IllegalArgumentException("not a word list name (UPPER_CASE): " + name);
        }
        Set<String> set = wordLists.computeIfAbsent(name, k -> new HashSet<>());
        Set<String> asWritten = wordListsAsWritten.computeIfAbsent(name, k -> new HashSet<>());
        for (String w : alts(col(c, 1))) {
            set.add(w.trim().toLowerCase(Locale.ROOT));
            asWritten.add(w.trim());
        }
    }

    /**
     * The word list of that name in {@code words.tsv} (lower case, immutable, shared). A missing list is a
     * packaging error, so it fails loudly.
     */
    public Set<String> words(String name) {
        Set<String> s = wordLists.get(name);
        if (s == null) {
            throw new IllegalStateException("no word list " + name + " in words.tsv");
        }
        return s;
    }

    /**
     * The word list of that name as written in {@code words.tsv}, for lists matched against the text's own
     * case ("Jordan" the state, not "jordan"; "EU" the acronym). A missing list fails loudly.
     */
    public Set<String> wordsAsWritten(String name) {
        Set<String> s = wordListsAsWritten.get(name);
        if (s == null) {
            throw new IllegalStateException("no word list " + name + " in words.tsv");
        }
        return s;
    }

    private void numberedLine(String[] c) {
        String name = col(c, 0);
        if (!name.matches("[A-Z][A-Z_]*")) {
            throw new IllegalArgumentException("not a class name (UPPER_CASE): " + name);
        }
        int value = Integer.parseInt(col(c, 1));
        Map<String, Integer> words = numbered.computeIfAbsent(name, k -> new HashMap<>());
        for (String w : alts(col(c, 2))) {
            words.put(w.trim().toLowerCase(Locale.ROOT), value);
        }
    }

    /** The class of that name in {@code numbered.tsv}: lower-case word to its number. A missing class fails loudly. */
    public Map<String, Integer> numbered(String name) {
        Map<String, Integer> m = numbered.get(name);
        if (m == null) {
            throw new IllegalStateException("no class " + name + " in numbered.tsv");
        }
        return m;
    }

    private void cueLine(String[] c) {
        String[] toks = lowerTokens(col(c, 0));
        cues.computeIfAbsent(toks[0], k -> new ArrayList<>()).add(new Phrase<>(toks, "MIRROR".equals(col(c, 1))));
    }

    private void addActor(String phrase, ActorEntry e) {
        if (phrase.isBlank()) {
            return;
        }
        Tokens t = Tokens.ofPhrase(phrase);
        String[] toks = new String[t.size];
        System.arraycopy(t.word, 0, toks, 0, t.size);
        actors.computeIfAbsent(toks[0], k -> new ArrayList<>()).add(new Phrase<>(toks, e));
    }

    private static String[] lowerTokens(String s) {
        Tokens t = Tokens.ofPhrase(s);
        String[] out = new String[t.size];
        System.arraycopy(t.lower, 0, out, 0, t.size);
        return out;
    }

    /** Longest phrase of the map starting at token i (word form or lower form), or null. */
    static <T> Phrase<T> longest(Map<String, List<Phrase<T>>> map, String[] words, int i, int size) {
        List<Phrase<T>> cands = map.get(words[i]);
        if (cands == null) {
            return null;
        }
        Phrase<T> best = null;
        for (Phrase<T> p : cands) {
            int n = p.tokens().length;
            if (i + n > size || (best != null && n <= best.tokens().length)) {
                continue;
            }
            boolean ok = true;
            for (int k = 1; k < n; k++) {
                if (!p.tokens()[k].equals(words[i + k])) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                best = p;
            }
        }
        return best;
    }
}
