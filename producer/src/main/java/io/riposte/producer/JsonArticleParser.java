package io.riposte.producer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.domain.Article;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.input.ArticleFormatException;
import io.riposte.domain.input.ArticleIds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads one JSON Lines article ({@code id, url, published, title, body, outlet, language}). */
public final class JsonArticleParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonArticleParser() {}

    /** Parses one JSON Lines object; {@code origin} defaults to the url, then the id. */
    public static Article parse(String line, String fallbackOrigin, Instant ingestedAt) throws ArticleFormatException {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (Exception e) {
            throw new ArticleFormatException("BAD_JSON", fallbackOrigin + ": not JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (n == null || !n.isObject()) {
            throw new ArticleFormatException("BAD_JSON", fallbackOrigin + ": not a JSON object");
        }
        String url = text(n, "url");
        String title = text(n, "title");
        String body = text(n, "body");
        if ((title == null || title.isBlank()) && (body == null || body.isBlank())) {
            throw new ArticleFormatException("EMPTY", fallbackOrigin + ": no title and no body");
        }
        Instant published = null;
        DatePrecision precision = DatePrecision.UNKNOWN;
        String p = text(n, "published");
        if (p != null && !p.isBlank()) {
            try {
                if (p.length() == 10) {
                    published = LocalDate.parse(p).atStartOfDay(ZoneOffset.UTC).toInstant();
                    precision = DatePrecision.DAY;
                } else {
                    published = OffsetDateTime.parse(p).toInstant();
                    precision = DatePrecision.DAY;
                }
            } catch (DateTimeParseException e) {
                throw new ArticleFormatException("BAD_DATE", fallbackOrigin + ": bad 'published' value '" + p + "'");
            }
        }
        String id = text(n, "id");
        if (id == null || id.isBlank()) {
            id = ArticleIds.of(url, title, body);
        }
        String origin = url != null ? url : fallbackOrigin;
        return new Article(id, origin, url, title, body, published, precision, text(n, "outlet"), text(n, "language"), ingestedAt);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
