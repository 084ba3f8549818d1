package org.tidings.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {
    @Test
    void keepsValidUrlsAsTheyAre() {
        assertThat(Urls.parse("https://nigerianews24.com.ng/category/politics/feed/?x=%20"))
                .contains(URI.create("https://nigerianews24.com.ng/category/politics/feed/?x=%20"));
    }

    @Test
    void escapesSpacesAndOtherIllegalCharacters() {
        assertThat(Urls.parse(" http://example.com/my feed|rss.xml?a={b} "))
                .contains(URI.create("http://example.com/my%20feed%7Crss.xml?a=%7Bb%7D"));
    }

    @Test
    void encodesInternationalHostsAndPaths() {
        assertThat(Urls.parseHttp("http://bücher.example/flux/été.xml"))
                .contains(URI.create("http://xn--bcher-kva.example/flux/%C3%A9t%C3%A9.xml"));
    }

    @Test
    void parsesRelativeReferences() {
        assertThat(Urls.parse("/new feed.xml")).contains(URI.create("/new%20feed.xml"));
    }

    @Test
    void parseHttpRejectsOtherSchemesAndMissingHosts() {
        assertThat(Urls.parseHttp("ftp://example.com/")).isEmpty();
        assertThat(Urls.parseHttp("http://")).isEmpty();
        assertThat(Urls.parseHttp("http:///path")).isEmpty();
    }
}
