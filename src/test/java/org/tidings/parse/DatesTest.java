package org.tidings.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // RFC 822 and its real-world variants
        "Fri, 27 Nov 2026 07:30:00 +0100 | 2026-11-27T06:30:00Z",
        "Fri, 27 Nov 2026 07:30:00 GMT   | 2026-11-27T07:30:00Z",
        "27 Nov 2026 07:30:00 EST        | 2026-11-27T12:30:00Z",
        "Fri, 27 Nov 2026 07:30 PDT      | 2026-11-27T14:30:00Z",
        "Fri, 27 Nov 26 07:30:00 +0000   | 2026-11-27T07:30:00Z",
        "Thu, 27 Nov 97 07:30:00 +0000   | 1997-11-27T07:30:00Z",
        "Fri, Nov 27 2026 07:30:00 +0000 | 2026-11-27T07:30:00Z",
        "Fri, 27 Nov 2026                | 2026-11-27T00:00:00Z",
        "Fri, 27 November 2026 07:30:00 +05:30 | 2026-11-27T02:00:00Z",
        "Fri, 27 Nov 2026 07:30:00 GMT+01:00 | 2026-11-27T06:30:00Z",
        "Fri, 27 Nov 2026 07:30:00 Etc/GMT | 2026-11-27T07:30:00Z",
        "Fri, 27 Nov 2026 07:30:00 CEST  | 2026-11-27T05:30:00Z",
        "Fri, 27 Nov 2026 07:30:00 WAT   | 2026-11-27T06:30:00Z",
        "Fri, 27 Nov 2026 07:30:00 XYZ   | 2026-11-27T07:30:00Z",
        // W3C-DTF / ISO 8601
        "2026-11-27T07:30:00Z            | 2026-11-27T07:30:00Z",
        "2026-11-27T07:30:00.123+01:00   | 2026-11-27T06:30:00Z",
        "2026-11-27T07:30-05:00          | 2026-11-27T12:30:00Z",
        "2026-11-27                      | 2026-11-27T00:00:00Z",
        "2026-11                         | 2026-11-01T00:00:00Z",
        "2026-11-27 07:30:00             | 2026-11-27T07:30:00Z",
        "20261127T073000Z                | 2026-11-27T07:30:00Z",
        "2026-11-27T07:30:00+02          | 2026-11-27T05:30:00Z",
        "2026-11-27T07:30:00 GMT         | 2026-11-27T07:30:00Z",
        "Fri, 27 Nov 2026 07:30:00 +0000 (UTC) | 2026-11-27T07:30:00Z",
        // asctime and slashed dates
        "Fri Nov 27 07:30:00 2026        | 2026-11-27T07:30:00Z",
        "2026/1/10 14:33:00              | 2026-01-10T14:33:00Z",
    })
    void parsesDatesToUtcInstants(String text, String expected) {
        assertThat(Dates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a date", "Fri, 32 Nov 2026 07:30:00 GMT", "2026-13-01T00:00:00Z",
        "Sexta, 27 Nov 2026 07:30:00 GMT"})
    void rejectsWhatIsNotADate(String text) {
        assertThat(Dates.parse(text)).isNull();
    }
}
