package org.tidings.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;

class ResponseHeadersTest {
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    private static BasicHttpResponse response(String... headers) {
        BasicHttpResponse response = new BasicHttpResponse(200);
        for (int i = 0; i < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
        }
        return response;
    }

    @Test
    void readsMaxAgeAmongOtherDirectives() {
        assertThat(ResponseHeaders.cacheInfo(response("Cache-Control", "public, s-maxage=60, max-age=1800")))
                .isEqualTo(new CacheInfo(Duration.ofMinutes(30), null, null));
    }

    @Test
    void noCacheDropsFreshness() {
        CacheInfo cache = ResponseHeaders.cacheInfo(response(
                "Cache-Control", "max-age=600", "Cache-Control", "no-cache",
                "Expires", "Fri, 27 Nov 2026 09:00:00 GMT"));

        assertThat(cache).isEqualTo(CacheInfo.NONE);
    }

    @Test
    void ignoresAnInvalidExpiresOrMaxAge() {
        assertThat(ResponseHeaders.cacheInfo(response("Expires", "0", "Cache-Control", "max-age=soon")))
                .isEqualTo(CacheInfo.NONE);
    }

    @Test
    void freshnessFromExpiresIsNeverNegative() {
        CacheInfo expired = new CacheInfo(null, NOW.minusSeconds(60), null);

        assertThat(expired.freshness(NOW)).contains(Duration.ZERO);
        assertThat(CacheInfo.NONE.freshness(NOW)).isEmpty();
    }

    @Test
    void readsRetryAfterAsSecondsOrDate() {
        assertThat(ResponseHeaders.retryAfter(response("Retry-After", " 30 "), NOW)).isEqualTo(NOW.plusSeconds(30));
        assertThat(ResponseHeaders.retryAfter(response("Retry-After", "Fri, 27 Nov 2026 09:00:00 GMT"), NOW))
                .isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
        assertThat(ResponseHeaders.retryAfter(response("Retry-After", "-5"), NOW)).isNull();
        assertThat(ResponseHeaders.retryAfter(response(), NOW)).isNull();
    }

    @Test
    void splitsContentTypeIntoMediaTypeAndRawCharset() {
        assertThat(ResponseHeaders.contentType("Application/RSS+XML ; Charset = \"windows-1252\""))
                .isEqualTo(new ResponseHeaders.ContentType("application/rss+xml", "windows-1252"));
        assertThat(ResponseHeaders.contentType("text/xml"))
                .isEqualTo(new ResponseHeaders.ContentType("text/xml", null));
        assertThat(ResponseHeaders.contentType("text/xml; charset="))
                .isEqualTo(new ResponseHeaders.ContentType("text/xml", null));
        assertThat(ResponseHeaders.contentType(null)).isEqualTo(new ResponseHeaders.ContentType(null, null));
    }
}
