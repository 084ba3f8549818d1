package org.tidings.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;

/**
 * Hostile feed documents that HostileInputTest does not cover: XXE over http (the loopback server
 * must see no request), entities in Atom and JSON, invalid UTF-8, lone surrogates, control and
 * escape characters, absurd dates, huge category lists and item counts. docs/SECURITY.md.
 */
class HostileDocumentTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String document) throws FeedParseException {
        return parser.parse(document.getBytes(StandardCharsets.UTF_8), null, null);
    }

    @Nested
    class ExternalEntities {
        private HttpServer server;
        private final AtomicInteger requests = new AtomicInteger();

        @BeforeEach
        void startServer() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                byte[] body = "<!ENTITY stolen \"REMOTE-CONTENT\">".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        @AfterEach
        void stopServer() {
            server.stop(0);
        }

        private String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Test
        void httpExternalEntityInRssIsNeverFetched() throws Exception {
            ParsedFeed feed = parse("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + base()
                    + "/xxe\">]><rss version=\"2.0\"><channel><title>T&xxe;</title><item><title>I&xxe;</title>"
                    + "<description>&xxe;</description></item></channel></rss>");

            assertThat(feed.title()).isEqualTo("T");
            assertThat(feed.entries().get(0).title()).isEqualTo("I");
            assertThat(feed.toString()).doesNotContain("REMOTE-CONTENT");
            assertThat(requests).hasValue(0);
        }

        @Test
        void httpParameterEntityAndRemoteDtdInAtomAreNeverFetched() throws Exception {
            ParsedFeed feed = parse("<!DOCTYPE feed SYSTEM \"" + base() + "/feed.dtd\" [<!ENTITY % remote SYSTEM \""
                    + base() + "/evil.dtd\"> %remote;]><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A&stolen;"
                    + "</title><entry><id>1</id><title>E</title></entry></feed>");

            assertThat(feed.title()).isEqualTo("A");
            assertThat(feed.toString()).doesNotContain("REMOTE-CONTENT");
            assertThat(requests).hasValue(0);
        }

        @Test
        void fileExternalEntityInAtomLeaksNothing() throws Exception {
            ParsedFeed feed = parse("<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                    + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A&xxe;</title><entry><id>1</id>"
                    + "<title>E&xxe;</title><content type=\"html\">&xxe;</content></entry></feed>");

            assertThat(feed.title()).isEqualTo("A");
            assertThat(feed.toString()).doesNotContain("root:");
        }

        @Test
        void xIncludeIsNotProcessed() throws Exception {
            ParsedFeed feed = parse("<rss version=\"2.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><channel>"
                    + "<title>X</title><item><title>I</title><description><xi:include href=\"file:///etc/passwd\""
                    + " parse=\"text\"/><xi:include href=\"" + base() + "/inc\" parse=\"text\"/></description>"
                    + "</item></channel></rss>");

            assertThat(feed.toString()).doesNotContain("root:").doesNotContain("REMOTE-CONTENT");
            assertThat(requests).hasValue(0);
        }

        @Test
        void xxeInsideABrokenDocumentReadLenientlyLeaksNothing() throws Exception {
            ParsedFeed feed = parse("<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + base() + "/xxe\">]>"
                    + "<rss><channel><title>B&xxe;</title><item><title>I &amp broken</title></channel>");

            assertThat(feed.recovered()).isTrue();
            assertThat(feed.toString()).doesNotContain("REMOTE-CONTENT");
            assertThat(requests).hasValue(0);
        }
    }

    @Nested
    class Encodings {
        @Test
        void invalidUtf8IsReadWithoutFailing() throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>caf".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xC0, (byte) 0x80});
            out.writeBytes("</title><item><title>x".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
            out.writeBytes("</title></item></channel></rss>".getBytes(StandardCharsets.US_ASCII));

            ParsedFeed feed = parser.parse(out.toByteArray(), null, "application/rss+xml; charset=utf-8");

            assertThat(feed.title()).startsWith("caf");
            assertThat(feed.entries()).hasSize(1);
        }

        @Test
        void loneSurrogatesEncodedInUtf8AreReadWithoutFailing() throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("<rss version=\"2.0\"><channel><title>a".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // U+D800 as CESU bytes
            out.writeBytes("b</title></channel></rss>".getBytes(StandardCharsets.US_ASCII));

            ParsedFeed feed = parser.parse(out.toByteArray(), null, null);

            assertThat(feed.title()).startsWith("a").endsWith("b");
            assertNoLoneSurrogates(feed.title());
        }

        @Test
        void loneSurrogateCharacterReferencesAreDropped() throws Exception {
            ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>a&#xD800;b&#xDFFF;c</title><item>"
                    + "<title>&#55296;x</title></item></channel></rss>");

            assertNoLoneSurrogates(feed.title());
            assertNoLoneSurrogates(feed.entries().get(0).title());
            assertThat(feed.title()).contains("a").contains("c");
        }

        @Test
        void loneSurrogatesInUtf16AreReadWithoutFailing() throws Exception {
            String text = "<rss version=\"2.0\"><channel><title>a\uD800b</title><item><title>\uDC00</title></item>"
                    + "</channel></rss>";
            byte[] bytes = new byte[2 + text.length() * 2];
            bytes[0] = (byte) 0xFE;
            bytes[1] = (byte) 0xFF;
            for (int i = 0; i < text.length(); i++) {
                bytes[2 + 2 * i] = (byte) (text.charAt(i) >> 8);
                bytes[3 + 2 * i] = (byte) text.charAt(i);
            }

            ParsedFeed feed = parser.parse(bytes, null, null);

            assertNoLoneSurrogates(feed.title());
            assertThat(feed.entries()).hasSize(1);
        }

        @Test
        void loneSurrogateEscapesInJsonFeedAreReadWithoutFailing() throws Exception {
            ParsedFeed feed = parse("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"a\\ud800b\","
                    + "\"items\":[{\"id\":\"1\",\"title\":\"\\udc00\\u0000\\u001b[2J\",\"content_text\":\"x\"}]}");

            assertThat(feed.entries()).hasSize(1);
        }
    }

    @Nested
    class ControlCharacters {
        @Test
        void rawNulAndControlCharactersAreRemoved() throws Exception {
            ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>a\u0000b\u0001c\u0008d</title><item>"
                    + "<title>x\u001fy</title><author>me\u0000@x.example</author></item></channel></rss>");

            assertThat(feed.title()).isEqualTo("abcd");
            assertThat(feed.entries().get(0).title()).isEqualTo("xy");
            assertThat(feed.recovered()).isTrue();
        }

        @Test
        void escapeSequencesInTitlesAuthorsAndBodiesNeverSurviveAsRawEscapes() throws Exception {
            String csi = "\u001b[2J\u001b[31m";
            String osc52 = "\u001b]52;c;cm0gLXJmIH4K\u0007";
            String osc8 = "\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\";
            ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>T" + csi + "</title><item><title>I" + osc52
                    + "</title><author>A" + osc8 + "</author><description>B" + csi + osc52 + osc8
                    + "</description></item></channel></rss>");

            assertThat(feed.toString()).doesNotContain("\u001b");
            assertThat(feed.title()).startsWith("T");
            assertThat(feed.entries()).hasSize(1);
        }
    }

    @Nested
    class Dates {
        private List<Entry> entries(String... dates) throws Exception {
            StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>d</title>");
            for (String date : dates) {
                xml.append("<item><title>").append(date).append("</title><pubDate>").append(date)
                        .append("</pubDate></item>");
            }
            return parse(xml.append("</channel></rss>").toString()).entries();
        }

        @Test
        void absurdRssDatesAreDroppedOrKeptWithoutFailing() throws Exception {
            List<Entry> entries = entries("Sat, 01 Jan 0000 00:00:00 GMT", "Fri, 31 Dec 99999 23:59:59 GMT",
                    "Mon, 01 Jan -0001 00:00:00 GMT", "Thu, 01 Jan 1970 00:00:00 +9999", "Tue, 31 Feb 2026 25:61:61 GMT",
                    "99999999999999999999", "-1");

            assertThat(entries).hasSize(7);
            for (Entry entry : entries) {
                assertSane(entry.published());
            }
        }

        @Test
        void absurdAtomDatesAreDroppedOrKeptWithoutFailing() throws Exception {
            ParsedFeed feed = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>d</title>"
                    + "<entry><id>1</id><title>a</title><updated>0000-01-01T00:00:00Z</updated></entry>"
                    + "<entry><id>2</id><title>b</title><updated>99999-12-31T23:59:59Z</updated></entry>"
                    + "<entry><id>3</id><title>c</title><updated>-0001-01-01T00:00:00Z</updated>"
                    + "<published>+999999999-12-31T23:59:59Z</published></entry></feed>");

            assertThat(feed.entries()).hasSize(3);
            for (Entry entry : feed.entries()) {
                assertSane(entry.published());
                assertSane(entry.updated());
            }
        }

        @Test
        void absurdJsonFeedDatesAreDroppedOrKeptWithoutFailing() throws Exception {
            ParsedFeed feed = parse("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"j\",\"items\":["
                    + "{\"id\":\"1\",\"date_published\":\"0000-01-01T00:00:00Z\"},"
                    + "{\"id\":\"2\",\"date_published\":\"99999-01-01T00:00:00Z\"},"
                    + "{\"id\":\"3\",\"date_published\":\"-0001-01-01T00:00:00Z\",\"date_modified\":-5}]}");

            assertThat(feed.entries()).hasSize(3);
            for (Entry entry : feed.entries()) {
                assertSane(entry.published());
                assertSane(entry.updated());
            }
        }

        /** A date is absent or within what SQLite text, java.time and the screen can all show. */
        private void assertSane(Instant instant) {
            if (instant != null) {
                assertThat(instant).isBetween(Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"));
            }
        }
    }

    @Nested
    class Volume {
        @Test
        @Timeout(60)
        void tenThousandCategoriesOnOneItemAreRead() throws Exception {
            StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>c</title><item><title>i</title>");
            for (int i = 0; i < 10_000; i++) {
                xml.append("<category>topic ").append(i).append("</category>");
            }
            ParsedFeed feed = parse(xml.append("</item></channel></rss>").toString());

            assertThat(feed.entries().get(0).categories()).hasSize(10_000).startsWith("topic 0").endsWith("topic 9999");
        }

        /**
         * Finding 5: the duplicate check on categories was a list scan, quadratic in their number
         * (40,000 categories took 25 s, a 20 MB feed of them hours). Now a hash lookup.
         */
        @Test
        @Timeout(120)
        void twoHundredThousandCategoriesDoNotTakeQuadraticTime() throws Exception {
            StringBuilder xml = new StringBuilder("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>c</title>"
                    + "<entry><id>1</id><title>e</title>");
            for (int i = 0; i < 200_000; i++) {
                xml.append("<category term=\"t").append(i).append("\"/>");
            }
            ParsedFeed feed = parse(xml.append("<category term=\"t7\"/></entry></feed>").toString());

            assertThat(feed.entries().get(0).categories()).hasSize(200_000).startsWith("t0", "t1").endsWith("t199999");
        }
    }

    private static void assertNoLoneSurrogates(String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))).as(text).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate in " + text).isFalse();
            }
        }
    }
}
