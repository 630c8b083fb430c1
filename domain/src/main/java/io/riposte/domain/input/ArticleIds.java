package io.riposte.domain.input;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable article ids: the same article read twice, from any source, gets the same id, so a replay
 * merges instead of duplicating.
 */
public final class ArticleIds {
    private ArticleIds() {}

    /** From the URL when there is one (scheme, case of host and trailing slash ignored), else from the text. */
    public static String of(String url, String title, String body) {
        if (url != null && !url.isBlank()) {
            return "u" + hash(normaliseUrl(url));
        }
        return "t" + hash(normaliseText(title) + "\n" + normaliseText(body));
    }

    static String normaliseUrl(String url) {
        String u = url.trim().replaceFirst("^(?i)https?://", "");
        int slash = u.indexOf('/');
        String host = slash < 0 ? u : u.substring(0, slash);
        String path = slash < 0 ? "" : u.substring(slash);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return host.toLowerCase(java.util.Locale.ROOT) + path;
    }

    static String normaliseText(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    public static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
