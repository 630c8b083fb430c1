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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads articles in the forms archives hold them: the loose scraped-text format of ../shared/EVALUATION.md
 * (an optional leading {@code " date YYYY-MM-DD "} line, an optional URL after it). JSON Lines
 * articles are the producer's ({@code io.riposte.producer.JsonArticleParser}): Jackson stays out of
 * the domain.
 */
public final class ArticleParser {
    /**
     * A date line: "date", then something that starts and ends with a digit (so a headline that begins
     * with the word "date" is not one), an optional URL, the rest. Only ISO {@code YYYY-MM-DD} parses.
     */
    private static final Pattern DATE_LINE =
            Pattern.compile("^\\s*date\\s+(\\d(?:[\\d/.-]*\\d)?)\\s*(https?://\\S+)?\\s*(.*)$", Pattern.DOTALL);

    /** Warning code: a date that does not parse; the article is kept undated. */
    public static final String BAD_DATE = "BAD_DATE";

    private ArticleParser() {}

    /**
     * Decodes bytes as strict UTF-8, or as UTF-16 when they start with a UTF-16 byte-order mark (a UTF-8
     * mark is dropped), rejecting binary data and bad encodings with a reason.
     */
    public static String decode(byte[] bytes, String origin) throws ArticleFormatException {
        if (bytes.length == 0) {
            throw new ArticleFormatException("EMPTY", origin + ": empty input");
        }
        boolean le = bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe;
        boolean be = bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff;
        if (le || be) {
            // UTF-16 is full of NUL bytes, so the binary check below does not apply; the strict decoder does.
            String text = strict(java.nio.charset.Charset.forName(le ? "UTF-16LE" : "UTF-16BE"),
                    ByteBuffer.wrap(bytes, 2, bytes.length - 2), origin, le ? "UTF-16LE" : "UTF-16BE");
            if (text.indexOf('\0') >= 0) {
                throw new ArticleFormatException("BINARY", origin + ": binary data after a UTF-16 byte-order mark");
            }
            return text;
        }
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        int nul = 0;
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                nul++;
            }
        }
        if (nul > 0) {
            throw new ArticleFormatException("BINARY", origin + ": binary data (" + nul + " NUL bytes in the first 8 KiB)");
        }
        return strict(StandardCharsets.UTF_8, ByteBuffer.wrap(bytes, from, bytes.length - from), origin, "UTF-8");
    }

    private static String strict(java.nio.charset.Charset charset, ByteBuffer bytes, String origin, String name)
            throws ArticleFormatException {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ArticleFormatException("BAD_ENCODING", origin + ": not valid " + name + " (" + e.getMessage() + ")");
        }
    }

    /** Parses one article in the loose text format; {@code origin} is usually the file name. */
    public static Article parseText(String content, String origin, Instant ingestedAt) throws ArticleFormatException {
        return parseText(content, origin, ingestedAt, new java.util.ArrayList<>());
    }

    /**
     * As {@link #parseText(String, String, Instant)}; what was read but not understood (a date line that
     * does not parse, which leaves the article undated) is added to {@code warnings} as {@code CODE: message}.
     */
    public static Article parseText(String content, String origin, Instant ingestedAt, List<String> warnings)
            throws ArticleFormatException {
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
                // The text is still news: keep it, undated, and say why.
                warnings.add(BAD_DATE + ": " + origin + ": date line '" + m.group(1) + "' is not a YYYY-MM-DD date; article kept undated");
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
