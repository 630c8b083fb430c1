package io.riposte.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12.2 refuses to instantiate classes outside trusted packages, which breaks every generated
 * {@code io.riposte.avro} class unless the JVM was launched with
 * {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.riposte.avro}. The serdes call {@link #ensure()} so
 * apps work without the flag: it adds Riposte's package to whatever the global validator already trusts.
 */
public final class AvroTrust {
    /** Riposte's generated classes live here. */
    public static final String PACKAGE = "io.riposte.avro";

    private static volatile boolean done;

    private AvroTrust() {}

    /** Idempotent and thread-safe; keeps every class the current global validator trusts. */
    public static void ensure() {
        if (done) {
            return;
        }
        synchronized (AvroTrust.class) {
            if (done) {
                return;
            }
            ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
            ClassSecurityValidator.ClassSecurityPredicate ours =
                    c -> c.getName().startsWith(PACKAGE + ".");
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, ours));
            done = true;
        }
    }
}
