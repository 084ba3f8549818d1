package org.tidings.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real documents the fuzzers mutate: the test fixtures, plus the shared conformance corpus
 * ({@code ../shared/corpus/feeds}, or {@code -Dtidings.fuzz.corpus=DIR}) when it is present.
 */
final class FuzzSeeds {
    /** A seed document and where it came from. */
    record Seed(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name + " (" + bytes.length + " bytes)";
        }
    }

    /** Seeds larger than this are left out (they only slow the run down). */
    static final int MAX_SEED_BYTES = 256 * 1024;

    private FuzzSeeds() {}

    static List<Seed> feeds() {
        List<Seed> seeds = new ArrayList<>(fromClasspath("/fixtures/feeds", MAX_SEED_BYTES));
        Path corpus = Path.of(System.getProperty("tidings.fuzz.corpus", "../shared/corpus/feeds"));
        if (Files.isDirectory(corpus)) {
            seeds.addAll(fromDirectory(corpus, path -> !path.getFileName().toString().endsWith(".expected.json"),
                    MAX_SEED_BYTES));
        }
        return List.copyOf(seeds);
    }

    static List<Seed> opml() {
        List<Seed> seeds = new ArrayList<>(fromClasspath("/fixtures/opml", MAX_SEED_BYTES));
        Path defaults = Path.of("feeds.opml");
        if (Files.isRegularFile(defaults)) {
            seeds.add(read(defaults));
        }
        return List.copyOf(seeds);
    }

    /** Saved regression inputs under src/test/resources/fuzz/{@code kind}. */
    static List<Seed> regressions(String kind) {
        return fromClasspath("/fuzz/" + kind, Long.MAX_VALUE);
    }

    private static List<Seed> fromClasspath(String folder, long maxBytes) {
        URL url = FuzzSeeds.class.getResource(folder);
        if (url == null) {
            return List.of();
        }
        try {
            return fromDirectory(Path.of(url.toURI()), path -> true, maxBytes);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Seed> fromDirectory(Path root, java.util.function.Predicate<Path> wanted, long maxBytes) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(wanted)
                    .sorted(Comparator.comparing(Path::toString))
                    .filter(path -> size(path) <= maxBytes)
                    .map(FuzzSeeds::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Seed read(Path path) {
        try {
            return new Seed(path.getFileName().toString(), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
