package org.tidings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import org.tidings.parse.FeedParseException;
import org.tidings.parse.FeedParser;

/**
 * Mutation fuzzing of {@link FeedParser#parse}: real documents (fixtures and, when present, the
 * shared corpus) with byte flips, truncations, splices, entities, control characters, deep nesting,
 * hostile DOCTYPEs, invalid UTF-8 and false encodings. Every case returns a feed or throws
 * {@link FeedParseException} with a one-line message, within the time and allocation bounds of
 * {@link FuzzCheck}. The normal suite runs 2,500 cases; {@code -Dtidings.fuzz.tries=N} runs more
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

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.longs(), Arbitraries.of(CONTENT_TYPES).injectNull(0.3))
                .as(Case::new);
    }

    @Property(tries = 2500, shrinking = ShrinkingMode.OFF)
    @AddLifecycleHook(FuzzTries.class)
    void parsesOrRefusesEveryMutatedDocument(@ForAll("cases") Case fuzzCase) throws IOException {
        byte[] document = fuzzCase.document();
        try {
            FuzzCheck.Outcome outcome = FuzzCheck.check(
                    () -> parser.parse(document, URI.create("https://fuzz.example/feed/"), fuzzCase.contentType()),
                    FeedParseException.class, document.length);
            STATS.add(outcome, FeedParseException.class, document.length);
        } catch (AssertionError | RuntimeException e) {
            save("feed", fuzzCase.toString(), document);
            throw e;
        }
    }

    @Property(tries = 1, shrinking = ShrinkingMode.OFF)
    void everySeedIsUsable() {
        assertThat(SEEDS).hasSizeGreaterThan(15);
    }

    @AfterContainer
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
