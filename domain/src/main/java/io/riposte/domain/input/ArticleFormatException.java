package io.riposte.domain.input;

/** Input that cannot be read as an article, with a one-line reason fit for a dead letter. */
public class ArticleFormatException extends Exception {
    private final String reason;

    public ArticleFormatException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A short machine-friendly code: EMPTY, BINARY, BAD_ENCODING, TOO_LARGE, BAD_JSON, BAD_DATE, ... */
    public String reason() {
        return reason;
    }
}
