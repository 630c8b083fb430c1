package io.riposte.consumer.web;

import java.net.URI;
import java.util.Locale;
import org.owasp.encoder.Encode;

/**
 * Escaping for text that comes from articles (hostile input): the same escape is safe in HTML and SVG
 * text and in quoted attribute values, and only http(s) URLs ever become links.
 */
public final class Html {
    private Html() {}

    /**
     * Escapes {@code & < > " '} (as {@code &amp; &lt; &gt; &#34; &#39;}) and turns control characters other
     * than tab, CR and LF, and unpaired surrogates, into spaces: OWASP's encoder for HTML text and attributes.
     */
    public static String esc(String s) {
        // Encode.forHtml writes "null" for null; an absent value is shown as nothing.
        return s == null ? "" : Encode.forHtml(s);
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
