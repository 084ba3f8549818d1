package org.tidings.fuzz;

import java.io.IOException;
import java.util.ArrayList;
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
import org.tidings.opml.OpmlException;
import org.tidings.opml.OpmlReader;

/**
 * Mutation fuzzing of {@link OpmlReader#read(byte[])}: the OPML fixtures and feeds.opml, mutated
 * (feed documents are donors for splices). Every case returns a document or throws {@link
 * OpmlException} with a one-line message, within the bounds of {@link FuzzCheck}. The normal suite
 * runs 1,500 cases; {@code -Dtidings.fuzz.tries=N} runs more.
 */
class OpmlReaderFuzzTest {
    private static final List<FuzzSeeds.Seed> SEEDS = FuzzSeeds.opml();
    private static final List<FuzzSeeds.Seed> DONORS = donors();
    private static final FuzzCheck.Stats STATS = new FuzzCheck.Stats();

    private final OpmlReader reader = new OpmlReader();

    private static List<FuzzSeeds.Seed> donors() {
        List<FuzzSeeds.Seed> donors = new ArrayList<>(SEEDS);
        List<FuzzSeeds.Seed> feeds = FuzzSeeds.feeds();
        donors.addAll(feeds.subList(0, Math.min(feeds.size(), 40)));
        return List.copyOf(donors);
    }

    record Case(FuzzSeeds.Seed seed, long random) {
        byte[] document() {
            return Mutator.mutate(seed.bytes(), DONORS, new Random(random));
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.longs()).as(Case::new);
    }

    @Property(tries = 1500, shrinking = ShrinkingMode.OFF)
    @AddLifecycleHook(FuzzTries.class)
    void readsOrRefusesEveryMutatedDocument(@ForAll("cases") Case fuzzCase) throws IOException {
        byte[] document = fuzzCase.document();
        try {
            FuzzCheck.Outcome outcome = FuzzCheck.check(() -> reader.read(document), OpmlException.class, document.length);
            STATS.add(outcome, OpmlException.class, document.length);
        } catch (AssertionError | RuntimeException e) {
            FeedParserFuzzTest.save("opml", fuzzCase.toString(), document);
            throw e;
        }
    }

    @AfterContainer
    static void report() throws IOException {
        FuzzReport.write("opml-reader", STATS.summary("OpmlReader.read") + "; seeds " + SEEDS.size());
    }
}
