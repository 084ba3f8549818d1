package org.tidings.opml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Broken and hostile OPML: each gets one clear line, nothing is imported, nothing is fetched. */
class HostileOpmlTest {
    private final OpmlReader reader = new OpmlReader();

    private OpmlException failure(String xml) {
        return catchThrowableOfType(OpmlException.class, () -> reader.read(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class Malformed {
        @Test
        void anUnclosedOutlineNamesLineAndColumn() {
            OpmlException e = failure("""
                    <?xml version="1.0"?>
                    <opml version="2.0">
                      <body>
                        <outline text="News">
                          <outline text="a" xmlUrl="https://a.example/"/>
                      </body>
                    </opml>""");

            assertThat(e.line()).isEqualTo(6);
            assertThat(e.column()).isEqualTo(5);
            assertThat(e.getMessage()).isEqualTo("malformed OPML at line 6, column 5: The element type \"outline\""
                    + " must be terminated by the matching end-tag \"</outline>\".");
        }

        @Test
        void anUnquotedAttributeNamesLineAndColumn() {
            OpmlException e = failure("<opml>\n<body>\n<outline text=News xmlUrl=\"https://a.example/\"/>\n</body></opml>");

            assertThat(e.getMessage()).startsWith("malformed OPML at line 3, column 15: ");
            assertThat(e.getMessage()).doesNotContain("\n");
        }

        @Test
        void aTruncatedFileNamesWhereItEnds() {
            OpmlException e = failure("<opml>\n<body>\n<outline text=\"a\" xmlUrl=\"https://a.example/\"/>\n");

            assertThat(e.getMessage()).startsWith("malformed OPML at line 4, column 1: ");
            assertThat(e.line()).isEqualTo(4);
        }

        @Test
        void lineNumbersCountTheIgnoredLeadingWhitespace() {
            OpmlException e = failure("\n\n<?xml version=\"1.0\"?>\n<opml><body><oops></body></opml>");

            assertThat(e.line()).isEqualTo(4);
        }

        @Test
        void anotherRootElementIsNotOpml() {
            assertThat(failure("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>").getMessage())
                    .isEqualTo("not an OPML document: the root element is <rss>, not <opml> (line 2, column 20)");
        }

        @Test
        void anHtmlPageIsNotOpml() {
            assertThat(failure("  <!DOCTYPE html>\n<html><head><title>Feeds</title></head><body><p>hi</body></html>")
                    .getMessage()).isEqualTo("not an OPML document: this looks like an HTML page");
        }

        @Test
        void anEmptyFileIsNotOpml() {
            assertThat(failure("").getMessage()).isEqualTo("not an OPML document: the file is empty");
            assertThat(failure(" \n\t ").getMessage()).isEqualTo("not an OPML document: the file is empty");
        }

        @Test
        void opmlWithoutBodyIsNotASubscriptionList() {
            assertThat(failure("<opml version=\"2.0\"><head><title>t</title></head></opml>").getMessage())
                    .isEqualTo("not an OPML document: no <body> element (line 1, column 57)");
        }

        @Test
        void binaryGarbageIsMalformed() {
            byte[] garbage = new byte[512];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = (byte) (i * 37 + 11);
            }
            OpmlException e = catchThrowableOfType(OpmlException.class, () -> reader.read(garbage));

            assertThat(e.getMessage()).startsWith("malformed OPML at line 1, column ");
            assertThat(e.getMessage()).doesNotContain("\n");
        }

        @Test
        void textAfterTheRootElementIsMalformed() {
            assertThat(failure("<opml><body/></opml>\n<opml><body/></opml>").getMessage())
                    .startsWith("malformed OPML at line 2, column ");
        }
    }

    @Nested
    class Entities {
        private HttpServer server;
        private final AtomicInteger requests = new AtomicInteger();

        @BeforeEach
        void startServer() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                byte[] body = "<!ENTITY stolen \"remote entity content\">".getBytes(StandardCharsets.UTF_8);
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
        void anExternalFileEntityIsRefused() {
            OpmlException e = failure("""
                    <?xml version="1.0"?>
                    <!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                    <opml><head><title>&xxe;</title></head><body/></opml>""");

            assertThat(e.getMessage()).isEqualTo("refused: the DOCTYPE declares entities (XXE and entity expansion are"
                    + " not allowed) (line 2, column 16)");
        }

        @Test
        void anExternalHttpEntityIsRefusedWithoutARequest() {
            OpmlException e = failure("<!DOCTYPE opml [<!ENTITY xxe SYSTEM \"" + base() + "/xxe\">]>"
                    + "<opml><body><outline text=\"&xxe;\" xmlUrl=\"https://a.example/\"/></body></opml>");

            assertThat(e.getMessage()).startsWith("refused: the DOCTYPE declares entities");
            assertThat(requests).hasValue(0);
        }

        @Test
        void aParameterEntityFetchingARemoteDtdIsRefusedWithoutARequest() {
            OpmlException e = failure("<!DOCTYPE opml [<!ENTITY % remote SYSTEM \"" + base() + "/evil.dtd\"> %remote;]>"
                    + "<opml><body><outline text=\"&stolen;\" xmlUrl=\"https://a.example/\"/></body></opml>");

            assertThat(e.getMessage()).startsWith("refused: the DOCTYPE declares entities");
            assertThat(requests).hasValue(0);
        }

        @Test
        void anExternalDtdIsNeverFetched() throws Exception {
            OpmlDocument document = reader.read(("<!DOCTYPE opml SYSTEM \"" + base() + "/opml.dtd\">"
                    + "<opml><body><outline text=\"a\" xmlUrl=\"https://a.example/\"/></body></opml>")
                    .getBytes(StandardCharsets.UTF_8));

            assertThat(document.subscriptions()).hasSize(1);
            assertThat(requests).hasValue(0);
        }

        @Test
        void anUndeclaredEntityIsNotResolvedFromAnywhere() throws Exception {
            OpmlDocument document = reader.read(("<!DOCTYPE opml SYSTEM \"" + base() + "/opml.dtd\">"
                    + "<opml><body><outline text=\"&stolen;\" xmlUrl=\"https://a.example/\"/></body></opml>")
                    .getBytes(StandardCharsets.UTF_8));

            assertThat(document.subscriptions().get(0).title()).isNull();
            assertThat(requests).hasValue(0);
        }

        @Test
        void billionLaughsIsRefused() {
            StringBuilder dtd = new StringBuilder("<!DOCTYPE opml [<!ENTITY lol0 \"lol\">");
            for (int i = 1; i <= 9; i++) {
                String previous = "&lol" + (i - 1) + ";";
                dtd.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
            }
            dtd.append("]>");

            OpmlException e = failure(dtd + "<opml><head><title>&lol9;</title></head><body/></opml>");

            assertThat(e.getMessage()).startsWith("refused: the DOCTYPE declares entities");
        }
    }

    @Nested
    class Limits {
        @Test
        void aDocumentLargerThanTheLimitIsRefused() {
            byte[] big = new byte[OpmlReader.DEFAULT_MAX_BYTES + 1];

            assertThatThrownBy(() -> reader.read(big))
                    .isInstanceOf(OpmlException.class)
                    .hasMessage("OPML document is larger than 10 MiB; refused");
        }

        @Test
        void anEndlessStreamIsReadOnlyUpToTheLimit() {
            AtomicLong served = new AtomicLong();
            InputStream endless = new InputStream() {
                @Override
                public int read() {
                    served.incrementAndGet();
                    return ' ';
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                    served.addAndGet(len);
                    return len;
                }
            };

            assertThatThrownBy(() -> new OpmlReader(4096).read(endless))
                    .isInstanceOf(OpmlException.class)
                    .hasMessage("OPML document is larger than 4096 bytes; refused");
            assertThat(served.get()).isLessThanOrEqualTo(4097 + 8192);
        }

        @Test
        void deeplyNestedOutlinesAreRefused() {
            String open = "<outline text=\"a\">".repeat(10_000);
            String close = "</outline>".repeat(10_000);

            OpmlException e = failure("<opml><body>" + open + close + "</body></opml>");

            assertThat(e.getMessage()).isEqualTo("outlines are nested deeper than 64 levels (line 1, column 1183)");
        }

        @Test
        void deeplyNestedOtherElementsAreRefused() {
            String open = "<x>".repeat(100_000);

            OpmlException e = failure("<opml><body>" + open + "<outline/>".repeat(100_000));

            assertThat(e.getMessage()).isEqualTo("elements are nested deeper than 100 levels (line 1, column 310)");
        }

        @Test
        void sixtyFourLevelsAreStillRead() throws Exception {
            String open = "<outline text=\"a\">".repeat(63);
            String close = "</outline>".repeat(63);

            OpmlDocument document = reader.read(("<opml><body>" + open
                    + "<outline text=\"f\" xmlUrl=\"https://a.example/\"/>" + close + "</body></opml>")
                    .getBytes(StandardCharsets.UTF_8));

            assertThat(document.subscriptions().get(0).folder()).isEqualTo(String.join("/", java.util.Collections.nCopies(63, "a")));
        }

        @Test
        void aLargeRealisticListIsRead() throws Exception {
            StringBuilder xml = new StringBuilder("<opml version=\"2.0\"><body>");
            for (int folder = 0; folder < 100; folder++) {
                xml.append("<outline text=\"Folder ").append(folder).append("\">");
                for (int feed = 0; feed < 200; feed++) {
                    xml.append("<outline type=\"rss\" text=\"Feed ").append(feed).append("\" xmlUrl=\"https://f")
                            .append(folder).append(".example/").append(feed).append("\"/>");
                }
                xml.append("</outline>");
            }
            xml.append("</body></opml>");

            OpmlDocument document = reader.read(xml.toString().getBytes(StandardCharsets.UTF_8));

            assertThat(document.subscriptions()).hasSize(20_000);
            assertThat(document.folders()).hasSize(100);
        }
    }
}
