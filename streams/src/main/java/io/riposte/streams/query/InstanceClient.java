package io.riposte.streams.query;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the same application for the content of some partitions of one of its
 * stores, through its query server's internal endpoint ({@link QueryRouter#INTERNAL_PATH}). The
 * caller's {@code Authorization} header goes along: every instance shares the credential of the
 * query server, and a request without it would be refused by a protected peer.
 */
public class InstanceClient {
    /** The peer did not answer at all (refused, reset, timed out): it is taken for down. */
    public static final class Unreachable extends Exception {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What a peer answered: status and JSON body. */
    public record Reply(int status, String body) {}

    private final HttpClient http;
    private final String scheme;
    private final Duration timeout;

    public InstanceClient(String scheme, Duration timeout) {
        this.scheme = scheme;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * GET the store partitions from {@code host}.
     *
     * @param key a key to look up, or null for every entry of the partitions
     * @param standby whether the peer may answer from a standby copy
     * @param authorization the caller's Authorization header, or null
     */
    public Reply fetch(HostInfo host, String store, Set<Integer> partitions, String key, boolean standby, String authorization)
            throws Unreachable, InterruptedException {
        URI uri = URI.create(scheme + "://" + hostForUri(host.host()) + ":" + host.port() + pathAndQuery(store, partitions, key, standby));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(timeout).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body());
        } catch (HttpTimeoutException e) {
            throw new Unreachable(address(host) + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new Unreachable(address(host) + " is unreachable (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** The internal request's path and query string, as {@link QueryRouter#serveInternal} reads them. */
    static String pathAndQuery(String store, Set<Integer> partitions, String key, boolean standby) {
        String parts = partitions.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        return QueryRouter.INTERNAL_PATH + "/" + enc(store) + "?partitions=" + parts + "&standby=" + standby
                + (key == null ? "" : "&key=" + enc(key));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code host:port}, as in {@code application.server}. */
    public static String address(HostInfo host) {
        return host.host() + ":" + host.port();
    }

    private static String hostForUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
