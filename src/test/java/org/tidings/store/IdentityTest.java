package org.tidings.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityTest {
    @Test
    void canonicalLinkLowerCasesSchemeAndHostAndDropsDefaultPort() {
        assertThat(Identity.canonicalLink("HTTPS://News.Example.COM:443/Path/Story"))
                .isEqualTo("//news.example.com/Path/Story");
        assertThat(Identity.canonicalLink("http://example.com:80/a")).isEqualTo("//example.com/a");
        assertThat(Identity.canonicalLink("http://example.com:8080/a")).isEqualTo("//example.com:8080/a");
    }

    @Test
    void canonicalLinkTreatsHttpAndHttpsAlike() {
        assertThat(Identity.canonicalLink("http://example.com/a")).isEqualTo(Identity.canonicalLink("https://example.com/a"));
    }

    @Test
    void canonicalLinkDropsFragmentTrackingParametersAndTrailingSlash() {
        assertThat(Identity.canonicalLink("https://example.com/2026/11/story/?utm_source=rss&utm_medium=feed&id=4&fbclid=x&gclid=y#comments"))
                .isEqualTo("//example.com/2026/11/story?id=4");
        assertThat(Identity.canonicalLink("https://example.com/story/")).isEqualTo("//example.com/story");
        assertThat(Identity.canonicalLink("https://example.com")).isEqualTo("//example.com/");
        assertThat(Identity.canonicalLink("https://example.com/")).isEqualTo("//example.com/");
    }

    @Test
    void canonicalLinkKeepsMeaningfulQueryParameters() {
        assertThat(Identity.canonicalLink("https://nigerianews24.com.ng/?p=123")).isEqualTo("//nigerianews24.com.ng/?p=123");
    }

    @Test
    void canonicalLinkLeavesNonUrlsAsTheyAre() {
        assertThat(Identity.canonicalLink("  not a url  ")).isEqualTo("not a url");
        assertThat(Identity.canonicalLink("mailto:a@b.c")).isEqualTo("mailto:a@b.c");
    }

    @Test
    void urlAndTagIdsAreGlobal() {
        assertThat(Identity.idKey("https://nigerianews24.com.ng/?p=123", "nigerianews24.com.ng"))
                .isEqualTo(new Identity.IdKey("gid://nigerianews24.com.ng/?p=123", "nigerianews24.com.ng"));
        assertThat(Identity.idKey("tag:example.com,2005:post-1", "elsewhere.org"))
                .isEqualTo(new Identity.IdKey("gid:tag:example.com,2005:post-1", "tag:example.com,2005"));
        assertThat(Identity.idKey("urn:uuid:1225C695-CFB8-4EBB-AAAA-80DA344EFA6A", "x.org").key())
                .isEqualTo("gid:urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
    }

    @Test
    void opaqueIdsAreScopedToTheirSite() {
        assertThat(Identity.idKey("12345", "a.example")).isEqualTo(new Identity.IdKey("oid:a.example:12345", "a.example"));
        assertThat(Identity.idKey("12345", "b.example").key()).isNotEqualTo(Identity.idKey("12345", "a.example").key());
    }

    @Test
    void siteIsTheHostWithoutWww() {
        assertThat(Identity.site("https://WWW.Example.com/feed")).contains("example.com");
        assertThat(Identity.site("no host")).isEmpty();
    }
}
