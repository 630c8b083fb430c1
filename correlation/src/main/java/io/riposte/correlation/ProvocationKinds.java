package io.riposte.correlation;

import io.riposte.domain.ActionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The kind of act a response cue names when extraction found no report of it: "expelled the envoy in
 * response to new sanctions", "summoned the charge d'affaires over the other side's strikes". The
 * provocation is then the other side's act of that kind, which another article may report. Words in
 * {@code provocation-kinds.tsv}.
 */
final class ProvocationKinds {

    /** How many words after a marker may name the provocation ("in response to the EU's new sanctions"). */
    static final int REACH = 5;

    private static final List<String[]> MARKERS = new ArrayList<>();
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
                MARKERS.add(words(c[1]));
            } else if (c[0].equals("KIND") && c.length == 3) {
                KINDS.put(c[1].toLowerCase(Locale.ROOT), ActionType.valueOf(c[2]));
            } else {
                throw new IllegalStateException("provocation-kinds.tsv:" + n + ": expected MARKER<TAB>phrase or KIND<TAB>stem<TAB>TYPE: " + line);
            }
        }
    }

    private ProvocationKinds() {}

    /** The kinds of act that a response cue of this sentence names (empty when it names none). */
    static Set<ActionType> named(String sentence) {
        Set<ActionType> out = EnumSet.noneOf(ActionType.class);
        if (sentence == null) {
            return out;
        }
        String[] w = words(sentence);
        for (int i = 0; i < w.length; i++) {
            for (String[] marker : MARKERS) {
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

    /** Lower-case words; a comma or a full stop is a word of its own (it ends the reach of a marker). */
    private static String[] words(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[,.;:]", " , ").replaceAll("['’]s\\b", "").split("[^\\p{L}\\p{N},-]+");
    }
}
