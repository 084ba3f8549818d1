package org.tidings.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', value = {
        "http://a.org/b/c/d;p?q | g         | http://a.org/b/c/g",
        "http://a.org/b/c/d;p?q | ../g      | http://a.org/b/g",
        "http://a.org/b/c/d;p?q | /g        | http://a.org/g",
        "http://a.org/b/c/d;p?q | //h.org/g | http://h.org/g",
        "http://a.org/b/c/d;p?q | ?y        | http://a.org/b/c/d;p?y",
        "http://a.org/b/c/d;p?q | #s        | http://a.org/b/c/d;p?q#s",
        "http://a.org           | g         | http://a.org/g",
        "http://a.org/          | a b/ü     | http://a.org/a b/ü",
        "http://a.org/x         | https://b.org/y | https://b.org/y",
        "tag:a.org,2026:x       | g         | g",
    })
    void resolvesReferences(String base, String reference, String expected) {
        assertThat(Urls.resolve(base, reference)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"http://a.org/|true", "mailto:a@b.org|true", "tag:a.org,2026:x|true",
        "/x|false", "x.html|false", "http:x|false"})
    void knowsAbsoluteReferences(String url, boolean absolute) {
        assertThat(Urls.isAbsolute(url)).isEqualTo(absolute);
    }
}
