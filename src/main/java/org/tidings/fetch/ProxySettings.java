package org.tidings.fetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Proxies as curl reads them from the environment: {@code https_proxy}/{@code HTTPS_PROXY} for
 * https URLs, {@code http_proxy} (lower case only, as curl, because of "httpoxy") for http URLs,
 * and {@code no_proxy}/{@code NO_PROXY}: comma-separated host names (matching the host and its
 * subdomains, a leading dot allowed), IP addresses, or {@code *} for no proxy at all. A proxy
 * value without a scheme is taken as {@code http://}. Proxy authentication is not supported.
 */
public record ProxySettings(
        @Nullable URI httpProxy, @Nullable URI httpsProxy, List<String> noProxy) {
    public static final ProxySettings NONE = new ProxySettings(null, null, List.of());

    public ProxySettings {
        noProxy = List.copyOf(noProxy);
    }

    /**
     * Reads the proxy variables from an environment such as {@code System.getenv()}.
     *
     * @throws IllegalArgumentException when a proxy variable is not a usable URL
     */
    public static ProxySettings fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        URI http = proxyUri("http_proxy", firstNonBlank(env.get("http_proxy")));
        URI https = proxyUri("https_proxy",
                firstNonBlank(env.get("https_proxy"), env.get("HTTPS_PROXY")));
        String noProxyValue = firstNonBlank(env.get("no_proxy"), env.get("NO_PROXY"));
        List<String> noProxy = new ArrayList<>();
        if (noProxyValue != null) {
            for (String part : noProxyValue.split(",")) {
                String entry = part.trim().toLowerCase(Locale.ROOT);
                if (entry.startsWith(".")) {
                    entry = entry.substring(1);
                } else if (entry.startsWith("*.")) {
                    entry = entry.substring(2);
                }
                if (!entry.isEmpty()) {
                    noProxy.add(entry);
                }
            }
        }
        return new ProxySettings(http, https, noProxy);
    }

    /** The proxy to use for {@code target}, or empty to connect directly. */
    public Optional<URI> proxyFor(URI target) {
        Objects.requireNonNull(target, "target");
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        URI proxy = switch (scheme) {
            case "http" -> httpProxy;
            case "https" -> httpsProxy;
            default -> null;
        };
        if (proxy == null || target.getHost() == null || bypasses(target.getHost())) {
            return Optional.empty();
        }
        return Optional.of(proxy);
    }

    private boolean bypasses(String rawHost) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        for (String entry : noProxy) {
            String pattern = stripPort(entry);
            if (pattern.equals("*") || host.equals(pattern) || host.endsWith("." + pattern)) {
                return true;
            }
        }
        return false;
    }

    private static String stripPort(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end > 0 ? entry.substring(1, end) : entry;
        }
        int colon = entry.indexOf(':');
        return colon > 0 && entry.indexOf(':', colon + 1) < 0 ? entry.substring(0, colon) : entry;
    }

    private static @Nullable URI proxyUri(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        String withScheme = value.contains("://") ? value : "http://" + value;
        try {
            URI uri = URI.create(withScheme);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException(name + " has no host: " + value);
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException(
                        name + ": unsupported proxy scheme " + scheme + " (only http and https)");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(name)) {
                throw e;
            }
            throw new IllegalArgumentException(name + " is not a URL: " + value, e);
        }
    }

    private static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
