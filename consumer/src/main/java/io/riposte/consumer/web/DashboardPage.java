package io.riposte.consumer.web;

import static io.riposte.consumer.web.Html.esc;

import io.riposte.avro.Action;
import io.riposte.avro.Alert;
import io.riposte.avro.Chain;
import io.riposte.avro.ChainStep;
import io.riposte.avro.Evidence;
import io.riposte.consumer.AlertFilter;
import io.riposte.consumer.DyadView;
import io.riposte.consumer.FuzzyDateText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders the dashboard as one server-side HTML page: dyads ranked by escalation, each chain as an SVG
 * timeline with the two sides facing each other across the axis, each step's evidence with a link to
 * its article, and the latest alerts. Every string from the data goes through {@link Html#esc}; the
 * page carries no inline script or style (the CSP forbids both).
 */
public final class DashboardPage {
    static final int WIDTH = 1100;
    static final int MARGIN = 120;
    static final int CARD_W = 228;
    static final int CARD_H = 74;

    private DashboardPage() {}

    public static String render(DyadView view, List<Alert> recentAlerts, String generatedAt) {
        List<String> dyads = new ArrayList<>(view.dyads());
        dyads.sort(Comparator.comparingDouble((String d) -> -view.escalationLevel(d)).thenComparing(d -> d));
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Riposte — retaliation chains</title>")
                .append("<link rel=\"stylesheet\" href=\"/dashboard.css\">")
                .append("<script src=\"/dashboard.js\" defer></script></head><body>\n");
        b.append("<header><div class=\"brand\"><span class=\"logo\">⇄</span> Riposte</div>")
                .append("<div class=\"tagline\">diplomatic retaliation chains, live from the news</div>")
                .append("<div class=\"stamp\">").append(dyads.size()).append(dyads.size() == 1 ? " dyad" : " dyads")
                .append(" · rendered ").append(esc(generatedAt)).append(" · <a href=\"/\">refresh</a></div></header>\n");
        b.append("<div class=\"layout\"><main>\n");
        ranking(b, view, dyads);
        if (dyads.isEmpty()) {
            b.append("<p class=\"empty\">No chains yet. Publish articles and run the Streams app; this page fills as they are processed.</p>");
        }
        for (String d : dyads) {
            dyad(b, view, d);
        }
        b.append("</main>\n<aside><h2>Live alerts <span id=\"live\" class=\"live off\">offline</span></h2><ul id=\"alerts\" class=\"alerts\">");
        List<Alert> latestFirst = new ArrayList<>(recentAlerts);
        java.util.Collections.reverse(latestFirst);
        for (Alert a : latestFirst) {
            alert(b, a);
        }
        b.append("</ul></aside></div>\n<footer>Riposte · data from the <code>chains</code>, <code>actions</code> and <code>alerts</code> topics (read_committed)")
                .append(" · <a href=\"/metrics\">metrics</a> · <a href=\"/health\">health</a></footer>\n</body></html>\n");
        return b.toString();
    }

    private static void ranking(StringBuilder b, DyadView view, List<String> dyads) {
        if (dyads.isEmpty()) {
            return;
        }
        double max = dyads.stream().mapToDouble(view::escalationLevel).max().orElse(1);
        b.append("<section class=\"ranking\"><h2>Dyads by escalation</h2><table><thead><tr><th>#</th><th>Dyad</th>")
                .append("<th>Escalation</th><th>Chains</th><th>Steps</th><th>Pending threats</th><th>Last step</th></tr></thead><tbody>");
        int rank = 1;
        for (String d : dyads) {
            List<Chain> cs = view.chainsOf(d);
            int steps = cs.stream().mapToInt(c -> c.getSteps().size()).sum();
            // Unknown and year-less dates ("?", "--09") cannot say which step is last; they do not compete.
            String last = cs.stream().map(c -> FuzzyDateText.column(c.getLastDate())).filter(day -> !day.startsWith("?") && !day.startsWith("-"))
                    .max(Comparator.naturalOrder()).orElse("—");
            double level = view.escalationLevel(d);
            int pct = max <= 0 ? 0 : (int) Math.round(100 * level / max);
            b.append("<tr><td class=\"rank\">").append(rank++).append("</td><td><a href=\"#dyad-").append(esc(d)).append("\">")
                    .append(esc(d.replace("-", " – "))).append("</a></td><td><span class=\"bar\"><span class=\"fill w")
                    .append(Math.max(0, Math.min(100, pct / 5 * 5))).append("\"></span></span> ")
                    .append(String.format(Locale.ROOT, "%.1f", level)).append("</td><td>").append(cs.size()).append("</td><td>")
                    .append(steps).append("</td><td>").append(view.pendingThreatsOf(d).size()).append("</td><td>")
                    .append(esc(last)).append("</td></tr>");
        }
        b.append("</tbody></table></section>\n");
    }

    private static void dyad(StringBuilder b, DyadView view, String dyad) {
        String[] sides = dyad.split("-", 2);
        String top = sides[0];
        String bottom = sides.length > 1 ? sides[1] : "?";
        b.append("<section class=\"dyad\" id=\"dyad-").append(esc(dyad)).append("\"><h2>").append(esc(top))
                .append(" <span class=\"vs\">vs</span> ").append(esc(bottom)).append(" <span class=\"level\">escalation ")
                .append(String.format(Locale.ROOT, "%.1f", view.escalationLevel(dyad))).append("</span></h2>");
        int n = 0;
        for (Chain c : view.chainsOf(dyad)) {
            chain(b, view, c, top, bottom, n++);
        }
        List<Action> threats = view.pendingThreatsOf(dyad);
        if (!threats.isEmpty()) {
            b.append("<div class=\"threats\"><h3>Pending threats</h3><ul>");
            for (Action a : threats) {
                b.append("<li><b>").append(esc(a.getSource())).append("</b> → ").append(esc(a.getTarget())).append(" · ")
                        .append(esc(FuzzyDateText.show(a.getDate()))).append(" · ").append(esc(label(a.getType().name())));
                evidence(b, a);
                b.append("</li>");
            }
            b.append("</ul></div>");
        }
        b.append("</section>\n");
    }

    private static void chain(StringBuilder b, DyadView view, Chain c, String top, String bottom, int index) {
        List<ChainStep> steps = c.getSteps();
        b.append("<article class=\"chain\"><h3>Chain <code>").append(esc(shortId(c.getId()))).append("</code> <span class=\"status ")
                .append(esc(c.getStatus().name().toLowerCase(Locale.ROOT))).append("\">").append(esc(c.getStatus().name()))
                .append("</span> <span class=\"dates\">").append(esc(FuzzyDateText.column(c.getFirstDate()))).append(" → ")
                .append(esc(FuzzyDateText.column(c.getLastDate()))).append("</span> <span class=\"steps-n\">").append(steps.size())
                .append(steps.size() == 1 ? " step" : " steps").append(" · escalation ")
                .append(String.format(Locale.ROOT, "%.1f", c.getEscalation())).append("</span></h3>");
        svg(b, view, c, top, bottom, index);
        b.append("<ol class=\"steps\">");
        int i = 1;
        for (ChainStep s : steps) {
            Action a = view.action(s.getActionId());
            b.append("<li class=\"step ").append(sevClass(s, a)).append("\" id=\"step-").append(esc(s.getActionId())).append("\">")
                    .append("<span class=\"num\">").append(i++).append("</span><div class=\"body\"><div class=\"what\"><time>")
                    .append(esc(FuzzyDateText.show(s.getDate()))).append("</time> <b>").append(esc(s.getSource())).append("</b> → <b>")
                    .append(esc(s.getTarget())).append("</b> <span class=\"type\">").append(esc(label(s.getType().name())))
                    .append("</span>");
            if (s.getCount() != null) {
                b.append(" <span class=\"count\">×").append(s.getCount()).append("</span>");
            }
            if (!s.getRespondsTo().isEmpty()) {
                b.append(" <span class=\"answers\">answers step ");
                List<String> nums = new ArrayList<>();
                for (String r : s.getRespondsTo()) {
                    int k = indexOf(steps, r);
                    nums.add(k < 0 ? esc(shortId(r)) : String.valueOf(k + 1));
                }
                b.append(String.join(", ", nums)).append("</span>");
            }
            b.append("</div>");
            if (a != null) {
                evidence(b, a);
            } else {
                b.append("<p class=\"missing\">evidence not read yet (action ").append(esc(shortId(s.getActionId()))).append(")</p>");
            }
            b.append("</div></li>");
        }
        b.append("</ol></article>\n");
    }

    private static void evidence(StringBuilder b, Action a) {
        List<Evidence> ev = a.getEvidence();
        if (ev.isEmpty()) {
            return;
        }
        b.append("<blockquote class=\"evidence\">").append(esc(ev.get(0).getSentence())).append("</blockquote><div class=\"sources\">");
        Set<String> origins = new LinkedHashSet<>();
        ev.forEach(e -> origins.add(e.getOrigin()));
        int shown = 0;
        for (String o : origins) {
            if (shown++ == 6) {
                b.append(" <span class=\"more\">+").append(origins.size() - 6).append(" more</span>");
                break;
            }
            b.append(Html.linkOrText(o, "source")).append(' ');
        }
        if (ev.size() > 1) {
            b.append("<span class=\"more\">").append(ev.size()).append(" mentions</span>");
        }
        b.append("</div>");
        reportDates(b, ev);
    }

    /**
     * The date each report gave, as the action's date is the finest of them: a reader sees which
     * articles said the day and which only the month ("2021-04-17 (2 reports) · 2021-04 (1 report)").
     */
    private static void reportDates(StringBuilder b, List<Evidence> ev) {
        Map<String, Integer> reports = new java.util.TreeMap<>(
                Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.reverseOrder())); // finest first, "?" last
        for (Evidence e : ev) {
            if (e.getDate() != null) {
                reports.merge(FuzzyDateText.column(e.getDate()), 1, Integer::sum);
            }
        }
        if (reports.isEmpty()) {
            return;
        }
        b.append("<div class=\"report-dates\">reported: ");
        String sep = "";
        for (Map.Entry<String, Integer> r : reports.entrySet()) {
            b.append(sep).append(esc(r.getKey())).append(" (").append(r.getValue()).append(r.getValue() == 1 ? " report)" : " reports)");
            sep = " · ";
        }
        b.append("</div>");
    }

    /**
     * The timeline: one side above the axis, the other below, each step a card facing the other side.
     * Cards that would overlap a neighbour on the same side move one row further out, and the picture
     * grows to fit, because SVG text does not wrap.
     */
    static void svg(StringBuilder b, DyadView view, Chain c, String top, String bottom, int index) {
        List<ChainStep> steps = c.getSteps();
        int n = steps.size();
        double span = WIDTH - 2 * MARGIN;
        double spacing = n <= 1 ? span : span / (n - 1);
        int cardW = CARD_W;
        int rowH = CARD_H + 10;
        double[] xs = new double[n];
        double[] lefts = new double[n];
        int[] rows = new int[n];
        boolean[] ups = new boolean[n];
        List<Double> topRows = new ArrayList<>();
        List<Double> bottomRows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ChainStep s = steps.get(i);
            xs[i] = n == 1 ? WIDTH / 2.0 : MARGIN + i * spacing;
            lefts[i] = Math.max(4, Math.min(WIDTH - cardW - 4, xs[i] - cardW / 2.0));
            ups[i] = !s.getSource().equals(bottom) || s.getSource().equals(top);
            List<Double> rowEnds = ups[i] ? topRows : bottomRows;
            int row = 0;
            while (row < rowEnds.size() && rowEnds.get(row) + 8 > lefts[i]) {
                row++;
            }
            if (row == rowEnds.size()) {
                rowEnds.add(0.0);
            }
            rowEnds.set(row, lefts[i] + cardW);
            rows[i] = row;
        }
        int axis = 40 + Math.max(1, topRows.size()) * rowH + 10;
        int height = axis + 40 + Math.max(1, bottomRows.size()) * rowH + 10;
        String marker = "arrow" + index + "-" + esc(shortId(c.getId()));
        b.append("<svg class=\"timeline\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"timeline of chain ").append(esc(shortId(c.getId()))).append("\">")
                .append("<defs><marker id=\"").append(marker)
                .append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>");
        b.append("<rect class=\"band top\" x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(axis).append("\"/>")
                .append("<rect class=\"band bottom\" x=\"0\" y=\"").append(axis).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height - axis).append("\"/>");
        b.append("<text class=\"side\" x=\"14\" y=\"").append(axis - 12).append("\">").append(esc(top)).append(" ▲</text>")
                .append("<text class=\"side\" x=\"14\" y=\"").append(axis + 26).append("\">").append(esc(bottom)).append(" ▼</text>");
        b.append("<line class=\"axis\" x1=\"").append(MARGIN / 2).append("\" y1=\"").append(axis).append("\" x2=\"")
                .append(WIDTH - MARGIN / 2).append("\" y2=\"").append(axis).append("\"/>");
        Map<String, Double> xById = new HashMap<>();
        for (int i = 0; i < n; i++) {
            xById.put(steps.get(i).getActionId(), xs[i]);
        }
        // Response arcs first, so cards and dots are drawn over them.
        for (ChainStep s : steps) {
            for (String r : s.getRespondsTo()) {
                Double from = xById.get(r);
                Double to = xById.get(s.getActionId());
                if (from == null || to == null) {
                    continue;
                }
                double bend = s.getSource().equals(top) ? axis - 30 : axis + 30;
                b.append("<path class=\"respond\" d=\"M").append(fmt(from)).append(',').append(axis).append(" Q")
                        .append(fmt((from + to) / 2)).append(',').append(fmt(bend)).append(' ').append(fmt(to)).append(',')
                        .append(axis).append("\" marker-end=\"url(#").append(marker).append(")\"/>");
            }
        }
        for (int i = 0; i < n; i++) {
            ChainStep s = steps.get(i);
            Action a = view.action(s.getActionId());
            double x = xs[i];
            double cardY = ups[i] ? axis - 40 - CARD_H - rows[i] * rowH : axis + 40 + rows[i] * rowH;
            double lineEnd = ups[i] ? cardY + CARD_H : cardY;
            b.append("<g class=\"step ").append(sevClass(s, a)).append("\">");
            b.append("<title>").append(esc(s.getSource() + " → " + s.getTarget() + ": " + label(s.getType().name())));
            if (a != null && !a.getEvidence().isEmpty()) {
                b.append(" — ").append(esc(a.getEvidence().get(0).getSentence()));
            }
            b.append("</title>");
            b.append("<line class=\"stem\" x1=\"").append(fmt(x)).append("\" y1=\"").append(axis).append("\" x2=\"").append(fmt(x))
                    .append("\" y2=\"").append(fmt(lineEnd)).append("\"/>");
            b.append("<circle class=\"dot\" cx=\"").append(fmt(x)).append("\" cy=\"").append(axis).append("\" r=\"10\"/>");
            b.append("<text class=\"dotnum\" x=\"").append(fmt(x)).append("\" y=\"").append(axis + 4).append("\">").append(i + 1).append("</text>");
            double left = lefts[i];
            b.append("<rect class=\"card\" x=\"").append(fmt(left)).append("\" y=\"").append(fmt(cardY)).append("\" width=\"").append(cardW)
                    .append("\" height=\"").append(CARD_H).append("\" rx=\"8\"/>");
            b.append("<rect class=\"card-edge\" x=\"").append(fmt(left)).append("\" y=\"").append(fmt(cardY)).append("\" width=\"5\" height=\"")
                    .append(CARD_H).append("\" rx=\"2\"/>");
            double tx = left + 14;
            b.append("<text class=\"date\" x=\"").append(fmt(tx)).append("\" y=\"").append(fmt(cardY + 21)).append("\">")
                    .append(i + 1).append(" · ").append(esc(FuzzyDateText.column(s.getDate()))).append("  ").append(esc(s.getSource())).append(" → ")
                    .append(esc(s.getTarget())).append("</text>");
            b.append("<text class=\"type\" x=\"").append(fmt(tx)).append("\" y=\"").append(fmt(cardY + 44)).append("\">")
                    .append(esc(clip(label(s.getType().name()), 22))).append("</text>");
            b.append("<text class=\"count\" x=\"").append(fmt(tx)).append("\" y=\"").append(fmt(cardY + 65)).append("\">")
                    .append(s.getCount() == null ? "count —" : "count " + s.getCount()).append("</text>");
            b.append("</g>");
        }
        b.append("</svg>");
    }

    private static void alert(StringBuilder b, Alert a) {
        b.append("<li class=\"alert ").append(alertClass(a.getSeverity())).append("\"><div class=\"meta\"><span class=\"atype\">")
                .append(esc(a.getType().name())).append("</span> <span class=\"adyad\">").append(esc(a.getDyad()))
                .append("</span> <time>").append(esc(FuzzyDateText.column(a.getActionDate()))).append("</time></div><p>")
                .append(esc(a.getSummary())).append("</p></li>");
    }

    /** CSS class for a severity, shared with the live feed's script. */
    static String alertClass(double severity) {
        if (-severity >= AlertFilter.HIGH) {
            return "sev-high";
        }
        if (-severity >= AlertFilter.MEDIUM) {
            return "sev-medium";
        }
        return severity > 0 ? "sev-coop" : "sev-low";
    }

    private static String sevClass(ChainStep s, Action a) {
        double sev = a != null ? a.getSeverity() : io.riposte.domain.ActionType.valueOf(s.getType().name()).severity();
        return alertClass(sev);
    }

    private static int indexOf(List<ChainStep> steps, String id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).getActionId().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    static String label(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }

    private static String shortId(String id) {
        return id.length() <= 12 ? id : id.substring(0, 12);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
