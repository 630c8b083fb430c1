package io.riposte.domain.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.domain.Article;
import io.riposte.domain.DatePrecision;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads articles in the forms archives hold them: the loose scraped-text format of EVALUATION.md
 * (an optional leading {@code " date YYYY-MM-DD "} line, an optional URL after it) and JSON Lines
 * objects ({@code id, url, published, title, body, outlet, language}).
 */
public final class ArticleParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE_LINE =
            Pattern.compile("^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\s*(https?://\\S+)?\\s*(.*)$", Pattern.DOTALL);

    private ArticleParser() {}

    /** Decodes bytes as strict UTF-8, rejecting binary data and bad encodings with a reason. */
    public static String decode(byte[] bytes, String origin) throws ArticleFormatException {
        if (bytes.length == 0) {
            throw new ArticleFormatException("EMPTY", origin + ": empty input");
        }
        int nul = 0;
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                nul++;
            }
        }
        if (nul > 0) {
            throw new ArticleFormatException("BINARY", origin + ": binary data (" + nul + " NUL bytes in the first 8 KiB)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ArticleFormatException("BAD_ENCODING", origin + ": not valid UTF-8 (" + e.getMessage() + ")");
        }
    }

    /** Parses one article in the loose text format; {@code origin} is usually the file name. */
    public static Article parseText(String content, String origin, Instant ingestedAt) throws ArticleFormatException {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (text.isBlank()) {
            throw new ArticleFormatException("EMPTY", origin + ": no text");
        }
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        String rest = nl < 0 ? "" : text.substring(nl + 1);
        Instant published = null;
        String url = null;
        Matcher m = DATE_LINE.matcher(first);
        if (m.matches()) {
            try {
                published = LocalDate.parse(m.group(1)).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new ArticleFormatException("BAD_DATE", origin + ": bad date line '" + m.group(1) + "'");
            }
            url = m.group(2);
            first = m.group(3);
        }
        String title = first.strip();
        String body = rest.strip();
        if (title.isEmpty()) {
            // "date URL" alone on the first line: the headline is the next non-blank line.
            int cut = body.indexOf('\n');
            title = (cut < 0 ? body : body.substring(0, cut)).strip();
            body = cut < 0 ? "" : body.substring(cut + 1).strip();
        }
        if (title.isEmpty() && body.isEmpty()) {
            throw new ArticleFormatException("EMPTY", origin + ": a date line but no text");
        }
        return new Article(ArticleIds.of(url, title, body), origin, url, title, body, published,
                published == null ? DatePrecision.UNKNOWN : DatePrecision.DAY, null, null, ingestedAt);
    }

    /** Parses one JSON Lines object; {@code origin} defaults to the url, then the id. */
    public static Article parseJson(String line, String fallbackOrigin, Instant ingestedAt) throws ArticleFormatException {
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
