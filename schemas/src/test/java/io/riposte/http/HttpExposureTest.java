package io.riposte.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpExposureTest {
    private final List<HttpServer> servers = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    /** A server answering 200 "ok" on every path, behind {@code exposure}. */
    private int serve(HttpExposure exposure, String host) throws Exception {
        HttpServer s = exposure.bind(host, 0, "the test server");
        exposure.protect(s.createContext("/", ex -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        }));
        s.start();
        servers.add(s);
        return s.getAddress().getPort();
    }

    private HttpResponse<String> get(HttpClient c, String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNonLoopbackBindWithoutACredentialIsRefusedWithTheKeysToSet() {
        HttpExposure open = HttpExposure.from(Map.of());
        assertThatThrownBy(() -> open.bind("0.0.0.0", 0, "the query server"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the query server refuses to listen on 0.0.0.0 without a credential")
                .hasMessageContaining("riposte.http.auth.token").hasMessageContaining("riposte.http.auth.basic");
    }

    @Test
    void loopbackWithoutACredentialServesEveryone() throws Exception {
        int port = serve(HttpExposure.from(Map.of()), "127.0.0.1");
        assertThat(get(client, "http://127.0.0.1:" + port + "/chains", null).statusCode()).isEqualTo(200);
    }

    @Test
    void withABearerTokenRequestsWithoutItGet401AndWithIt200() throws Exception {
        int port = serve(HttpExposure.from(Map.of(HttpExposure.AUTH_TOKEN, "s3cret-token")), "0.0.0.0");
        String url = "http://127.0.0.1:" + port + "/chains";
        HttpResponse<String> none = get(client, url, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"riposte\"");
        assertThat(get(client, url, "Bearer s3cret-toke").statusCode()).isEqualTo(401);
        assertThat(get(client, url, "Bearer s3cret-token-and-more").statusCode()).isEqualTo(401);
        assertThat(get(client, url, "Basic " + b64("x:s3cret-token")).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = get(client, url, "Bearer s3cret-token");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("ok");
        assertThat(get(client, "http://127.0.0.1:" + port + "/metrics", null).statusCode()).as("metrics need it too").isEqualTo(401);
        assertThat(get(client, "http://127.0.0.1:" + port + "/health", null).statusCode()).as("health is open").isEqualTo(200);
    }

    @Test
    void withBasicAuthTheBrowserIsAskedAndTheRightPairIsLetIn() throws Exception {
        int port = serve(HttpExposure.from(Map.of(HttpExposure.AUTH_BASIC, "ops:pa:ss")), "0.0.0.0");
        String url = "http://127.0.0.1:" + port + "/";
        HttpResponse<String> none = get(client, url, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"riposte\", charset=\"UTF-8\"");
        assertThat(get(client, url, "Basic " + b64("ops:pa:s")).statusCode()).isEqualTo(401);
        assertThat(get(client, url, "Basic not-base64!").statusCode()).isEqualTo(401);
        assertThat(get(client, url, "Basic " + b64("ops:pa:ss")).statusCode()).isEqualTo(200);
    }

    @Test
    void aBasicCredentialWithoutAUserIsAConfigurationError() {
        assertThatThrownBy(() -> HttpExposure.from(Map.of(HttpExposure.AUTH_BASIC, "password-only")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("riposte.http.auth.basic must be user:password");
    }

    @Test
    void withAKeystoreItServesHttps(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "riposte-http", "-keyalg", "EC", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit").redirectErrorStream(true).start();
        String log = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(log).isZero();

        HttpExposure tls = HttpExposure.from(Map.of(HttpExposure.TLS_KEYSTORE, keystore.toString(),
                HttpExposure.TLS_KEYSTORE_PASSWORD, "changeit", HttpExposure.AUTH_TOKEN, "tls-token"));
        assertThat(tls.scheme()).isEqualTo("https");
        int port = serve(tls, "0.0.0.0");

        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
        String url = "https://127.0.0.1:" + port + "/chains";
        assertThat(get(trusting, url, null).statusCode()).isEqualTo(401);
        assertThat(get(trusting, url, "Bearer tls-token").statusCode()).isEqualTo(200);
        // Plain HTTP on the same port gets no answer a client could take for one.
        assertThatThrownBy(() -> get(client, "http://127.0.0.1:" + port + "/chains", "Bearer tls-token"))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void anUnreadableKeystoreIsAClearError(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.p12"), "not a keystore");
        assertThatThrownBy(() -> HttpExposure.from(Map.of(HttpExposure.TLS_KEYSTORE, junk.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot use riposte.http.tls.keystore.location " + junk);
    }

    /** An SSL context that trusts the certificate of the keystore's key entry. */
    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", ks.getCertificate("riposte-http"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
