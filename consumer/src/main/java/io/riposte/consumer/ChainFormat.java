package io.riposte.consumer;

import io.riposte.avro.Chain;
import io.riposte.avro.ChainStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Renders a chain for people: one header line, then one line per step with what it answers. */
public final class ChainFormat {
    private ChainFormat() {}

    public static String render(Chain c) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Chain %s  %s  %s  escalation %.1f  %s .. %s  (%d step%s)%n",
                c.getId(), c.getDyad(), c.getStatus(), c.getEscalation(), FuzzyDateText.column(c.getFirstDate()),
                FuzzyDateText.column(c.getLastDate()), c.getSteps().size(), c.getSteps().size() == 1 ? "" : "s"));
        Map<String, Integer> number = new HashMap<>();
        int i = 1;
        for (ChainStep s : c.getSteps()) {
            number.put(s.getActionId(), i++);
        }
        i = 1;
        for (ChainStep s : c.getSteps()) {
            List<String> answers = new ArrayList<>();
            for (String r : s.getRespondsTo()) {
                Integer n = number.get(r);
                answers.add(n == null ? r : "#" + n);
            }
            String line = String.format("  #%-2d %-10s  %s -> %s  %-20s %-5s %s", i++, FuzzyDateText.column(s.getDate()),
                    s.getSource(), s.getTarget(), s.getType(), s.getCount() == null ? "" : "x" + s.getCount(),
                    answers.isEmpty() ? "" : "answers " + String.join(", ", answers));
            sb.append(line.stripTrailing()).append('\n');
        }
        return sb.toString().replaceAll("[\\p{Cntrl}&&[^\\n]]", " ");
    }
}
