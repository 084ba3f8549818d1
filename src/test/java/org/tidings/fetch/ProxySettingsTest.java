package org.tidings.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {
    private static final URI HTTP_TARGET = URI.create("http://nigerianews24.com.ng/feed/");
    private static final URI HTTPS_TARGET = URI.create("https://nigerianews24.com.ng/feed/");

    @Test
    void readsLowerCaseVariables() {
        ProxySettings proxy = ProxySettings.fromEnvironment(Map.of(
                "http_proxy", "http://proxy.lan:3128",
                "https_proxy", "https://secure.lan:8443/",
                "no_proxy", "localhost, .internal.example, 10.0.0.1"));

        assertThat(proxy).isEqualTo(new ProxySettings(URI.create("http://proxy.lan:3128"),
                URI.create("https://secure.lan:8443/"), List.of("localhost", "internal.example", "10.0.0.1")));
        assertThat(proxy.proxyFor(HTTP_TARGET)).contains(URI.create("http://proxy.lan:3128"));
        assertThat(proxy.proxyFor(HTTPS_TARGET)).contains(URI.create("https://secure.lan:8443/"));
    }

    @Test
    void acceptsUpperCaseHttpsAndNoProxyButNotUpperCaseHttpProxy() {
        ProxySettings proxy = ProxySettings.fromEnvironment(Map.of(
                "HTTP_PROXY", "http://ignored:1",
                "HTTPS_PROXY", "proxy.lan:3128",
                "NO_PROXY", "example.org"));

        assertThat(proxy.httpProxy()).isNull();
        assertThat(proxy.httpsProxy()).isEqualTo(URI.create("http://proxy.lan:3128"));
        assertThat(proxy.noProxy()).containsExactly("example.org");
    }

    @Test
    void lowerCaseWinsOverUpperCase() {
        ProxySettings proxy = ProxySettings.fromEnvironment(Map.of(
                "https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2"));

        assertThat(proxy.httpsProxy()).isEqualTo(URI.create("http://lower:1"));
    }

    @Test
    void noProxyMatchesTheHostItsSubdomainsAndIgnoresPorts() {
        ProxySettings proxy = ProxySettings.fromEnvironment(Map.of(
                "http_proxy", "proxy:3128", "no_proxy", "example.org:8080,127.0.0.1,[::1]"));

        assertThat(proxy.proxyFor(URI.create("http://example.org/feed"))).isEmpty();
        assertThat(proxy.proxyFor(URI.create("http://www.example.org/feed"))).isEmpty();
        assertThat(proxy.proxyFor(URI.create("http://notexample.org/feed"))).isPresent();
        assertThat(proxy.proxyFor(URI.create("http://127.0.0.1:8080/feed"))).isEmpty();
        assertThat(proxy.proxyFor(URI.create("http://[::1]:8080/feed"))).isEmpty();
    }

    @Test
    void starDisablesTheProxy() {
        ProxySettings proxy = ProxySettings.fromEnvironment(Map.of("http_proxy", "proxy:3128", "no_proxy", "*"));

        assertThat(proxy.proxyFor(HTTP_TARGET)).isEmpty();
    }

    @Test
    void noVariablesMeansDirect() {
        ProxySettings proxy = ProxySettings.fromEnvironment(Map.of("http_proxy", "  "));

        assertThat(proxy).isEqualTo(ProxySettings.NONE);
        assertThat(proxy.proxyFor(HTTP_TARGET)).isEmpty();
        assertThat(proxy.proxyFor(URI.create("file:///tmp/feed.xml"))).isEmpty();
    }

    @Test
    void rejectsAnUnusableProxyWithAOneLineMessage() {
        assertThatThrownBy(() -> ProxySettings.fromEnvironment(Map.of("https_proxy", "socks5://proxy:1080")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("https_proxy: unsupported proxy scheme socks5 (only http and https)");
        assertThatThrownBy(() -> ProxySettings.fromEnvironment(Map.of("http_proxy", "http://exa mple:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("http_proxy is not a URL: http://exa mple:1");
    }
}
