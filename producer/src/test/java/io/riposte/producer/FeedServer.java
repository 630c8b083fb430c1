package io.riposte.producer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A feed on 127.0.0.1 that plays a script: poll 1 serves two items, poll 2 answers 304 when the
 * client sent the validators from poll 1, poll 3 (and later) serves the two items plus a third.
 * It records the conditional headers of every request.
 */
final class FeedServer implements AutoCloseable {
    static final String ITEM_A = item("https://news.example.org/2024/05/expulsion", "Diplomats expelled",
            "<p>The ministry ordered <b>two</b> diplomats to leave &amp; gave them a week.</p>", "Tue, 14 May 2024 18:30:00 GMT");
    static final String ITEM_B = item("https://news.example.org/2024/05/consulate", "Consulate closed",
            "The consulate was ordered shut.", "Wed, 15 May 2024 09:00:00 GMT");
    static final String ITEM_C = item("https://news.example.org/2024/05/reply", "Expulsions answered",
            "The other side expelled two diplomats in return.", "Thu, 16 May 2024 23:59:00 GMT");

    final HttpServer server;
    final List<Map<String, String>> requests = new ArrayList<>();

    static String item(String link, String title, String description, String date) {
        return "<item><title>" + title + "</title><link>" + link + "</link><guid>" + link + "</guid>"
                + "<description><![CDATA[" + description + "]]></description><pubDate>" + date + "</pubDate></item>";
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Example Wire</title>"
                + "<link>https://news.example.org/</link><description>test</description><language>en</language>"
                + String.join("", items) + "</channel></rss>";
    }

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
            int n;
            synchronized (requests) {
                requests.add(new java.util.HashMap<>(java.util.Collections.unmodifiableMap(new java.util.HashMap<>() {{
                    put("If-None-Match", inm);
                    put("If-Modified-Since", ims);
                }})));
                n = requests.size();
            }
            if (n == 2 && "\"v1\"".equals(inm) && ims != null) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            String body = n == 1 ? rss(ITEM_A, ITEM_B) : rss(ITEM_A, ITEM_B, ITEM_C);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            ex.getResponseHeaders().add("ETag", n == 1 ? "\"v1\"" : "\"v2\"");
            ex.getResponseHeaders().add("Last-Modified", n == 1 ? "Wed, 15 May 2024 09:00:00 GMT" : "Thu, 16 May 2024 23:59:00 GMT");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/atom.xml", ex -> {
            byte[] bytes = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                    + "<title>Atom Wire</title><id>urn:x</id><updated>2024-05-17T10:00:00Z</updated>"
                    + "<entry><title>Ambassador recalled</title><link href=\"https://atom.example.org/recall\"/>"
                    + "<id>urn:uuid:1</id><published>2024-05-17T10:00:00Z</published><updated>2024-05-17T10:00:00Z</updated>"
                    + "<content type=\"html\">&lt;p&gt;The ambassador was recalled for consultations.&lt;/p&gt;</content></entry>"
                    + "</feed>").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/broken.xml", ex -> {
            byte[] bytes = "<html><body>not a feed".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
