package org.tidings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tidings.parse.FeedParseException;
import org.tidings.parse.FeedParser;

/**
 * Mutation fuzzing of {@link FeedParser#parse}: real documents (fixtures and, when present, the
 * shared corpus) with byte flips, truncations, splices, entities, control characters, deep nesting,
 * hostile DOCTYPEs, invalid UTF-8 and false encodings. Every case returns a feed or throws
 * {@link FeedParseException} with a one-line message, within the time and allocation bounds of
 * {@link FuzzCheck}. The normal suite runs 2,500 cases from a fresh seed (printed on failure); {@code
 * -Dtidings.fuzz.tries=N} runs more, {@code -Dtidings.fuzz.seed=S} replays a run
 * (docs/SECURITY.md).
 */
class FeedParserFuzzTest {
    private static final List<FuzzSeeds.Seed> SEEDS = FuzzSeeds.feeds();
    private static final FuzzCheck.Stats STATS = new FuzzCheck.Stats();
    private static final String[] CONTENT_TYPES = {null, "application/rss+xml; charset=utf-8", "text/xml",
        "application/atom+xml; charset=UTF-16", "text/html; charset=\"x-bogus\"", "application/json; charset=latin-1",
        "text/xml; charset=ISO-2022-JP"};

    private final FeedParser parser = new FeedParser();

    /** One case: which seed, which random stream. Its description is enough to replay it. */
    record Case(FuzzSeeds.Seed seed, long random, String contentType) {
        byte[] document() {
            return Mutator.mutate(seed.bytes(), SEEDS, new Random(random));
        }
    }

    @Test
    void parsesOrRefusesEveryMutatedDocument() throws IOException {
        long seed = FuzzTries.seed();
        java.util.SplittableRandom random = FuzzTries.random(seed);
        int tries = FuzzTries.tries(2500);
        for (int i = 0; i < tries; i++) {
            String contentType = random.nextInt(10) < 3 ? null : CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
            Case fuzzCase = new Case(SEEDS.get(random.nextInt(SEEDS.size())), random.nextLong(), contentType);
            check(fuzzCase, "run seed " + seed + ", case " + i);
        }
    }

    private void check(Case fuzzCase, String where) throws IOException {
        byte[] document = fuzzCase.document();
        try {
            FuzzCheck.Outcome outcome = FuzzCheck.check(
                    () -> parser.parse(document, URI.create("https://fuzz.example/feed/"), fuzzCase.contentType()),
                    FeedParseException.class, document.length);
            STATS.add(outcome, FeedParseException.class, document.length);
        } catch (AssertionError | RuntimeException e) {
            save("feed", fuzzCase.toString(), document);
            throw new AssertionError(where + " (" + fuzzCase + "): " + e.getMessage(), e);
        }
    }

    @Test
    void everySeedIsUsable() {
        assertThat(SEEDS).hasSizeGreaterThan(15);
    }

    @AfterAll
    static void report() throws IOException {
        FuzzReport.write("feed-parser", STATS.summary("FeedParser.parse") + "; seeds " + SEEDS.size());
    }

    /** Keeps a failing input under target/fuzz-failures/ so it can become a regression file. */
    static void save(String kind, String description, byte[] document) throws IOException {
        Path folder = Path.of("target", "fuzz-failures", kind);
        Files.createDirectories(folder);
        String name = Integer.toHexString(description.hashCode()) + "-" + Integer.toHexString(java.util.Arrays.hashCode(document));
        Files.write(folder.resolve(name + ".bin"), document);
        Files.writeString(folder.resolve(name + ".txt"), description + "\n");
    }
}
