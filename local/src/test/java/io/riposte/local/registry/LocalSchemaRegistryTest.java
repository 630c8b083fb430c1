package io.riposte.local.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.registry.HttpSchemaRegistryClient;
import io.riposte.registry.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-memory registry through Riposte's HTTP client and raw HTTP (for Confluent's error bodies). */
public class LocalSchemaRegistryTest {
    public static final Schema V1 = SchemaBuilder.record("Thing").namespace("io.riposte.test").fields()
            .requiredString("name").endRecord();
    /** V1 plus a field with a default: BACKWARD and FORWARD compatible. */
    public static final Schema V2 = SchemaBuilder.record("Thing").namespace("io.riposte.test").fields()
            .requiredString("name").name("size").type().intType().intDefault(0).endRecord();
    /** V1 plus a field without default: FORWARD but not BACKWARD compatible. */
    public static final Schema NO_DEFAULT = SchemaBuilder.record("Thing").namespace("io.riposte.test").fields()
            .requiredString("name").requiredLong("stamp").endRecord();
    /** name changes type: incompatible both ways. */
    public static final Schema RETYPED = SchemaBuilder.record("Thing").namespace("io.riposte.test").fields()
            .requiredInt("name").endRecord();

    private static final ObjectMapper JSON = new ObjectMapper();
    private LocalSchemaRegistry registry;
    private HttpSchemaRegistryClient client;

    @BeforeEach
    void start() {
        registry = LocalSchemaRegistry.inMemory(0);
        client = new HttpSchemaRegistryClient(registry.url());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void bindsLoopbackOnAFreePort() {
        assertThat(registry.url()).startsWith("http://127.0.0.1:");
        assertThat(registry.port()).isPositive();
    }

    @Test
    void registersIdempotentlyAndServesById() {
        int id = client.register("things-value", V1);
        assertThat(new HttpSchemaRegistryClient(registry.url()).register("things-value", V1)).isEqualTo(id);
        assertThat(new HttpSchemaRegistryClient(registry.url()).schemaById(id)).isEqualTo(V1);
        assertThat(client.lookup("things-value", V1)).isEqualTo(id);
        assertThat(client.latest("things-value").version()).isEqualTo(1);
    }

    @Test
    void sameSchemaInAnotherSubjectReusesTheId() {
        int id = client.register("a-value", V1);
        int other = client.register("b-value", V2);
        assertThat(client.register("b-value", V1)).isEqualTo(id);
        assertThat(other).isNotEqualTo(id);
        assertThat(client.latest("b-value").version()).isEqualTo(2);
    }

    @Test
    void backwardByDefaultRefusesWithConfluentConflict() throws Exception {
        assertThat(client.compatibility(null)).isEqualTo("BACKWARD");
        client.register("things-value", V1);
        int v2 = client.register("things-value", V2);
        assertThat(client.latest("things-value").id()).isEqualTo(v2);
        assertThat(client.isCompatible("things-value", NO_DEFAULT)).isFalse();
        assertThatThrownBy(() -> client.register("things-value", RETYPED))
                .isInstanceOfSatisfying(SchemaRegistryException.Incompatible.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("things-value");
                });
        assertThat(client.latest("things-value").id()).as("refused schema not stored").isEqualTo(v2);
    }

    @Test
    void forwardAndFullAndNoneFollowTheirDefinitions() {
        client.register("fwd-value", V1);
        client.setCompatibility("fwd-value", "FORWARD");
        assertThat(client.compatibility("fwd-value")).isEqualTo("FORWARD");
        assertThat(client.compatibility(null)).as("global untouched").isEqualTo("BACKWARD");
        client.register("fwd-value", NO_DEFAULT); // old readers ignore the new field

        client.register("full-value", V1);
        client.setCompatibility("full-value", "FULL");
        assertThatThrownBy(() -> client.register("full-value", NO_DEFAULT))
                .isInstanceOf(SchemaRegistryException.Incompatible.class);
        client.register("full-value", V2);

        client.register("none-value", V1);
        client.setCompatibility("none-value", "NONE");
        client.register("none-value", RETYPED);
        assertThat(client.latest("none-value").version()).isEqualTo(2);
    }

    @Test
    void transitiveRefusesWhatOnlyTheLatestAccepts() {
        Schema a = SchemaBuilder.record("T").fields().requiredString("s").endRecord();
        Schema b = SchemaBuilder.record("T").fields().endRecord();
        Schema c = SchemaBuilder.record("T").fields().requiredInt("s").endRecord();
        client.setCompatibility("plain-value", "BACKWARD");
        client.register("plain-value", a);
        client.register("plain-value", b);
        assertThatThrownBy(() -> client.register("plain-value", c))
                .as("c cannot read b's data either (s has no default)")
                .isInstanceOf(SchemaRegistryException.Incompatible.class);

        Schema c2 = SchemaBuilder.record("T").fields().name("s").type().intType().intDefault(0).endRecord();
        client.register("plain-value", c2); // reads b (default) -> accepted under BACKWARD
        client.setCompatibility("trans-value", "BACKWARD_TRANSITIVE");
        client.register("trans-value", a);
        client.register("trans-value", b);
        assertThatThrownBy(() -> client.register("trans-value", c2))
                .as("c2 cannot read a's string s")
                .isInstanceOf(SchemaRegistryException.Incompatible.class);
    }

    @Test
    void confluentErrorBodies() throws Exception {
        client.register("things-value", V1);
        assertError("GET", "/subjects/missing/versions/latest", null, 404, 40401);
        assertError("GET", "/subjects/things-value/versions/7", null, 404, 40402);
        assertError("GET", "/schemas/ids/999", null, 404, 40403);
        assertError("POST", "/subjects/things-value", body(V2), 404, 40403);
        assertError("POST", "/subjects/things-value/versions", "{\"schema\":\"{not avro\"}", 422, 42201);
        assertError("POST", "/subjects/things-value/versions", "{\"schema\":\"{}\",\"schemaType\":\"PROTOBUF\"}", 422, 42201);
        assertError("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}", 422, 42203);
        assertError("POST", "/subjects/things-value/versions", body(RETYPED), 409, 409);
        assertError("GET", "/no/such/route", null, 404, 404);
    }

    @Test
    void listsSubjectsAndVersionsAndAnswersUnderEncodedNames() throws Exception {
        client.register("odd subject/x", V1);
        client.register("odd subject/x", V2);
        JsonNode versions = call("GET", "/subjects/odd%20subject%2Fx/versions", null).get("body");
        assertThat(versions.toString()).isEqualTo("[1,2]");
        JsonNode subjects = call("GET", "/subjects", null).get("body");
        assertThat(subjects.toString()).isEqualTo("[\"odd subject/x\"]");
    }

    private static String body(Schema s) throws Exception {
        return JSON.createObjectNode().put("schema", s.toString()).toString();
    }

    private void assertError(String method, String path, String body, int status, int code) throws Exception {
        JsonNode answer = call(method, path, body);
        assertThat(answer.get("status").asInt()).as(method + " " + path).isEqualTo(status);
        assertThat(answer.get("body").get("error_code").asInt()).as(method + " " + path).isEqualTo(code);
        assertThat(answer.get("body").get("message").asText()).isNotBlank();
    }

    private JsonNode call(String method, String path, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
        var node = JSON.createObjectNode().put("status", response.statusCode());
        node.set("body", JSON.readTree(response.body()));
        return node;
    }
}
