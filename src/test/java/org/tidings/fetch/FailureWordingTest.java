package org.tidings.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A failed DNS lookup reads the same whatever the platform's resolver said (issue 17). */
class FailureWordingTest {
    @Test
    void everyUnknownHostMessageIsWordedOneWay() {
        assertThat(FetchFailures.unknownHost("no-such-host.invalid: Name or service not known"))
                .isEqualTo("unknown host: no-such-host.invalid");
        assertThat(FetchFailures.unknownHost("no-such-host.invalid")).isEqualTo("unknown host: no-such-host.invalid");
        assertThat(FetchFailures.unknownHost("no-such-host.invalid: No address associated with hostname"))
                .isEqualTo("unknown host: no-such-host.invalid");
        assertThat(FetchFailures.unknownHost("example.com: Temporary failure in name resolution"))
                .isEqualTo("unknown host: example.com (DNS lookup failed; is the network up?)");
    }
}
