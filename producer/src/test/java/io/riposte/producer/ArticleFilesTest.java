package io.riposte.producer;

import io.riposte.mapping.AvroMapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.domain.DatePrecision;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    final ArticleFiles files = new ArticleFiles(1000, List.of("gold*.jsonl"), Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path dir;

    List<InputItem> readAll(Path p) {
        List<InputItem> items = new ArrayList<>();
        for (Path f : files.expand(List.of(p))) {
            files.read(f, items::add);
        }
        return items;
    }

    @Test
    void readsTheLooseTextFormatWithDateAndUrl() throws IOException {
        Files.writeString(dir.resolve("a.txt"),
                " date 2020-07-24 https://example.org/news/consulate Consulate ordered shut\nThe mission must close within 72 hours.\n");
        List<InputItem> items = readAll(dir);
        assertThat(items).hasSize(1);
        var a = ((InputItem.Parsed) items.get(0)).article();
        assertThat(a.url()).isEqualTo("https://example.org/news/consulate");
        assertThat(a.title()).isEqualTo("Consulate ordered shut");
        assertThat(a.publishedPrecision()).isEqualTo(DatePrecision.DAY);
        assertThat(Articles.timestamp(a)).isEqualTo(Instant.parse("2020-07-24T00:00:00Z").toEpochMilli());
        assertThat(a.origin()).isEqualTo("a.txt");
    }

    @Test
    void anUndatedArticleIsTimestampedWithIngestionTime() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "Envoy summoned over spying row\nThe ministry called in the ambassador.\n");
        var a = ((InputItem.Parsed) readAll(dir).get(0)).article();
        assertThat(a.published()).isNull();
        assertThat(Articles.timestamp(a)).isEqualTo(NOW.toEpochMilli());
        assertThat(AvroMapping.toAvro(a).getPublishedPrecision().name()).isEqualTo("UNKNOWN");
    }

    @Test
    void jsonLinesGiveOneItemPerLineAndRejectBadLinesWithTheirLineNumber() throws IOException {
        Files.writeString(dir.resolve("feed.jsonl"), String.join("\n",
                "{\"url\":\"https://example.org/1\",\"published\":\"2023-09-19\",\"title\":\"Diplomat expelled\",\"body\":\"A senior diplomat was told to leave.\"}",
                "",
                "{not json",
                "{\"title\":\"\",\"body\":\"\"}",
                "{\"id\":\"x1\",\"title\":\"Trade curbs\",\"body\":\"Tariffs were raised.\"}") + "\n");
        List<InputItem> items = readAll(dir);
        assertThat(items).extracting(InputItem::origin)
                .containsExactly("feed.jsonl:1", "feed.jsonl:3", "feed.jsonl:4", "feed.jsonl:5");
        assertThat(((InputItem.Parsed) items.get(0)).article().origin()).isEqualTo("https://example.org/1");
        assertThat(items.get(1)).isInstanceOfSatisfying(InputItem.Rejected.class, r -> assertThat(r.reason()).isEqualTo("BAD_JSON"));
        assertThat(items.get(2)).isInstanceOfSatisfying(InputItem.Rejected.class, r -> assertThat(r.reason()).isEqualTo("EMPTY"));
        assertThat(((InputItem.Parsed) items.get(3)).article().id()).isEqualTo("x1");
    }

    @Test
    void gzippedFilesAreReadByTheirInnerExtension() throws IOException {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("c.jsonl.gz")))) {
            o.write("{\"title\":\"Embassy closed\",\"body\":\"Staff left on Friday.\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        List<InputItem> items = readAll(dir);
        assertThat(items).singleElement().isInstanceOf(InputItem.Parsed.class);
    }

    @Test
    void badInputIsRejectedWithAReasonNotDropped() throws IOException {
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Files.write(dir.resolve("binary.txt"), new byte[] {'a', 0, 1, 2, 0});
        Files.write(dir.resolve("latin1.txt"), "Caf\u00e9 diplomacy".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("huge.txt"), "x".repeat(1001));
        List<InputItem> items = readAll(dir);
        assertThat(items).allMatch(i -> i instanceof InputItem.Rejected);
        assertThat(items).extracting(i -> ((InputItem.Rejected) i).origin() + "=" + ((InputItem.Rejected) i).reason())
                .containsExactly("binary.txt=BINARY", "empty.txt=EMPTY", "huge.txt=TOO_LARGE", "latin1.txt=BAD_ENCODING");
        assertThat(((InputItem.Rejected) items.get(2)).message()).contains("1000-byte limit");
    }

    @Test
    void anOversizeJsonLineIsRejectedAndTheNextLineStillRead() throws IOException {
        Files.writeString(dir.resolve("d.jsonl"), "{\"title\":\"" + "y".repeat(2000) + "\"}\n"
                + "{\"title\":\"Visa curbs\",\"body\":\"Visas suspended.\"}\n");
        List<InputItem> items = readAll(dir);
        assertThat(items).hasSize(2);
        assertThat(((InputItem.Rejected) items.get(0)).reason()).isEqualTo("TOO_LARGE");
        assertThat(items.get(1)).isInstanceOf(InputItem.Parsed.class);
    }

    @Test
    void aCompressedLineOverTheLimitStopsTheInflating() throws IOException {
        // About 50 MB of one endless line, 50 kB compressed: reading must stop at the 1,000-byte limit.
        Path bomb = dir.resolve("bomb.jsonl.gz");
        try (var o = new java.util.zip.GZIPOutputStream(Files.newOutputStream(bomb))) {
            byte[] chunk = "z".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            o.write("{\"title\":\"".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 50; i++) {
                o.write(chunk);
            }
        }
        List<InputItem> items = new java.util.ArrayList<>();
        files.read(bomb, items::add);
        assertThat(items).singleElement().isInstanceOfSatisfying(InputItem.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo("TOO_LARGE");
            assertThat(r.message()).contains("not inflated");
            assertThat(r.raw()).hasSizeLessThanOrEqualTo(1000);
        });
    }

    @Test
    void utf16TextAndAnUnparsableDateAreRead() throws IOException {
        byte[] bom = {(byte) 0xff, (byte) 0xfe};
        byte[] text = "Consulate shut\nThe consulate closed its doors.".getBytes(StandardCharsets.UTF_16LE);
        byte[] both = java.util.Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, both, bom.length, text.length);
        Files.write(dir.resolve("utf16.txt"), both);
        Files.writeString(dir.resolve("undated.txt"), "date 2024-02-30\nTalks halted\nThe talks stopped.");
        List<InputItem> items = readAll(dir);
        assertThat(items).allMatch(i -> i instanceof InputItem.Parsed);
        InputItem.Parsed undated = (InputItem.Parsed) items.get(0);
        assertThat(undated.article().published()).isNull();
        assertThat(undated.warnings()).singleElement().asString().startsWith("BAD_DATE");
        InputItem.Parsed utf16 = (InputItem.Parsed) items.get(1);
        assertThat(utf16.article().title()).isEqualTo("Consulate shut");
        assertThat(utf16.warnings()).isEmpty();
    }

    @Test
    void hiddenAndExcludedFilesAreSkippedAndCounted() throws IOException {
        Files.writeString(dir.resolve(".hidden.txt"), "Hidden\nbody");
        Files.writeString(dir.resolve("gold.jsonl"), "{\"id\":\"S1\"}\n");
        Files.writeString(dir.resolve("e.txt"), "Visible\nbody");
        assertThat(files.expand(List.of(dir))).extracting(p -> p.getFileName().toString()).containsExactly("e.txt");
        assertThat(files.skipped()).isEqualTo(2);
        files.expand(List.of(dir));
        assertThat(files.skipped()).as("counted per walk, not accumulated").isEqualTo(2);
    }

    @Test
    void theStandardReaderSkipsAnnotationsAndNotesButReadsNamedFiles() throws IOException {
        Files.writeString(dir.resolve("README.md"), "Notes on this corpus\nnot an article");
        Files.writeString(dir.resolve("chains.jsonl"), "{}\n");
        Files.writeString(dir.resolve("gold.jsonl"), "{}\n");
        Files.writeString(dir.resolve("a.txt"), "An article\nbody");
        ArticleFiles standard = ArticleFiles.skippingAnnotations();
        assertThat(standard.expand(List.of(dir))).extracting(p -> p.getFileName().toString()).containsExactly("a.txt");
        assertThat(standard.skipped()).isEqualTo(3);
        assertThat(standard.expand(List.of(dir.resolve("README.md")))).as("a file named on the command line is read")
                .hasSize(1);
    }

    @Test
    void aDashReadsJsonLinesFromStandardInput() {
        byte[] lines = ("{\"title\":\"Embassy staff cut\",\"body\":\"The mission must shrink.\"}\n"
                + "[1,2]\n").getBytes(StandardCharsets.UTF_8);
        files.withStdin(new java.io.ByteArrayInputStream(lines));
        List<InputItem> items = readAll(ArticleFiles.STDIN);
        assertThat(items).extracting(InputItem::origin).containsExactly("stdin:1", "stdin:2");
        assertThat(items.get(0)).isInstanceOf(InputItem.Parsed.class);
        assertThat(((InputItem.Rejected) items.get(1)).reason()).isEqualTo("BAD_JSON");
    }

    @Test
    void aMissingPathIsAClearError() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> files.expand(List.of(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no such file or directory: " + missing);
    }

    @Test
    void sameArticleReadTwiceGetsTheSameKey() throws IOException {
        Files.writeString(dir.resolve("f.txt"), "Ambassador recalled\nThe envoy was called home for consultations.");
        String first = ((InputItem.Parsed) readAll(dir).get(0)).article().id();
        String second = ((InputItem.Parsed) readAll(dir).get(0)).article().id();
        assertThat(first).isEqualTo(second).startsWith("t");
    }
}
