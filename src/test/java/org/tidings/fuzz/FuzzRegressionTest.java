package org.tidings.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tidings.model.ParsedFeed;
import org.tidings.opml.OpmlException;
import org.tidings.opml.OpmlReader;
import org.tidings.parse.FeedParseException;
import org.tidings.parse.FeedParser;

/**
 * Every input the fuzzers ever broke tidings with (src/test/resources/fuzz/), replayed: each one
 * now parses or is refused with the documented exception. Named tests pin what each finding
 * must produce (docs/SECURITY.md "Findings").
 */
class FuzzRegressionTest {
    private final FeedParser parser = new FeedParser();
    private final OpmlReader reader = new OpmlReader();

    @TestFactory
    Stream<DynamicTest> everySavedFeedInputParsesOrIsRefused() {
        return FuzzSeeds.regressions("feed").stream().map(seed -> DynamicTest.dynamicTest(seed.name(), () ->
                FuzzCheck.check(() -> parser.parse(seed.bytes(), URI.create("https://fuzz.example/feed/"), null),
                        FeedParseException.class, seed.bytes().length)));
    }

    @TestFactory
    Stream<DynamicTest> everySavedOpmlInputReadsOrIsRefused() {
        return FuzzSeeds.regressions("opml").stream().map(seed -> DynamicTest.dynamicTest(seed.name(), () ->
                FuzzCheck.check(() -> reader.read(seed.bytes()), OpmlException.class, seed.bytes().length)));
    }

    /** Finding 1: jsoup decoded {@code &#x1B;} in a broken document and JDOM threw IllegalDataException. */
    @Test
    void lenientlyReadDocumentWithEscapeCharacterReferenceIsRead() throws Exception {
        ParsedFeed feed = parser.parse(bytes("lenient-decoded-control-references-minimal.xml"), null, null);

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.title()).isEqualTo("a [2J b");
        assertThat(feed.entries()).hasSize(1);
        assertThat(feed.entries().get(0).title()).isEqualTo("x]52;c;aGk=");
    }

    /** Finding 1, the input as the fuzzer found it (an Atom 0.3 fixture with a mutated title). */
    @Test
    void fuzzedAtomTitleWithEscapeReferenceIsReadLeniently() throws Exception {
        ParsedFeed feed = parser.parse(bytes("lenient-decoded-escape-reference.xml"), null, null);

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.toString()).doesNotContain("\u001b");
    }

    /**
     * Finding 2: a document ending inside its internal DTD subset made the JDK's parser print a
     * stack trace (java.io.EOFException) to stderr, which is the reader's terminal.
     */
    @Test
    void documentEndingInsideItsDoctypePrintsNothing() {
        for (String name : new String[] {"ends-inside-doctype-parameter-entity.xml",
            "ends-inside-doctype-entity-literal.xml", "ends-inside-doctype-after-bracket.xml",
            "ends-inside-doctype-after-control-character-repair.xml", "ends-inside-doctype-utf16-fuzzed.xml"}) {
            byte[] document = bytes(name);

            FuzzCheck.Outcome outcome = FuzzCheck.check(() -> parser.parse(document, null, null),
                    FeedParseException.class, document.length);

            assertThat(outcome.value()).as(name).isInstanceOf(FeedParseException.class);
            assertThat(((Exception) outcome.value()).getMessage()).as(name).startsWith("not XML: ");
        }
    }

    /** Finding 2, the other side: a closed internal subset is still read strictly. */
    @Test
    void closedInternalSubsetIsStillReadStrictly() throws Exception {
        ParsedFeed feed = parser.parse(("<!DOCTYPE rss [<!ENTITY a \"entity text\"><!-- ]> -->]>"
                + "<rss version=\"2.0\"><channel><title>&a;</title></channel></rss>").getBytes(StandardCharsets.UTF_8),
                null, null);

        assertThat(feed.title()).isEqualTo("entity text");
        assertThat(feed.recovered()).isFalse();
    }

    /** Finding 3: a broken document declaring a namespace URI JDOM refuses threw IllegalNameException. */
    @Test
    void lenientlyReadDocumentWithIllegalNamespaceUriIsRead() throws Exception {
        ParsedFeed feed = parser.parse(bytes("lenient-illegal-namespace-uri-minimal.xml"), null, null);

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.title()).isEqualTo("ns");
        assertThat(feed.entries()).extracting(e -> e.title()).containsExactly("i");
    }

    /**
     * Finding 4 (found while minimizing finding 3): a well-formed feed declaring a namespace URI
     * that starts with a digit made JDOM's factory throw IllegalNameException out of the strict parse.
     */
    @Test
    void wellFormedFeedWithNamespaceUriJdomRefusesIsReadLeniently() throws Exception {
        ParsedFeed feed = parser.parse(bytes("well-formed-illegal-namespace-uri.xml"), null, null);

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.title()).isEqualTo("ns");
        assertThat(feed.entries()).extracting(e -> e.title()).containsExactly("i");
    }

    /**
     * Finding 7 (long fuzz run): JDOM parses a processing instruction's data as pseudo-attributes
     * in quadratic time; a 290 KB {@code <?xml-stylesheet} with 16,000 {@code text="a"} inside
     * allocated 4.8 GB (a 20 MB one would take hours). The allocation check of FuzzCheck pins it.
     */
    @Test
    void hugeProcessingInstructionIsNotParsedQuadratically() throws Exception {
        byte[] fuzzed = bytes("quadratic-processing-instruction-fuzzed.xml");
        FuzzCheck.check(() -> parser.parse(fuzzed, null, "text/xml"), FeedParseException.class, fuzzed.length);

        String pseudoAttributes = " a=\"b\"".repeat(200_000);
        byte[] wellFormed = ("<?xml version=\"1.0\"?><?xml-stylesheet" + pseudoAttributes + "?><rss version=\"2.0\">"
                + "<channel><title>pi</title></channel></rss>").getBytes(StandardCharsets.UTF_8);
        FuzzCheck.Outcome outcome = FuzzCheck.check(() -> parser.parse(wellFormed, null, null), FeedParseException.class,
                wellFormed.length);

        assertThat(((ParsedFeed) outcome.value()).title()).isEqualTo("pi");
        assertThat(((ParsedFeed) outcome.value()).recovered()).isFalse();
    }

    private static byte[] bytes(String name) {
        return FuzzSeeds.regressions("feed").stream().filter(seed -> seed.name().equals(name)).findFirst()
                .orElseThrow().bytes();
    }
}
