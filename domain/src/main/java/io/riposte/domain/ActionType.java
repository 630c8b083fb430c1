package io.riposte.domain;

/**
 * The action ontology of ../shared/EVALUATION.md with its event-data codes.
 *
 * <p>This enum is the one table of codes and severities. {@code severity} is Goldstein-style
 * (-10 most hostile, +10 most cooperative). Where CAMEO has a code its Goldstein weight is used;
 * CAMEO has no code for summoning envoys, visa or staff restrictions, so those carry the weight of
 * the nearest CAMEO class (disapprove, administrative sanctions) and say so in {@code cameoNote}.
 * Goldstein ignores magnitude; correlation adds the count on top of it when it scores escalation.
 */
public enum ActionType {
    //              CAMEO   PLOVER type   PLOVER mode   severity  note
    EXPEL_DIPLOMATS("174", "SANCTION", "expel", -5.0, "expel or deport individuals"),
    CLOSE_MISSION("161", "SANCTION", "withdraw", -6.0, "reduce or break relations; PLOVER withdraw weight"),
    SANCTION("163", "SANCTION", "discontinue", -8.0, "impose embargo, boycott or sanctions"),
    TRADE_MEASURE("163", "SANCTION", "ban", -7.0, "trade part of 163"),
    RESTRICT_VISAS("172", "SANCTION", "ban", -5.0, "no CAMEO code: administrative sanctions weight"),
    RESTRICT_STAFF("172", "SANCTION", "ban", -4.5, "no CAMEO code: administrative sanctions, below visas"),
    SUMMON_ENVOY("111", "ACCUSE", null, -2.0, "no CAMEO code: criticize or denounce weight"),
    RECALL_ENVOY("161", "SANCTION", "withdraw", -4.0, "reduce or break diplomatic relations"),
    DETAIN("173", "COERCE", "arrest", -5.0, "arrest, detain"),
    THREATEN_RETALIATION("130", "THREATEN", null, -4.4, "threaten"),
    NEGOTIATE("040", "CONSULT", null, 1.0, "consult"),
    AGREE("057", "AGREE", null, 8.0, "sign formal agreement; returning envoys and lifting restrictions"),
    OTHER(null, null, null, -1.0, "any other action between the two states");

    private final String cameo;
    private final String ploverType;
    private final String ploverMode;
    private final double severity;
    private final String cameoNote;

    ActionType(String cameo, String ploverType, String ploverMode, double severity, String cameoNote) {
        this.cameo = cameo;
        this.ploverType = ploverType;
        this.ploverMode = ploverMode;
        this.severity = severity;
        this.cameoNote = cameoNote;
    }

    public String cameo() {
        return cameo;
    }

    public String ploverType() {
        return ploverType;
    }

    public String ploverMode() {
        return ploverMode;
    }

    /** Goldstein-style score: negative is hostile. */
    public double severity() {
        return severity;
    }

    public String cameoNote() {
        return cameoNote;
    }

    /** Hostile measures that can start or continue a retaliation chain. */
    public boolean isHostileMeasure() {
        return severity < 0 && this != THREATEN_RETALIATION && this != OTHER;
    }

    /** Talks, agreements and returned envoys. */
    public boolean isDeEscalation() {
        return severity > 0;
    }
}
