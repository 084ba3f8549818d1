package org.tidings.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;

/** Broken documents: strict first, then repaired, then read leniently; always flagged as recovered. */
class LenientParsingTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String fixture) throws FeedParseException {
        return parser.parse(Fixtures.feed(fixture), null, null);
    }

    @Test
    void escapesBareAmpersands() throws Exception {
        ParsedFeed feed = parse("rss20-unescaped-ampersand.xml");

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.warnings()).containsExactly("escaped bare '&' characters");
        assertThat(feed.title()).isEqualTo("Tom & Jerry News");
        assertThat(feed.link()).isEqualTo("http://example.com/?a=1&b=2");
        assertThat(feed.entries().get(0).title()).isEqualTo("AT&T merger & more");
        assertThat(feed.entries().get(0).link()).isEqualTo("http://example.com/item?id=1&ref=rss");
    }

    @Test
    void replacesUndeclaredHtmlEntities() throws Exception {
        ParsedFeed feed = parse("rss20-undeclared-entities.xml");

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.warnings()).containsExactly("replaced HTML entities that XML does not declare (such as &nbsp;)");
        assertThat(feed.title()).isEqualTo("Caf\u00e9 News");
        assertThat(feed.entries().get(0).title()).isEqualTo("Price: \u20ac5 \u2014 cheap & good");
    }

    @Test
    void readsLatin1BytesDeclaredAsUtf8() throws Exception {
        ParsedFeed feed = parse("rss20-wrong-declared-encoding.xml");

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.warnings())
                .containsExactly("declared encoding UTF-8 does not match the bytes; read as windows-1252");
        assertThat(feed.title()).isEqualTo("Caf\u00e9 Fran\u00e7ais");
        assertThat(feed.entries().get(0).title()).isEqualTo("No\u00ebl");
    }

    @Test
    void readsUtf8BytesDeclaredAsLatin1() throws Exception {
        byte[] document = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel>"
                + "<title>\ud14c\uc2a4\ud2b8 Caf\u00e9</title></channel></rss>").getBytes(StandardCharsets.UTF_8);

        ParsedFeed feed = parser.parse(document, null, null);

        assertThat(feed.title()).isEqualTo("\ud14c\uc2a4\ud2b8 Caf\u00e9");
        assertThat(feed.recovered()).isTrue();
    }

    @Test
    void usesTheCharsetOfTheContentType() throws Exception {
        byte[] document = "<rss><channel><title>Caf\u00e9</title></channel></rss>".getBytes(StandardCharsets.ISO_8859_1);

        ParsedFeed feed = parser.parse(document, null, "application/rss+xml; charset=ISO-8859-1");

        assertThat(feed.title()).isEqualTo("Caf\u00e9");
    }

    @Test
    void acceptsAByteOrderMarkWithoutComplaint() throws Exception {
        ParsedFeed feed = parse("rss20-bom.xml");

        assertThat(feed.recovered()).isFalse();
        assertThat(feed.title()).isEqualTo("With BOM");
    }

    @Test
    void removesWhitespaceBeforeTheXmlDeclaration() throws Exception {
        ParsedFeed feed = parse("rss20-whitespace-before-declaration.xml");

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.warnings()).containsExactly("removed whitespace before the XML declaration");
        assertThat(feed.entries()).extracting(Entry::title).containsExactly("One");
    }

    @Test
    void removesJunkBeforeTheXmlDeclaration() throws Exception {
        String document = "Warning: x in <b>/var/www/x.php</b> on line 3<br />\n"
                + "<?xml version=\"1.0\"?><rss><channel><title>After junk</title></channel></rss>";

        ParsedFeed feed = parser.parse(document.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(feed.title()).isEqualTo("After junk");
        assertThat(feed.warnings()).containsExactly("removed 52 characters before the XML declaration");
    }

    @Test
    void readsGb2312DeclarationAsGb18030() throws Exception {
        byte[] document = "<?xml version=\"1.0\" encoding=\"gb2312\"?><rss><channel><title>\u65b0\u95fb\u20ac</title></channel></rss>"
                .getBytes(java.nio.charset.Charset.forName("GB18030"));

        ParsedFeed feed = parser.parse(document, null, null);

        assertThat(feed.title()).isEqualTo("\u65b0\u95fb\u20ac");
        assertThat(feed.recovered()).isFalse();
    }

    @Test
    void dropsControlCharacters() throws Exception {
        ParsedFeed feed = parse("rss20-control-characters.xml");

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.warnings()).containsExactly("removed control characters that XML forbids");
        assertThat(feed.title()).isEqualTo("Control chars here");
        assertThat(feed.entries().get(0).title()).isEqualTo("Bell item");
    }

    @Test
    void recoversItemsOfATruncatedDocument() throws Exception {
        ParsedFeed feed = parse("rss20-truncated.xml");

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.warnings()).singleElement().asString()
                .startsWith("not well-formed XML (")
                .endsWith("); read leniently");
        assertThat(feed.title()).isEqualTo("Cut short");
        assertThat(feed.entries()).extracting(Entry::title).containsExactly("Complete item", "Half an item");
        assertThat(feed.entries().get(0).published()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(feed.entries().get(1).link()).isEqualTo("http://example.com/2");
    }

    @Test
    void leavesOutTheCutOffTextOfATruncatedElement() throws Exception {
        String rss = "<rss><channel><title>T</title><item><title>Whole</title><link>http://example.com/1</link>"
                + "</item><item><title>Second</title><guid>urn:uuid:12";

        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(feed.entries()).extracting(Entry::title).containsExactly("Whole", "Second");
        assertThat(feed.entries().get(1).id()).isNull();
    }

    @Test
    void dropsAUtf8CharacterCutOffByTheEndOfTheDocument() throws Exception {
        byte[] whole = "<rss><channel><title>\u0627\u0631\u062f\u0648</title><item><title>\u0627\u0631"
                .getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);

        ParsedFeed feed = parser.parse(cut, null, null);

        assertThat(feed.title()).isEqualTo("\u0627\u0631\u062f\u0648");
        assertThat(feed.warnings()).contains("dropped an incomplete UTF-8 character at the end (truncated document)");
    }

    @Test
    void readsMixedCaseElementsDropsControlCharacterReferencesAndIgnoresTrailingGarbage() throws Exception {
        ParsedFeed feed = parse("rss20-mixed-case-and-trailing-garbage.xml");

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.title()).isEqualTo("Trailing \u00a9 garbage");
        assertThat(feed.entries()).extracting(Entry::title).containsExactly("Upper", "Bad char ref");
        assertThat(feed.entries().get(0).link()).isEqualTo("http://e.org/u");
        assertThat(feed.entries().get(0).published()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
    }

    @Test
    void readsUndeclaredNamespacePrefixesOfCommonModules() throws Exception {
        String rss = "<rss><channel><item><title>One</title><dc:creator>Ann</dc:creator>"
                + "<content:encoded><![CDATA[<p>x</p>]]></content:encoded></item></channel></rss>";

        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.entries().get(0).author()).isEqualTo("Ann");
        assertThat(feed.entries().get(0).contentHtml()).isEqualTo("<p>x</p>");
    }

    @Test
    void readsEntriesWhenTheRootTagIsDamaged() throws Exception {
        String atom = "<f<eed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://example.com/</id>"
                + "<title>Survivor</title></entry></feed>";

        ParsedFeed feed = parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.entries()).extracting(Entry::id).containsExactly("http://example.com/");
        assertThat(feed.entries()).extracting(Entry::title).containsExactly("Survivor");
    }

    @Test
    void refusesABrokenDocumentWithNothingFeedLike() {
        String html = "<html><body><p>Not <b>a feed</p></body>";

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> parser.parse(html.getBytes(StandardCharsets.UTF_8), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed: nothing in the broken document reads as RSS or Atom");
    }

    @Test
    void recoversMismatchedTags() throws Exception {
        String rss = "<rss><channel><title>Oops</title><item><title>A <b>bold</title></item></channel></rss>";

        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(feed.recovered()).isTrue();
        assertThat(feed.title()).isEqualTo("Oops");
        assertThat(feed.entries()).hasSize(1);
    }

    @Test
    void leavesWellFormedDocumentsUnflagged() throws Exception {
        ParsedFeed feed = parse("rss20-wordpress.xml");

        assertThat(feed.recovered()).isFalse();
        assertThat(feed.warnings()).isEmpty();
    }
}
