package io.riposte.registry;

/**
 * A registry call failed. {@code status} is the HTTP status (0 when no answer came back),
 * {@code errorCode} the registry's {@code error_code} (0 when absent).
 */
public class SchemaRegistryException extends RuntimeException {
    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        this(status, errorCode, message, null);
    }

    public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
        super(message + " (HTTP " + status + ", error_code " + errorCode + ")", cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The registry refused a schema as incompatible: HTTP 409, whatever the error code (409 or 40901). */
    public static class Incompatible extends SchemaRegistryException {
        public Incompatible(int errorCode, String message) {
            super(409, errorCode, message);
        }
    }

    /** HTTP 404: subject (40401), version (40402) or schema (40403) not found. */
    public static class NotFound extends SchemaRegistryException {
        public NotFound(int errorCode, String message) {
            super(404, errorCode, message);
        }

        public boolean subjectNotFound() {
            return errorCode() == 40401;
        }

        public boolean schemaNotFound() {
            return errorCode() == 40403;
        }
    }

    /** HTTP 422: invalid schema (42201), invalid version (42202), invalid compatibility level (42203). */
    public static class Invalid extends SchemaRegistryException {
        public Invalid(int errorCode, String message) {
            super(422, errorCode, message);
        }
    }
}
