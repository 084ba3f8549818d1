package org.tidings.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tidings.fetch.FeedCandidate.Source;
import org.tidings.fetch.FeedCandidate.Type;

class FeedDiscoveryTest {
    private static final String RSS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    private static final String ATOM = "<?xml version=\"1.0\"?>\n"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>";

    private HttpServer server;
    private HttpFetcher fetcher;
    private FeedDiscovery discovery;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        server.start();
        fetcher = new HttpFetcher(FetchConfig.defaults("test", "https://example.org")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2)),
                InstantSource.system());
        discovery = new FeedDiscovery(fetcher);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop(0);
    }

    private String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
    }

    private Discovery discover(String path) {
        return discovery.discover(origin() + path).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = FeedDiscoveryTest.class.getResourceAsStream("/fixtures/discovery/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFeedUrlIsItsOwnCandidate() {
        serve("/feed.xml", "text/xml", RSS);

        assertThat(discover("/feed.xml")).isEqualTo(new Discovery.Found(List.of(
                new FeedCandidate(origin() + "/feed.xml", null, Type.RSS, Source.SELF))));
    }

    @Test
    void findsAlternateLinksInPageOrder() {
        serve("/", "text/html; charset=utf-8", """
                <html><head>
                <link rel="alternate" type="application/atom+xml" title="Atom" href="/atom.xml">
                <link rel="stylesheet" type="text/css" href="/style.css">
                <link rel="alternate" type="application/rss+xml" href="rss.xml">
                <link rel="alternate" type="application/feed+json" title="JSON" href="https://cdn.example/feed.json">
                <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
                </head><body></body></html>""");

        assertThat(discover("/")).isEqualTo(new Discovery.Found(List.of(
                new FeedCandidate(origin() + "/atom.xml", "Atom", Type.ATOM, Source.LINK),
                new FeedCandidate(origin() + "/rss.xml", null, Type.RSS, Source.LINK),
                new FeedCandidate("https://cdn.example/feed.json", "JSON", Type.JSON, Source.LINK))));
    }

    @Test
    void findsWordPressCategoryFeedsThatExist() throws IOException {
        serve("/category/politics/", "text/html; charset=UTF-8",
                fixture("wordpress-category-page.html").replace("{{origin}}", origin()));
        serve("/feed/", "application/rss+xml; charset=UTF-8", RSS);
        serve("/category/foreign/feed/", "application/rss+xml; charset=UTF-8", RSS);

        Discovery result = discover("/category/politics/");

        assertThat(result).isEqualTo(new Discovery.Found(List.of(
                new FeedCandidate(origin() + "/feed/", "Nigeria News 24 \u00bb Feed", Type.RSS, Source.LINK),
                new FeedCandidate(origin() + "/comments/feed/", "Nigeria News 24 \u00bb Comments Feed",
                        Type.RSS, Source.LINK),
                new FeedCandidate(origin() + "/category/politics/feed/",
                        "Nigeria News 24 \u00bb Politics Category Feed", Type.RSS, Source.LINK),
                new FeedCandidate(origin() + "/category/foreign/feed/", "Foreign", Type.RSS, Source.WORDPRESS))));
    }

    @Test
    void probesCommonPathsWhenThePageNamesNoFeed() {
        serve("/", "text/html", "<html><body><p>A blog</p></body></html>");
        serve("/atom.xml", "application/octet-stream", ATOM);
        serve("/rss", "text/html", "<html><body>not a feed</body></html>");

        assertThat(discover("/")).isEqualTo(new Discovery.Found(List.of(
                new FeedCandidate(origin() + "/atom.xml", null, Type.ATOM, Source.COMMON_PATH))));
    }

    @Test
    void saysSoWhenThereIsNoFeed() {
        serve("/", "text/html", "<html><body><p>Nothing</p></body></html>");

        assertThat(discover("/")).isEqualTo(new Discovery.NotFound("no feed found at " + origin() + "/"));
    }

    @Test
    void saysWhyThePageCouldNotBeFetched() {
        assertThat(discover("/missing")).isEqualTo(new Discovery.NotFound(
                "cannot fetch " + origin() + "/missing: HTTP 404 Not Found"));
    }

    @Nested
    class Sniffing {
        @Test
        void recognisesFeedRootsAfterBomDeclarationAndComments() {
            byte[] bom = "\ufeff<?xml version=\"1.0\"?>\n<!-- generator -->\n<rss version=\"2.0\"/>"
                    .getBytes(StandardCharsets.UTF_8);

            assertThat(FeedDiscovery.sniff(bom)).isEqualTo(Type.RSS);
            assertThat(FeedDiscovery.sniff(bytes("<rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>"))).isEqualTo(Type.RSS);
            assertThat(FeedDiscovery.sniff(bytes(ATOM))).isEqualTo(Type.ATOM);
            assertThat(FeedDiscovery.sniff(bytes("{\"version\": \"https://jsonfeed.org/version/1.1\"}")))
                    .isEqualTo(Type.JSON);
        }

        @Test
        void readsTheRootOfAUtf16FeedThroughTheSharedXmlReader() {
            byte[] utf16 = "\ufeff<?xml version=\"1.0\" encoding=\"UTF-16\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>"
                    .getBytes(StandardCharsets.UTF_16LE);

            assertThat(FeedDiscovery.sniff(utf16)).isEqualTo(Type.ATOM);
        }

        @Test
        void rejectsHtmlAndOtherJson() {
            assertThat(FeedDiscovery.sniff(bytes("<!DOCTYPE html><html><body>&lt;rss</body></html>"))).isNull();
            assertThat(FeedDiscovery.sniff(bytes("{\"a\": 1}"))).isNull();
            assertThat(FeedDiscovery.sniff(new byte[0])).isNull();
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
