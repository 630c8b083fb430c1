package io.riposte.http;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * How Riposte's HTTP servers (the Streams query server, the consumer's dashboard) face the network:
 * on loopback they serve anyone on the machine; on any other address they refuse to start unless a
 * credential is configured, and then every request but {@link #OPEN_PATHS} must carry it. TLS is
 * optional, from a keystore.
 *
 * <p>Credentials are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time a
 * refusal takes says nothing about how much of the secret was right, nor about its length.
 */
public final class HttpExposure {
    /** A bearer token: requests send {@code Authorization: Bearer <token>}. */
    public static final String AUTH_TOKEN = "riposte.http.auth.token";
    /** Basic auth as {@code user:password}: what a browser asks for (EventSource cannot send a bearer token). */
    public static final String AUTH_BASIC = "riposte.http.auth.basic";
    /** A keystore (PKCS12 or JKS) with the server's key and certificate: serve HTTPS instead of HTTP. */
    public static final String TLS_KEYSTORE = "riposte.http.tls.keystore.location";
    public static final String TLS_KEYSTORE_PASSWORD = "riposte.http.tls.keystore.password";
    /** Keystore type, default PKCS12. */
    public static final String TLS_KEYSTORE_TYPE = "riposte.http.tls.keystore.type";

    /**
     * Served without the credential: a liveness probe (orchestrators, compose healthchecks) must not need
     * the secret, and {@code /health} tells only the state and record counts. {@code /metrics} is not here:
     * it names topics, clients and hosts; Prometheus sends the credential (see deploy/prometheus.yml).
     */
    public static final Set<String> OPEN_PATHS = Set.of("/health");

    private static final String REALM = "riposte";

    private final byte[] tokenDigest;
    private final byte[] basicDigest;
    private final SSLContext tls;

    private HttpExposure(String token, String basic, SSLContext tls) {
        this.tokenDigest = token == null ? null : sha256(token);
        this.basicDigest = basic == null ? null : sha256(basic);
        this.tls = tls;
    }

    /** Reads the {@code riposte.http.auth.*} and {@code riposte.http.tls.*} keys of {@code config}. */
    public static HttpExposure from(Map<String, ?> config) {
        String token = nonBlank(config.get(AUTH_TOKEN));
        String basic = nonBlank(config.get(AUTH_BASIC));
        if (basic != null && basic.indexOf(':') <= 0) {
            throw new IllegalArgumentException(AUTH_BASIC + " must be user:password");
        }
        String keystore = nonBlank(config.get(TLS_KEYSTORE));
        SSLContext tls = keystore == null ? null : sslContext(Path.of(keystore),
                nonBlank(config.get(TLS_KEYSTORE_PASSWORD)), nonBlank(config.get(TLS_KEYSTORE_TYPE)));
        return new HttpExposure(token, basic, tls);
    }

    public boolean hasCredential() {
        return tokenDigest != null || basicDigest != null;
    }

    /** "https" with a keystore, else "http". */
    public String scheme() {
        return tls == null ? "http" : "https";
    }

    /**
     * Creates the server on host:port (0 = a free port), HTTPS when a keystore is configured; call
     * {@link #protect} on each context it serves.
     *
     * @param what the server's name for the refusal message, e.g. "the query server"
     * @throws IllegalArgumentException when host is not a loopback address and no credential is configured
     */
    public HttpServer bind(String host, int port, String what) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException(what + ": cannot resolve host '" + host + "'");
        }
        if (!address.getAddress().isLoopbackAddress() && !hasCredential()) {
            throw new IllegalArgumentException(what + " refuses to listen on " + host + " without a credential: "
                    + "anyone who reaches that address could read everything. Set " + AUTH_TOKEN + " (bearer token) or "
                    + AUTH_BASIC + " (user:password), or bind 127.0.0.1");
        }
        if (tls == null) {
            return HttpServer.create(address, 0);
        }
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        return https;
    }

    /** Requires the credential on every path of the context but {@link #OPEN_PATHS}; a no-op without one. */
    public void protect(HttpContext context) {
        if (hasCredential()) {
            context.setAuthenticator(new CredentialCheck());
        }
    }

    private final class CredentialCheck extends Authenticator {
        @Override
        public Result authenticate(HttpExchange ex) {
            if (OPEN_PATHS.contains(ex.getRequestURI().getPath())) {
                return new Success(new HttpPrincipal("anonymous", REALM));
            }
            String header = ex.getRequestHeaders().getFirst("Authorization");
            if (header != null) {
                if (tokenDigest != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                        && MessageDigest.isEqual(tokenDigest, sha256(header.substring(7).strip()))) {
                    return new Success(new HttpPrincipal("bearer", REALM));
                }
                if (basicDigest != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                    String userPassword = decodeBasic(header.substring(6).strip());
                    if (userPassword != null && MessageDigest.isEqual(basicDigest, sha256(userPassword))) {
                        return new Success(new HttpPrincipal(userPassword.substring(0, userPassword.indexOf(':')), REALM));
                    }
                }
            }
            if (basicDigest != null) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            }
            if (tokenDigest != null) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
            }
            return new Failure(401);
        }
    }

    private static String decodeBasic(String b64) {
        try {
            String s = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
            return s.indexOf(':') > 0 ? s : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static SSLContext sslContext(Path keystore, String password, String type) {
        char[] pw = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance(type == null ? "PKCS12" : type);
            ks.load(in, pw);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use " + TLS_KEYSTORE + " " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static String nonBlank(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString();
    }
}
