package io.riposte.domain.scoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scores of one evaluation, with what went wrong, as text for people and JSON for tools.
 * Undefined ratios (nothing to divide by) are NaN and written as JSON null / "n/a".
 */
public record Report(
        int predictions, int matched, int matchedCore, int matchedMinor, int duplicates, int falsePredictions,
        int ignored, int coreGold, int minorGold,
        double precision, double recallCore, double recallCoreMinor, double duplicateRate,
        int linkEdges, int linkRightEdges, double linkPrecision, double linkRecall, int coreWithProvocation,
        Double chainPairF1, int chainTp, int chainFp, int chainFn,
        List<Pair> matches, List<Pair> duplicateList, List<PredictedAction> falseList, List<GoldAction> missed,
        List<String> wrongLinks, Map<String, Scorer.Outcome> outcomes) {

    /** A prediction and the gold id(s) it matched or duplicates. */
    public record Pair(PredictedAction predicted, String gold) {}

    /** F1 of action precision and core recall. */
    public double f1() {
        return f1(precision, recallCore);
    }

    /** F1 of action precision and core+minor recall. */
    public double f1CoreMinor() {
        return f1(precision, recallCoreMinor);
    }

    public double linkF1() {
        return f1(linkPrecision, linkRecall);
    }

    static double f1(double p, double r) {
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "predictions %d: matched %d (core %d, minor %d), false %d, duplicates %d, ignored %d%n",
                predictions, matched, matchedCore, matchedMinor, falsePredictions, duplicates, ignored));
        b.append(String.format(Locale.ROOT, "action precision  %s%n", fmt(precision)));
        b.append(String.format(Locale.ROOT, "recall core       %s  (%d/%d)%n", fmt(recallCore), matchedCore, coreGold));
        b.append(String.format(Locale.ROOT, "recall core+minor %s  (%d/%d)%n", fmt(recallCoreMinor), matched, coreGold + minorGold));
        b.append(String.format(Locale.ROOT, "F1 (core)         %s%n", fmt(f1())));
        b.append(String.format(Locale.ROOT, "F1 (core+minor)   %s%n", fmt(f1CoreMinor())));
        b.append(String.format(Locale.ROOT, "duplicate rate    %s%n", fmt(duplicateRate)));
        b.append(String.format(Locale.ROOT, "links: %d predicted, %d right; precision %s, recall %s (%d core with provocation), F1 %s%n",
                linkEdges, linkRightEdges, fmt(linkPrecision), fmt(linkRecall), coreWithProvocation, fmt(linkF1())));
        if (chainPairF1 != null) {
            b.append(String.format(Locale.ROOT, "chain pair F1     %s  (tp %d, fp %d, fn %d)%n", fmt(chainPairF1), chainTp, chainFp, chainFn));
        }
        if (!missed.isEmpty()) {
            b.append("\nmissed gold actions:\n");
            for (GoldAction g : missed) {
                b.append(String.format(Locale.ROOT, "  %-4s %-5s %s %s->%s %s count=%s  %s%n", g.id(), g.tier().name().toLowerCase(Locale.ROOT),
                        g.date(), g.source(), g.target(), g.type(), g.count(), g.evidence() == null ? "" : g.evidence()));
            }
        }
        if (!falseList.isEmpty()) {
            b.append("\nfalse predictions:\n");
            falseList.forEach(p -> b.append("  ").append(line(p)).append('\n'));
        }
        if (!duplicateList.isEmpty()) {
            b.append("\nduplicates:\n");
            duplicateList.forEach(d -> b.append("  ").append(line(d.predicted())).append("  = ").append(d.gold()).append('\n'));
        }
        if (!wrongLinks.isEmpty()) {
            b.append("\nwrong links:\n");
            wrongLinks.forEach(w -> b.append("  ").append(w).append('\n'));
        }
        return b.toString();
    }

    public ObjectNode toJson() {
        ObjectNode o = ScoringFiles.JSON.createObjectNode();
        o.put("predictions", predictions);
        o.put("matched", matched);
        o.put("matched_core", matchedCore);
        o.put("matched_minor", matchedMinor);
        o.put("false", falsePredictions);
        o.put("duplicates", duplicates);
        o.put("ignored", ignored);
        o.put("core_gold", coreGold);
        o.put("minor_gold", minorGold);
        num(o, "precision", precision);
        num(o, "recall_core", recallCore);
        num(o, "recall_core_minor", recallCoreMinor);
        num(o, "f1", f1());
        num(o, "f1_core_minor", f1CoreMinor());
        num(o, "duplicate_rate", duplicateRate);
        o.put("link_edges", linkEdges);
        o.put("link_right_edges", linkRightEdges);
        num(o, "link_precision", linkPrecision);
        num(o, "link_recall", linkRecall);
        num(o, "link_f1", linkF1());
        if (chainPairF1 != null) {
            num(o, "chain_pair_f1", chainPairF1);
        }
        ArrayNode m = o.putArray("missed");
        missed.forEach(g -> m.addObject().put("id", g.id()).put("tier", g.tier().name().toLowerCase(Locale.ROOT))
                .put("source", g.source()).put("target", g.target()).put("type", g.type()).put("date", g.date().iso()));
        ArrayNode f = o.putArray("false_predictions");
        falseList.forEach(p -> f.add(ScoringFiles.toJson(p)));
        ArrayNode d = o.putArray("duplicate_predictions");
        duplicateList.forEach(x -> d.addObject().put("id", x.predicted().id()).put("duplicate_of", x.gold()));
        ArrayNode ma = o.putArray("matches");
        matches.forEach(x -> ma.addObject().put("id", x.predicted().id()).put("gold", x.gold()));
        ArrayNode w = o.putArray("wrong_links");
        wrongLinks.forEach(w::add);
        return o;
    }

    private static void num(ObjectNode o, String k, double v) {
        if (Double.isNaN(v)) {
            o.putNull(k);
        } else {
            o.put(k, Math.round(v * 10000) / 10000.0);
        }
    }

    private static String fmt(Double v) {
        return v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String line(PredictedAction p) {
        return String.format(Locale.ROOT, "%s %s %s->%s %s count=%s %s", p.id(), p.date(), p.source(), p.target(), p.type(),
                p.count(), p.articles());
    }
}
