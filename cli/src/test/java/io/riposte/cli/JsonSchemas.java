package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The JSON contract's schemas (schemas/src/main/resources/json, on the classpath as json/), checked with networknt. */
public final class JsonSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://riposte.example/json/";
    // Schema $ids are URLs that resolve to nothing; map them to the copies on the classpath.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(BASE, "classpath:json/")));
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private JsonSchemas() {}

    /** The violations of one document against {@code json/NAME.schema.json}; empty when it conforms. */
    public static List<String> violations(String name, JsonNode document) {
        Schema schema = CACHE.computeIfAbsent(name, n -> REGISTRY.getSchema(SchemaLocation.of(BASE + n + ".schema.json")));
        return schema.validate(document).stream().map(Error::toString).toList();
    }

    public static void assertValid(String name, JsonNode document) {
        assertThat(violations(name, document)).as("%s against %s.schema.json", document, name).isEmpty();
    }

    public static void assertValid(String name, String json) {
        try {
            assertValid(name, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
