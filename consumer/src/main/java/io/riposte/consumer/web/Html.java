package io.riposte.consumer.web;

import java.net.URI;
import java.util.Locale;

/**
 * Escaping for text that comes from articles (hostile input): the same escape is safe in HTML and SVG
 * text and in quoted attribute values, and only http(s) URLs ever become links.
 */
public final class Html {
    private Html() {}

    /** Escapes {@code & < > " '}, and drops control characters other than tab and newline. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t' || c == '\n') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The URL when it is an absolute http or https URL with a host, else null (never a javascript: or data: link). */
    public static String safeHttpUrl(String s) {
        if (s == null) {
            return null;
        }
        try {
            URI u = new URI(s.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return u.toASCIIString();
            }
        } catch (Exception e) {
            // not a URL: shown as text
        }
        return null;
    }

    /** A link to {@code origin} when it is a safe http(s) URL, else the origin as escaped text. */
    public static String linkOrText(String origin, String cssClass) {
        String url = safeHttpUrl(origin);
        if (url == null) {
            return "<span class=\"" + cssClass + "\">" + esc(origin) + "</span>";
        }
        return "<a class=\"" + cssClass + "\" href=\"" + esc(url) + "\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">"
                + esc(origin) + "</a>";
    }
}
