package io.riposte.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry did not answer for longer than the serde may wait. The record is not bad: whoever
 * reads or writes it must try the same record again later, never skip it or dead-letter it.
 */
public class RegistryUnavailableException extends SerializationException {
    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code error} or any of its causes is a registry outage. */
    public static boolean in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RegistryUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
