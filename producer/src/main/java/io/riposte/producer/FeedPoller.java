package io.riposte.producer;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.riposte.domain.Article;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.input.ArticleIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Polls one RSS 2.0 or Atom feed with conditional requests (ETag / If-Modified-Since) and turns
 * each item not seen before into an article. Rome parses; the JDK's HTTP client fetches, with
 * bounded timeouts, so a dead feed costs one bounded wait per poll and never stops the others.
 *
 * <p>Items are recognised across polls by guid (else link) in a bounded seen-set. The article id
 * comes from the link, so a restarted producer re-publishing the same items yields the same keys.
 */
public final class FeedPoller {
    /** What one poll brought: the HTTP status, the new items, or why it failed. */
    public record Poll(int status, List<InputItem> items, String error) {}

    private final URI url;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Boolean> seen;
    private String etag;
    private String lastModified;

    public FeedPoller(URI url, Duration timeout, int seenCapacity, Clock clock) {
        this.url = url;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.seen = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > seenCapacity;
            }
        };
    }

    public URI url() {
        return url;
    }

    public Poll poll() {
        HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(timeout).GET()
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                .header("User-Agent", "riposte-producer");
        if (etag != null) {
            req.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            req.header("If-Modified-Since", lastModified);
        }
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new Poll(-1, List.of(), "feed " + url + ": " + ArticlePublisher.rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Poll(-1, List.of(), "feed " + url + ": interrupted");
        }
        if (resp.statusCode() == 304) {
            return new Poll(304, List.of(), null);
        }
        if (resp.statusCode() != 200) {
            return new Poll(resp.statusCode(), List.of(), "feed " + url + ": HTTP " + resp.statusCode());
        }
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(resp.body())));
        } catch (Exception e) {
            // A broken document is bad input: it goes to rejected-articles like a bad file.
            byte[] raw = resp.body().length <= ArticleFiles.RAW_KEEP ? resp.body()
                    : java.util.Arrays.copyOf(resp.body(), ArticleFiles.RAW_KEEP);
            return new Poll(200, List.of(new InputItem.Rejected(url.toString(), "BAD_FEED",
                    "feed " + url + ": not RSS or Atom (" + ArticlePublisher.rootMessage(e) + ")", raw)), null);
        }
        // Only remember the validators once the body was usable, so a broken feed is fetched again in full.
        etag = resp.headers().firstValue("ETag").orElse(null);
        lastModified = resp.headers().firstValue("Last-Modified").orElse(null);
        Instant now = clock.instant();
        List<InputItem> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            String key = e.getUri() != null && !e.getUri().isBlank() ? e.getUri() : e.getLink();
            if (key == null || key.isBlank()) {
                key = "t:" + e.getTitle();
            }
            if (seen.containsKey(key)) {
                continue;
            }
            seen.put(key, Boolean.TRUE);
            items.add(toItem(feed, e, now));
        }
        return new Poll(200, items, null);
    }

    private InputItem toItem(SyndFeed feed, SyndEntry e, Instant now) {
        String link = blankToNull(e.getLink());
        String title = text(e.getTitle());
        String body = text(bodyOf(e));
        Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        // Feeds give a time of day, but the rest of the pipeline reasons in days: keep the day, say so.
        Instant published = date == null ? null
                : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        String origin = link != null ? link : url + "#" + (e.getUri() != null ? e.getUri() : title);
        String language = blankToNull(feed.getLanguage());
        Article a = new Article(ArticleIds.of(link, title, body), origin, link, title, body, published,
                published == null ? DatePrecision.UNKNOWN : DatePrecision.DAY, blankToNull(text(feed.getTitle())),
                language, now);
        return new InputItem.Parsed(origin, a);
    }

    private static String bodyOf(SyndEntry e) {
        if (e.getContents() != null && !e.getContents().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (SyndContent c : e.getContents()) {
                if (c.getValue() != null) {
                    sb.append(c.getValue()).append('\n');
                }
            }
            return sb.toString();
        }
        return e.getDescription() == null ? "" : e.getDescription().getValue();
    }

    /** Feed text is often HTML: keep the words, drop the markup, decode the common entities. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]*>", " ");
        t = java.util.regex.Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});").matcher(t).replaceAll(m -> {
            String n = m.group(1);
            int cp = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
            return Character.isValidCodePoint(cp) && cp != 0
                    ? java.util.regex.Matcher.quoteReplacement(new String(Character.toChars(cp))) : " ";
        });
        t = t.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
        return t.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n[ \\n]*", "\n").strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
