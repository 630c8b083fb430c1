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

    private static volatile ClassSecurityValidator.ClassSecurityPredicate installed;

    private AvroTrust() {}

    /**
     * Idempotent and thread-safe; keeps every class the current global validator trusts. If someone has
     * replaced the global validator since the last call, Riposte's package is added to the new one.
     */
    public static void ensure() {
        if (installed != null && ClassSecurityValidator.getGlobal() == installed) {
            return;
        }
        synchronized (AvroTrust.class) {
            ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
            if (current == installed) {
                return;
            }
            ClassSecurityValidator.ClassSecurityPredicate ours = c -> c.getName().startsWith(PACKAGE + ".");
            installed = ClassSecurityValidator.composite(current, ours);
            ClassSecurityValidator.setGlobal(installed);
        }
    }
}
