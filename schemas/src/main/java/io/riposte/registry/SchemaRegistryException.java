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

    /**
     * Whether the failure is the registry's or the network's rather than the request's: no answer at
     * all (refused, reset, timed out), 408, 429, any 5xx, or 401/403 (credentials are configuration,
     * not data). Such a failure says nothing about the record being read or written, so callers wait
     * it out instead of treating the record as bad. A 404 from a registry that answers is not one.
     */
    public boolean infrastructure() {
        return isInfrastructure(status);
    }

    /** {@link #infrastructure()} for an HTTP status (0 = no answer). */
    public static boolean isInfrastructure(int status) {
        return status == 0 || status == 401 || status == 403 || status == 408 || status == 429 || status >= 500;
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
