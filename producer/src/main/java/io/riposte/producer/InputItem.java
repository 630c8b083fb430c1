package io.riposte.producer;

import io.riposte.domain.Article;

/** One unit read from the input: either an article or a rejection with its reason. */
public sealed interface InputItem {

    /** Where it came from: a file name, or {@code file:line} inside a JSON Lines file. */
    String origin();

    /**
     * An article, with what was read but not understood ({@code CODE: message}, e.g. a date line that
     * does not parse, which leaves the article undated): published with a header per warning.
     */
    record Parsed(String origin, Article article, java.util.List<String> warnings) implements InputItem {
        public Parsed {
            warnings = java.util.List.copyOf(warnings);
        }

        public Parsed(String origin, Article article) {
            this(origin, article, java.util.List.of());
        }
    }

    /**
     * Input that cannot become an article.
     *
     * @param reason a short code: UNREADABLE, EMPTY, BINARY, BAD_ENCODING, TOO_LARGE, BAD_JSON, BAD_DATE, ...
     * @param message one line for a person
     * @param raw the raw bytes (possibly truncated), for the rejected-articles topic
     */
    record Rejected(String origin, String reason, String message, byte[] raw) implements InputItem {}
}
