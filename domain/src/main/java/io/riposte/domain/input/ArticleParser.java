package io.riposte.domain.input;

import io.riposte.domain.Article;
import io.riposte.domain.DatePrecision;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads articles in the forms archives hold them: the loose scraped-text format of EVALUATION.md
 * (an optional leading {@code " date YYYY-MM-DD "} line, an optional URL after it). JSON Lines
 * articles are the producer's ({@code io.riposte.producer.JsonArticleParser}): Jackson stays out of
 * the domain.
 */
public final class ArticleParser {
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

}
