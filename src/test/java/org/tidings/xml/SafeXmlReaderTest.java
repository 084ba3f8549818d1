package org.tidings.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdom2.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The shared XML reader on its own; the feed parser's, OPML reader's and discovery's suites run it
 * on real documents (org.tidings.parse, org.tidings.opml, org.tidings.fetch).
 */
class SafeXmlReaderTest {
    private static final LenientXml.Lenience DOC_ROOT =
            new LenientXml.Lenience(Set.of("doc"), Map.of("dc", "http://purl.org/dc/elements/1.1/"), Set.of("part"));
    private final SafeXmlReader reader = new SafeXmlReader(DOC_ROOT);

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Reading {
        @Test
        void readsWellFormedBytesStrictlyWithoutWarnings() throws Exception {
            SafeXmlReader.Result result = reader.read(utf8("<?xml version=\"1.0\"?><doc><part>é</part></doc>"), null);

            assertThat(result.document().getRootElement().getChildText("part")).isEqualTo("é");
            assertThat(result.recovered()).isFalse();
            assertThat(result.warnings()).isEmpty();
        }

        @Test
        void aUtf8ContentTypeReadsTheSameWhateverTheDeclarationSays() throws Exception {
            String body = "<doc><part>\u00e9\u2019</part></doc>";
            for (String declaration : List.of("", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")) {
                SafeXmlReader.Result result = reader.read(utf8(declaration + body), "application/rss+xml; charset=UTF-8");

                assertThat(result.document().getRootElement().getChildText("part")).as(declaration).isEqualTo("\u00e9\u2019");
                assertThat(result.recovered()).as(declaration).isFalse();
            }
            // bytes that are not UTF-8 under a UTF-8 header: read by the careful path, as before
            byte[] latin1 = "<?xml version=\"1.0\"?><doc><part>caf\u00e9</part></doc>".getBytes(StandardCharsets.ISO_8859_1);
            SafeXmlReader.Result result = reader.read(latin1, "text/xml; charset=utf-8");
            assertThat(result.document().getRootElement().getChildText("part")).isEqualTo("caf\u00e9");
        }

        @Test
        void aDocumentEndingInsideItsDoctypeAfterAPrologCommentPrintsNothing() throws Exception {
            // A comment holding "<item" before the DOCTYPE once hid the DOCTYPE from the checks, and
            // the JDK's parser printed an EOFException's stack trace to the terminal (fuzz case).
            String document = "<!-- <item> a ]> -->\n<!DOCTYPE rss [\n  <!ENTITY id \"tag:example.com<item>\n</item>\n</rss>\n";
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            java.io.PrintStream before = System.err;
            System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                assertThatThrownBy(() -> reader.read(utf8(document), null)).isInstanceOf(XmlException.class);
                assertThatThrownBy(() -> reader.read(utf8("<?xml version=\"1.0\"?>" + document), "text/xml; charset=utf-8"))
                        .isInstanceOf(XmlException.class);
            } finally {
                System.setErr(before);
            }
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        }

        @Test
        void repairsHtmlEntitiesAndBareAmpersands() throws Exception {
            SafeXmlReader.Result result = reader.read(utf8("<doc><part>a&nbsp;b & c</part></doc>"), null);

            assertThat(result.document().getRootElement().getChildText("part")).isEqualTo("a\u00a0b & c");
            assertThat(result.recovered()).isTrue();
            assertThat(result.warnings()).containsExactly(
                    "replaced HTML entities that XML does not declare (such as &nbsp;)", "escaped bare '&' characters");
        }

        @Test
        void readsABrokenDocumentLenientlyFromTheRootTheCallerNames() throws Exception {
            SafeXmlReader.Result result = reader.read(utf8("junk <doc><part><dc:title>T</dc:title></part><part>cut"), null);

            Element root = result.document().getRootElement();
            assertThat(root.getName()).isEqualTo("doc");
            assertThat(root.getChildren("part")).hasSize(2);
            assertThat(root.getChildren("part").get(0).getChild("title",
                    org.jdom2.Namespace.getNamespace("http://purl.org/dc/elements/1.1/")).getText()).isEqualTo("T");
            assertThat(result.recovered()).isTrue();
            assertThat(result.warnings().get(result.warnings().size() - 1)).endsWith("; read leniently");
        }

        @Test
        void refusesAnEntityBomb() {
            StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE doc [<!ENTITY a0 \"lol\">");
            for (int i = 1; i < 10; i++) {
                dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
            }
            dtd.append("]><doc>&a9;</doc>");

            assertThatThrownBy(() -> reader.read(utf8(dtd.toString()), null))
                    .isInstanceOf(XmlException.class)
                    .hasMessageStartingWith("refused: the document expands too many entities");
        }

        @Test
        void neverReadsAnExternalEntity() throws Exception {
            SafeXmlReader.Result result = reader.read(utf8("<?xml version=\"1.0\"?><!DOCTYPE doc ["
                    + "<!ENTITY x SYSTEM \"file:///etc/hostname\">]><doc><part>[&x;]</part></doc>"), null);

            assertThat(result.document().getRootElement().getChildText("part")).isEqualTo("[]");
        }

        @Test
        void saysWhyNothingCouldBeRead() {
            assertThatThrownBy(() -> reader.read(utf8("just text"), null))
                    .isInstanceOf(XmlException.class)
                    .hasMessageStartingWith("not XML: ");
        }
    }

    @Nested
    class Charsets {
        @Test
        void feedsPolicyTriesTheNextCharsetWhenTheDeclarationLies() {
            List<String> warnings = new ArrayList<>();
            byte[] latin1 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><doc>caf\u00e9</doc>"
                    .getBytes(StandardCharsets.ISO_8859_1);

            assertThat(XmlCharset.decodeGuessing(latin1, null, warnings)).endsWith("<doc>café</doc>");
            assertThat(warnings).containsExactly("declared encoding UTF-8 does not match the bytes; read as windows-1252");
        }

        @Test
        void listsPolicyReplacesBadBytes() {
            List<String> warnings = new ArrayList<>();
            byte[] latin1 = "<doc>caf\u00e9</doc>".getBytes(StandardCharsets.ISO_8859_1);

            assertThat(XmlCharset.decodeReplacing(latin1, warnings::add)).isEqualTo("<doc>caf\ufffd</doc>");
            assertThat(warnings).containsExactly("bytes that are not valid UTF-8 were replaced by U+FFFD");
        }

        @Test
        void byteOrderMarkAndUtf16LayoutDecide() {
            assertThat(XmlCharset.bom(new byte[] {(byte) 0xFF, (byte) 0xFE, '<', 0})).isEqualTo(
                    new XmlCharset.Bom(StandardCharsets.UTF_16LE, 2));
            assertThat(XmlCharset.bom(new byte[] {0, '<', 0, 'r'})).isEqualTo(
                    new XmlCharset.Bom(StandardCharsets.UTF_16BE, 0));
            assertThat(XmlCharset.bom(utf8("<doc/>")).charset()).isNull();
        }
    }

    @Nested
    class RootName {
        @Test
        void skipsDeclarationCommentsAndDoctype() {
            assertThat(SafeXmlReader.rootName(utf8("\ufeff<?xml version=\"1.0\"?>\n<!-- <html> -->"
                    + "<!DOCTYPE rdf:RDF><rdf:RDF xmlns:rdf=\"x\"/>"))).isEqualTo("rdf:RDF");
        }

        @Test
        void readsUtf16() {
            assertThat(SafeXmlReader.rootName("\ufeff<?xml version=\"1.0\" encoding=\"UTF-16\"?><feed/>"
                    .getBytes(StandardCharsets.UTF_16LE))).isEqualTo("feed");
        }

        @Test
        void isNullWithoutAnElement() {
            assertThat(SafeXmlReader.rootName(utf8("{\"version\": 1}"))).isNull();
        }
    }

    @Test
    void findsTheInternalSubsetWhereEntitiesAreDeclared() {
        assertThat(XmlRepairs.internalSubsetStart("<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a \"b\">]><opml/>"))
                .isEqualTo(36);
        assertThat(XmlRepairs.internalSubsetStart("<!DOCTYPE opml SYSTEM \"a[b].dtd\"><opml/>")).isEqualTo(-1);
        assertThat(XmlRepairs.internalSubsetStart("<opml/>")).isEqualTo(-1);
    }
}
