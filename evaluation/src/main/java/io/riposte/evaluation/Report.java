package io.riposte.evaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one evaluation, as the reference scorer gives them (rounded to 3 decimals), with
 * what went wrong: as text for people and as the reference scorer's JSON for tools.
 *
 * @param matches gold id to the prediction id matched to it, in the order the matching took them
 * @param chainPairs null when scored without chains
 */
public record Report(
        int predictions, int goldCore, int goldCoreMinor,
        double actionPrecision, int duplicates, double duplicateRate,
        double actionRecallCore, double actionRecallCoreMinor, double actionF1Core, double dateExactCore,
        double linkPrecision, double linkRecall, double linkF1,
        List<String> missedCore, List<PredictedAction> falsePositives, Map<String, String> matches,
        ChainPairs chainPairs, Details details) {

    public record ChainPairs(double precision, double recall, double f1, int tp, int fp, int fn) {}

    /** An unmatched prediction that is a candidate for gold actions other predictions took. */
    public record Duplicate(PredictedAction predicted, List<String> candidateOf) {}

    /** A matched core action whose predicted date is coarser than the gold's, or off. */
    public record Inexact(GoldAction gold, PredictedAction predicted) {}

    /** The counts behind the figures, for the text report. */
    public record Details(int matched, int matchedCore, int matchedMinor, int ignored, int datedCore, int exactDates,
                          int linkEdges, int rightEdges, int coreNeedingLink, int coreWithRightLink, int danglingLinks,
                          List<GoldAction> missedCore, List<Duplicate> duplicates, List<Inexact> inexactDates,
                          List<String> wrongLinks) {}

    public String toText() {
        Details d = details;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "predictions %d: matched %d (core %d, minor %d), false %d, duplicates %d, "
                + "matched to ignore-tier gold %d%n", predictions, d.matched(), d.matchedCore(), d.matchedMinor(),
                falsePositives.size(), duplicates, d.ignored()));
        b.append(String.format(Locale.ROOT, "action precision  %.3f%n", actionPrecision));
        b.append(String.format(Locale.ROOT, "recall core       %.3f  (%d/%d)%n", actionRecallCore, d.matchedCore(), goldCore));
        b.append(String.format(Locale.ROOT, "recall core+minor %.3f  (%d/%d)%n", actionRecallCoreMinor, d.matched(), goldCoreMinor));
        b.append(String.format(Locale.ROOT, "F1 (core)         %.3f%n", actionF1Core));
        b.append(String.format(Locale.ROOT, "duplicate rate    %.3f%n", duplicateRate));
        b.append(String.format(Locale.ROOT, "date exactness    %.3f  (%d/%d dated core matches as precise as gold)%n",
                dateExactCore, d.exactDates(), d.datedCore()));
        b.append(String.format(Locale.ROOT, "links             precision %.3f (%d/%d), recall %.3f (%d/%d), F1 %.3f%n",
                linkPrecision, d.rightEdges(), d.linkEdges(), linkRecall, d.coreWithRightLink(), d.coreNeedingLink(), linkF1));
        if (d.danglingLinks() > 0) {
            b.append(String.format(Locale.ROOT, "                  %d responds_to id(s) name no prediction: not counted as edges%n",
                    d.danglingLinks()));
        }
        if (chainPairs != null) {
            b.append(String.format(Locale.ROOT, "chain pair F1     %.3f  (precision %.3f, recall %.3f; tp %d, fp %d, fn %d)%n",
                    chainPairs.f1(), chainPairs.precision(), chainPairs.recall(), chainPairs.tp(), chainPairs.fp(), chainPairs.fn()));
        }
        if (!d.missedCore().isEmpty()) {
            b.append("\nmissed core actions:\n");
            for (GoldAction g : d.missedCore()) {
                b.append(String.format(Locale.ROOT, "  %s %s %s->%s %s count=%s%n", g.id(), g.date(), g.source(), g.target(),
                        g.type(), g.count()));
            }
        }
        if (!falsePositives.isEmpty()) {
            b.append("\nfalse positives:\n");
            falsePositives.forEach(p -> b.append("  ").append(line(p)).append('\n'));
        }
        if (!d.duplicates().isEmpty()) {
            b.append("\nduplicates:\n");
            d.duplicates().forEach(x -> b.append("  ").append(line(x.predicted())).append("  candidate of ")
                    .append(String.join(",", x.candidateOf())).append('\n'));
        }
        if (!d.inexactDates().isEmpty()) {
            b.append("\ndates less precise than gold (or off):\n");
            d.inexactDates().forEach(x -> b.append(String.format(Locale.ROOT, "  %s gold %s, predicted %s (%s)%n",
                    x.gold().id(), x.gold().date().iso(), x.predicted().date().iso(), x.predicted().id())));
        }
        if (!d.wrongLinks().isEmpty()) {
            b.append("\nwrong links:\n");
            d.wrongLinks().forEach(w -> b.append("  ").append(w).append('\n'));
        }
        return b.toString();
    }

    /** The reference scorer's verbose JSON: the same keys in the same order, with the same values. */
    public ObjectNode toJson() {
        ObjectNode o = ScoringFiles.JSON.createObjectNode();
        o.put("pred", predictions);
        o.put("gold_core", goldCore);
        o.put("gold_core_minor", goldCoreMinor);
        o.put("action_precision", actionPrecision);
        o.put("duplicates", duplicates);
        o.put("duplicate_rate", duplicateRate);
        o.put("action_recall_core", actionRecallCore);
        o.put("action_recall_core_minor", actionRecallCoreMinor);
        o.put("action_f1_core", actionF1Core);
        o.put("date_exact_core", dateExactCore);
        o.put("link_precision", linkPrecision);
        o.put("link_recall", linkRecall);
        o.put("link_f1", linkF1);
        ArrayNode missed = o.putArray("missed_core");
        missedCore.forEach(missed::add);
        ArrayNode fps = o.putArray("false_positives");
        for (PredictedAction p : falsePositives) {
            ObjectNode f = fps.addObject();
            f.put("id", p.id());
            f.put("date", p.date().iso());
            f.put("source", p.source());
            f.put("target", p.target());
            f.put("type", p.type());
            f.put("count", p.count());
        }
        ObjectNode m = o.putObject("matches");
        matches.forEach(m::put);
        if (chainPairs != null) {
            o.put("chain_pair_precision", chainPairs.precision());
            o.put("chain_pair_recall", chainPairs.recall());
            o.put("chain_pair_f1", chainPairs.f1());
        }
        return o;
    }

    private static String line(PredictedAction p) {
        return String.format(Locale.ROOT, "%s %s %s->%s %s count=%s %s", p.id(), p.date(), p.source(), p.target(), p.type(),
                p.count(), p.articles());
    }
}
