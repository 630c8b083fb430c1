package io.riposte.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpSchemaRegistryClientTest {
    private static final Schema V1 = SchemaBuilder.record("Thing").namespace("io.riposte.test").fields()
            .requiredString("name").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Thing").namespace("io.riposte.test").fields()
            .requiredString("name").name("size").type().intType().intDefault(0).endRecord();

    private FakeRegistry registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    private HttpSchemaRegistryClient client(String prefix, Map<String, Object> extra) throws Exception {
        registry = new FakeRegistry(prefix);
        var configs = new java.util.HashMap<String, Object>(extra);
        configs.put(RegistryConfig.URL, registry.url());
        configs.putIfAbsent(RegistryConfig.RETRY_BACKOFF_MS, 1);
        return new HttpSchemaRegistryClient(configs);
    }

    @Test
    void registersLooksUpAndFetchesByIdWithConfluentHeaders() throws Exception {
        var client = client("", Map.of());
        int id = client.register("things-value", V1);
        assertThat(client.schemaById(id)).isEqualTo(V1);

        var post = registry.requests().get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.rawPath()).isEqualTo("/subjects/things-value/versions");
        assertThat(post.headers().get("Content-type")).containsExactly("application/vnd.schemaregistry.v1+json");
        assertThat(post.headers().get("Accept")).containsExactly(HttpSchemaRegistryClient.ACCEPT);
        // the full schema text, defaults and docs included, not the parsing canonical form
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(post.body()).get("schema").asText())
                .isEqualTo(V1.toString());

        var fresh = new HttpSchemaRegistryClient(Map.of(RegistryConfig.URL, registry.url()));
        assertThat(fresh.lookup("things-value", V1)).isEqualTo(id);
        assertThat(fresh.schemaById(id)).isEqualTo(V1);
        SchemaMetadata latest = fresh.latest("things-value");
        assertThat(latest.id()).isEqualTo(id);
        assertThat(latest.version()).isEqualTo(1);
        assertThat(latest.schema()).isEqualTo(V1);
    }

    @Test
    void baseUrlWithPathAndEncodedSubject() throws Exception {
        var client = client("/apis/ccompat/v7", Map.of());
        int id = client.register("odd subject/with slash", V1);
        assertThat(id).isPositive();
        assertThat(registry.requests().get(0).rawPath())
                .isEqualTo("/apis/ccompat/v7/subjects/odd%20subject%2Fwith%20slash/versions");
        assertThat(client.compatibility(null)).isEqualTo("BACKWARD");
        client.setCompatibility(null, "FULL");
        assertThat(client.compatibility(null)).isEqualTo("FULL");
        assertThat(registry.requests()).extracting(FakeRegistry.Request::rawPath).contains("/apis/ccompat/v7/config");
    }

    @Test
    void compatibilityCheckBranchesOnAnswer() throws Exception {
        var client = client("", Map.of());
        assertThat(client.isCompatible("things-value", V1)).as("no subject yet").isTrue();
        client.register("things-value", V1);
        assertThat(client.isCompatible("things-value", V2)).isTrue();
        Schema incompatible = SchemaBuilder.record("Thing").namespace("io.riposte.test").fields()
                .requiredInt("name").endRecord();
        assertThat(client.isCompatible("things-value", incompatible)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {409, 40901})
    void conflictIsIncompatibleWhateverTheErrorCode(int errorCode) throws Exception {
        var client = client("", Map.of());
        registry.answerNext(409, "{\"error_code\":" + errorCode + ",\"message\":\"Schema being registered is incompatible\"}");
        assertThatThrownBy(() -> client.register("things-value", V1))
                .isInstanceOfSatisfying(SchemaRegistryException.Incompatible.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(errorCode);
                    assertThat(e.getMessage()).contains("incompatible");
                });
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void retriesServerErrorsThenSucceeds() throws Exception {
        var client = client("", Map.of());
        registry.answerNext(503, "{\"error_code\":50003,\"message\":\"forwarding failed\"}");
        registry.answerNext(500, "not json at all");
        int id = client.register("things-value", V1);
        assertThat(id).isPositive();
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void givesUpAfterBoundedRetries() throws Exception {
        var client = client("", Map.of(RegistryConfig.MAX_RETRIES, 2));
        for (int i = 0; i < 5; i++) {
            registry.answerNext(503, "{\"error_code\":50003,\"message\":\"down\"}");
        }
        assertThatThrownBy(() -> client.register("things-value", V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void doesNotRetryClientErrors() throws Exception {
        var client = client("", Map.of());
        assertThatThrownBy(() -> client.schemaById(42))
                .isInstanceOfSatisfying(SchemaRegistryException.NotFound.class,
                        e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThat(registry.requests()).hasSize(1);

        registry.clearRequests();
        registry.answerNext(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");
        assertThatThrownBy(() -> client.register("things-value", V1))
                .isInstanceOfSatisfying(SchemaRegistryException.Invalid.class,
                        e -> assertThat(e.errorCode()).isEqualTo(42201));
        registry.answerNext(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
        assertThatThrownBy(() -> client.register("things-value", V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThat(registry.requests()).hasSize(2);
    }

    @Test
    void unreachableRegistryFailsAfterRetriesWithIoCause() {
        // a port nothing listens on: bind then close
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        var client = new HttpSchemaRegistryClient(Map.of(RegistryConfig.URL, "http://127.0.0.1:" + port,
                RegistryConfig.RETRY_BACKOFF_MS, "1", RegistryConfig.MAX_RETRIES, "1"));
        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
                });
    }

    @Test
    void remembersAnUnknownIdForAWhileSoBogusRecordsCostOneRequest() throws Exception {
        var client = client("", Map.of());
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> client.schemaById(4242)).isInstanceOf(SchemaRegistryException.NotFound.class);
        }
        assertThat(registry.requests()).hasSize(1);

        // Once the memory expires the registry is asked again (the id may have been registered since).
        var forgetful = client("", Map.of(RegistryConfig.MISSING_ID_CACHE_MS, "0"));
        registry.clearRequests();
        assertThatThrownBy(() -> forgetful.schemaById(4242)).isInstanceOf(SchemaRegistryException.NotFound.class);
        assertThatThrownBy(() -> forgetful.schemaById(4242)).isInstanceOf(SchemaRegistryException.NotFound.class);
        assertThat(registry.requests()).hasSize(2);
    }

    @Test
    void cachesImmutableAnswers() throws Exception {
        var client = client("", Map.of());
        int id = client.register("things-value", V1);
        client.schemaById(id);
        int before = registry.requests().size();
        for (int i = 0; i < 100; i++) {
            assertThat(client.register("things-value", V1)).isEqualTo(id);
            assertThat(client.lookup("things-value", V1)).isEqualTo(id);
            assertThat(client.schemaById(id)).isEqualTo(V1);
        }
        assertThat(registry.requests()).hasSize(before);
    }

    @Test
    void sendsBasicAuthFromUserInfo() throws Exception {
        var client = client("", Map.of(RegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                RegistryConfig.BASIC_AUTH_USER_INFO, "alice:s3cret"));
        client.register("things-value", V1);
        String expected = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(registry.requests().get(0).headers().get("Authorization")).containsExactly(expected);
    }

    @Test
    void sendsBasicAuthFromUrlAndStripsItFromTheUrl() throws Exception {
        registry = new FakeRegistry("");
        String url = registry.url().replace("http://", "http://bob:pw@");
        var client = new HttpSchemaRegistryClient(Map.of(RegistryConfig.URL, url,
                RegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL"));
        assertThat(client.baseUrls()).containsExactly(registry.url());
        client.register("things-value", V1);
        String expected = "Basic " + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8));
        assertThat(registry.requests().get(0).headers().get("Authorization")).containsExactly(expected);
    }

    @Test
    void sendsBearerToken() throws Exception {
        var client = client("", Map.of(RegistryConfig.BEARER_AUTH_TOKEN, "tok-123"));
        client.register("things-value", V1);
        assertThat(registry.requests().get(0).headers().get("Authorization")).containsExactly("Bearer tok-123");
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> new HttpSchemaRegistryClient(Map.of()))
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new HttpSchemaRegistryClient("ftp://127.0.0.1:1"))
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> new HttpSchemaRegistryClient(Map.of(RegistryConfig.URL, "http://127.0.0.1:1",
                RegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO", RegistryConfig.BASIC_AUTH_USER_INFO, "nocolon")))
                .hasMessageContaining("user:password");
        assertThatThrownBy(() -> new HttpSchemaRegistryClient(Map.of(RegistryConfig.URL, "http://127.0.0.1:1",
                RegistryConfig.SSL_TRUSTSTORE_LOCATION, "/nonexistent/truststore.p12")))
                .hasMessageContaining("TLS");
    }
}
