package io.riposte.serde;

import org.apache.avro.specific.SpecificData;

/**
 * The model to read and write a generated Avro class with: its own encode and decode methods (Avro's "custom
 * coders", off by default) where the class has them, the same bytes without the generic writer's per-field
 * lookups. A class with logical types (conversions) has none; it keeps its own model.
 */
public final class CustomCoders {
    private static final SpecificData CUSTOM = new SpecificData(CustomCoders.class.getClassLoader());

    static {
        CUSTOM.setCustomCoders(true);
    }

    private CustomCoders() {}

    /** The model for {@code type}: never the class's shared one altered, so other users keep Avro's defaults. */
    public static SpecificData forClass(Class<?> type) {
        return instead(SpecificData.getForClass(type));
    }

    /** The same for the generated class of {@code schema} (its model as {@link SpecificData#getForSchema} finds it). */
    public static SpecificData forSchema(org.apache.avro.Schema schema) {
        return instead(SpecificData.getForSchema(schema));
    }

    private static SpecificData instead(SpecificData own) {
        return own.getConversions().isEmpty() ? CUSTOM : own;
    }
}
