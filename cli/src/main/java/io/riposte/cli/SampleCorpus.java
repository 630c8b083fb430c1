package io.riposte.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The sample articles bundled in the jar under {@code corpus/} (our own texts about real episodes),
 * copied to a temporary directory so the producer reads them like any other directory.
 */
final class SampleCorpus {
    static final String PREFIX = "corpus/";

    private SampleCorpus() {}

    /** Names of the bundled files, sorted. */
    static List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        Path location;
        try {
            location = Path.of(SampleCorpus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the Riposte jar", e);
        }
        if (Files.isDirectory(location)) {
            Path root = location.resolve(PREFIX);
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(Files::isRegularFile).forEach(f -> names.add(PREFIX + root.relativize(f).toString().replace('\\', '/')));
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(PREFIX) && !n.endsWith("/")).forEach(names::add);
            }
        }
        names.sort(null);
        return names;
    }

    static int count() throws IOException {
        return names().size();
    }

    /** Copies the bundled corpus to a new temporary directory; fails clearly when the build bundled none. */
    static Path extract() throws IOException {
        List<String> names = names();
        if (names.isEmpty()) {
            throw new IllegalStateException("this build bundles no sample articles; run `riposte demo DIR` with a directory of articles");
        }
        Path dir = Files.createTempDirectory("riposte-corpus");
        for (String n : names) {
            Path target = dir.resolve(n.substring(PREFIX.length()));
            Files.createDirectories(target.getParent());
            try (InputStream in = SampleCorpus.class.getClassLoader().getResourceAsStream(n)) {
                if (in == null) {
                    throw new IOException("bundled file missing: " + n);
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }
}
