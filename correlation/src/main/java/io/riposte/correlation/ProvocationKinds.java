package io.riposte.correlation;

import io.riposte.domain.ActionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kind of act a response cue names when extraction found no report of it: "expelled the envoy in
 * response to new sanctions", "summoned the charge d'affaires over the other side's strikes". The
 * provocation is then the other side's act of that kind, which another article may report. Words in
 * {@code provocation-kinds.tsv}.
 */
final class ProvocationKinds {

    /** How many words after a marker may name the provocation ("in response to the EU's new sanctions"). */
    static final int REACH = 5;

    /** Marker phrases as words, by their first word (a sentence is read once, word by word). */
    private static final Map<String, List<String[]>> MARKERS = new HashMap<>();
    /** Word stems (a word starting with one names its kind; no stem starts another) to their kinds. */
    private static final Map<String, ActionType> KINDS = new TreeMap<>();

    static {
        List<String> lines;
        try (InputStream in = ProvocationKinds.class.getResourceAsStream("provocation-kinds.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing provocation-kinds.tsv");
            }
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            String[] c = line.split("\t");
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            } else if (c[0].equals("MARKER") && c.length == 2) {
                String[] marker = words(c[1]);
                MARKERS.computeIfAbsent(marker[0], k -> new ArrayList<>()).add(marker);
            } else if (c[0].equals("KIND") && c.length == 3) {
                KINDS.put(c[1].toLowerCase(Locale.ROOT), ActionType.valueOf(c[2]));
            } else {
                throw new IllegalStateException("provocation-kinds.tsv:" + n + ": expected MARKER<TAB>phrase or KIND<TAB>stem<TAB>TYPE: " + line);
            }
        }
    }

    private ProvocationKinds() {}

    /**
     * Sentences already read (a pure function of the sentence, so the cache changes no result). Every
     * report of an episode is read again on each recomputation; this keeps that to a hash lookup.
     * Cleared when full rather than evicting: the bound is all it needs.
     */
    private static final Map<String, Set<ActionType>> READ = new ConcurrentHashMap<>();
    static final int READ_LIMIT = 16_384;

    /** The kinds of act that a response cue of this sentence names (empty when it names none; unmodifiable). */
    static Set<ActionType> named(String sentence) {
        if (sentence == null) {
            return Set.of();
        }
        Set<ActionType> known = READ.get(sentence);
        if (known == null) {
            known = Collections.unmodifiableSet(read(sentence));
            if (READ.size() >= READ_LIMIT) {
                READ.clear();
            }
            READ.put(sentence, known);
        }
        return known;
    }

    private static Set<ActionType> read(String sentence) {
        Set<ActionType> out = EnumSet.noneOf(ActionType.class);
        String[] w = words(sentence);
        for (int i = 0; i < w.length; i++) {
            for (String[] marker : MARKERS.getOrDefault(w[i], List.of())) {
                if (startsWith(w, i, marker)) {
                    for (int j = i + marker.length; j < Math.min(w.length, i + marker.length + REACH) && !w[j].equals(","); j++) {
                        ActionType t = kindOf(w[j]);
                        if (t != null) {
                            out.add(t);
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static ActionType kindOf(String word) {
        for (Map.Entry<String, ActionType> k : KINDS.entrySet()) {
            if (word.startsWith(k.getKey())) {
                return k.getValue();
            }
        }
        return null;
    }

    private static boolean startsWith(String[] w, int i, String[] phrase) {
        if (i + phrase.length > w.length) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            if (!w[i + k].equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lower-case words (letters, digits, hyphens; a possessive "'s" dropped); a comma, a full stop, a
     * colon or a semicolon is a word "," of its own (it ends the reach of a marker). One pass, no
     * regular expressions: every report of an episode is read on each recomputation.
     */
    private static String[] words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-') {
                w.append(Character.toLowerCase(c));
                continue;
            }
            if ((c == '\'' || c == '\u2019') && i + 1 < n && (s.charAt(i + 1) == 's' || s.charAt(i + 1) == 'S')
                    && (i + 2 == n || !Character.isLetterOrDigit(s.charAt(i + 2)))) {
                i++; // possessive: "Chile's sanctions" reads "chile sanctions"
            }
            flush(w, out);
            if (c == ',' || c == '.' || c == ';' || c == ':') {
                out.add(",");
            }
        }
        flush(w, out);
        return out.toArray(new String[0]);
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (w.length() > 0) {
            out.add(w.toString());
            w.setLength(0);
        }
    }
}
