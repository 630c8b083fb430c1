package io.riposte.producer;

import io.riposte.domain.Article;
import io.riposte.domain.input.ArticleFormatException;
import io.riposte.domain.input.ArticleParser;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads articles from files and directories: the loose scraped-text format of the seeds (any file
 * that is not JSON Lines), JSON Lines ({@code .jsonl}, one article per line), and {@code .gz} of
 * either. Every file or line yields exactly one {@link InputItem}, so nothing is dropped silently:
 * what cannot be read comes back as a rejection with its reason.
 */
public final class ArticleFiles {
    /** Default cap on one article (a text file, or one JSON line): 1 MiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 20;
    /** How much of a rejected input is kept on the rejected-articles topic. */
    static final int RAW_KEEP = 64 * 1024;

    /** The path that stands for standard input (JSON Lines), as in {@code riposte produce -}. */
    public static final Path STDIN = Path.of("-");

    private final long maxBytes;
    private InputStream stdin = System.in;
    private final List<PathMatcher> excludes;
    private final Clock clock;
    private int skipped;

    public ArticleFiles(long maxBytes, List<String> excludeGlobs, Clock clock) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("max article size must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.excludes = excludeGlobs.stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
        this.clock = clock;
    }

    public ArticleFiles() {
        this(DEFAULT_MAX_BYTES, List.of(), Clock.systemUTC());
    }

    /**
     * File names that sit beside articles and are not articles themselves: evaluation annotations and a
     * corpus's Markdown notes (a README read as an article would add its prose to the results).
     */
    public static final List<String> ANNOTATION_FILES = List.of("gold*.jsonl", "chains*.jsonl", "*.md");

    /** A reader that leaves annotation and note files ({@link #ANNOTATION_FILES}) out of directory walks. */
    public static ArticleFiles skippingAnnotations() {
        return new ArticleFiles(DEFAULT_MAX_BYTES, ANNOTATION_FILES, Clock.systemUTC());
    }

    /**
     * The files a set of paths stands for, sorted within each directory; hidden and excluded files
     * are counted in {@link #skipped()}.
     *
     * @throws IllegalArgumentException when a path does not exist (a typo must not publish nothing quietly)
     */
    public List<Path> expand(List<Path> paths) {
        skipped = 0;
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (p.equals(STDIN)) {
                files.add(p);
                continue;
            }
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("no such file or directory: " + p);
            }
            if (Files.isDirectory(p)) {
                if (!Files.isReadable(p)) {
                    throw new IllegalArgumentException("directory not readable: " + p);
                }
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(f -> {
                        if (isSkipped(p, f)) {
                            skipped++;
                        } else {
                            files.add(f);
                        }
                    });
                } catch (IOException | UncheckedIOException e) {
                    throw new IllegalArgumentException("cannot list directory " + p + ": " + e.getMessage());
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private boolean isSkipped(Path root, Path f) {
        Path rel = root.relativize(f);
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        Path name = f.getFileName();
        return excludes.stream().anyMatch(m -> m.matches(name));
    }

    /** Where {@code -} reads from (standard input unless a test says otherwise). */
    public ArticleFiles withStdin(InputStream in) {
        this.stdin = in;
        return this;
    }

    /** Files the last {@link #expand} left out of its directory walks (hidden or excluded). */
    public int skipped() {
        return skipped;
    }

    /** Reads one file, handing every article or rejection it holds to {@code sink}; {@code -} is JSON Lines on stdin. */
    public void read(Path file, Consumer<InputItem> sink) {
        if (file.equals(STDIN)) {
            try {
                readJsonLines(new BufferedInputStream(stdin), "stdin", false, sink);
            } catch (IOException e) {
                sink.accept(new InputItem.Rejected("stdin", "UNREADABLE", "stdin: cannot read (" + e + ")", new byte[0]));
            }
            return;
        }
        String origin = file.getFileName().toString();
        String lower = origin.toLowerCase(Locale.ROOT);
        boolean gz = lower.endsWith(".gz");
        String inner = gz ? lower.substring(0, lower.length() - 3) : lower;
        boolean jsonl = inner.endsWith(".jsonl") || inner.endsWith(".ndjson");
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = new BufferedInputStream(gz ? new GZIPInputStream(raw) : raw)) {
            if (jsonl) {
                readJsonLines(in, origin, gz, sink);
            } else {
                readText(in, origin, sink);
            }
        } catch (IOException e) {
            sink.accept(new InputItem.Rejected(origin, "UNREADABLE", origin + ": cannot read (" + e + ")", new byte[0]));
        }
    }

    private void readText(InputStream in, String origin, Consumer<InputItem> sink) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            sink.accept(tooLarge(origin, bytes));
            return;
        }
        Instant now = clock.instant();
        try {
            List<String> warnings = new ArrayList<>();
            Article a = ArticleParser.parseText(ArticleParser.decode(bytes, origin), origin, now, warnings);
            sink.accept(new InputItem.Parsed(origin, a, warnings));
        } catch (ArticleFormatException e) {
            sink.accept(new InputItem.Rejected(origin, e.reason(), e.getMessage(), keep(bytes)));
        }
    }

    /**
     * Reads JSON Lines. A line over the limit is rejected; in compressed input reading stops there, so a
     * decompression bomb costs {@code maxBytes} of inflating, not its full size (the rest of the file
     * is reported as not read); plain input skips to the next line.
     */
    private void readJsonLines(InputStream in, String file, boolean compressed, Consumer<InputItem> sink) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int lineNo = 0;
        boolean overflow = false;
        int b;
        while (true) {
            b = in.read();
            if (b == '\n' || b < 0) {
                if (b < 0 && line.size() == 0 && !overflow) {
                    break;
                }
                lineNo++;
                String origin = file + ":" + lineNo;
                byte[] bytes = line.toByteArray();
                if (overflow) {
                    sink.accept(tooLarge(origin, bytes));
                } else if (!isBlank(bytes)) {
                    Instant now = clock.instant();
                    try {
                        List<String> warnings = new ArrayList<>();
                        Article a = JsonArticleParser.parse(ArticleParser.decode(bytes, origin), origin, now, warnings);
                        sink.accept(new InputItem.Parsed(origin, a, warnings));
                    } catch (ArticleFormatException e) {
                        sink.accept(new InputItem.Rejected(origin, e.reason(), e.getMessage(), keep(bytes)));
                    }
                }
                line.reset();
                overflow = false;
                if (b < 0) {
                    break;
                }
            } else if (line.size() < maxBytes) {
                line.write(b);
            } else if (compressed) {
                sink.accept(new InputItem.Rejected(file + ":" + (lineNo + 1), "TOO_LARGE", file + ":" + (lineNo + 1)
                        + ": a line larger than the " + maxBytes + "-byte limit in compressed input; the rest of the file"
                        + " was not inflated (raise it with --max-bytes)", keep(line.toByteArray())));
                return;
            } else {
                overflow = true;
            }
        }
    }

    private InputItem.Rejected tooLarge(String origin, byte[] head) {
        return new InputItem.Rejected(origin, "TOO_LARGE",
                origin + ": larger than the " + maxBytes + "-byte limit (raise it with --max-bytes)", keep(head));
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte x : bytes) {
            if (x != ' ' && x != '\t' && x != '\r') {
                return false;
            }
        }
        return true;
    }

    private static byte[] keep(byte[] bytes) {
        return bytes.length <= RAW_KEEP ? bytes : Arrays.copyOf(bytes, RAW_KEEP);
    }
}
