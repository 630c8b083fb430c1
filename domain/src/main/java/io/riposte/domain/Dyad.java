package io.riposte.domain;

/** The unordered pair of states an action concerns, written {@code A-B} in code order. */
public final class Dyad {
    private Dyad() {}

    public static String of(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
    }

    /** The two codes of a dyad key; rejects anything that is not {@code AAA-BBB}. */
    public static String[] parts(String dyad) {
        String[] p = dyad.split("-");
        if (p.length != 2 || p[0].length() != 3 || p[1].length() != 3) {
            throw new IllegalArgumentException("not a dyad key: '" + dyad + "'");
        }
        return p;
    }
}
