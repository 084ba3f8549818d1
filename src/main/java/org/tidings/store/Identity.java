package org.tidings.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The identity rules of docs/DEDUP.md: canonical links, which ids look global, and the keys an
 * entry is known by.
 *
 * <ul>
 *   <li>{@code gid:ID} a global-looking id (http(s) URL, canonicalized; {@code tag:} URI; {@code
 *       urn:uuid:}), the same article in any feed;
 *   <li>{@code oid:SITE:ID} an opaque id, trusted only within one site;
 *   <li>{@code url:LINK} the canonical link;
 *   <li>{@code hash:SITE:H} neither id nor link: a hash of title and date.
 * </ul>
 */
final class Identity {
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid",
            "igshid", "_ga", "_gl", "oly_anon_id", "oly_enc_id", "vero_id", "__twitter_impression",
            "wt_mc", "cmpid", "ncid", "sr_share", "rss");

    private Identity() {}

    /**
     * The canonical form of a link: scheme and host lower-cased, http and https alike, default
     * ports dropped, fragment and tracking parameters ({@code utm_*}, {@code fbclid}, {@code
     * gclid}, ...) removed, a trailing slash dropped (except the root path). Returns the trimmed
     * input when it is not an absolute hierarchical URL.
     */
    static String canonicalLink(String link) {
        String trimmed = link.strip();
        URI uri;
        try {
            uri = new URI(trimmed.replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return trimmed;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null || uri.isOpaque()) {
            return trimmed;
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("http") || scheme.equals("https");
        StringBuilder out = new StringBuilder();
        out.append(web ? "" : scheme + ":").append("//");
        if (uri.getRawUserInfo() != null) {
            out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(host.toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        out.append(path);
        String query = cleanQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String cleanQuery(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            kept.add(pair);
        }
        return kept.toString();
    }

    /** The host of a URL, lower-cased, without {@code www.}; empty when there is none. */
    static Optional<String> site(@Nullable String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            String host = new URI(url.strip().replace(" ", "%20")).getHost();
            if (host == null || host.isEmpty()) {
                return Optional.empty();
            }
            host = host.toLowerCase(Locale.ROOT);
            return Optional.of(host.startsWith("www.") ? host.substring(4) : host);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** An entry id and where it can be trusted. */
    record IdKey(String key, String scope) {}

    /**
     * The key of an entry id: global-looking ids are trusted everywhere (scope: their host or
     * tagging authority), opaque ids only within {@code site}.
     */
    static IdKey idKey(String id, String site) {
        String trimmed = id.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            Optional<String> host = site(trimmed);
            if (host.isPresent()) {
                return new IdKey("gid:" + canonicalLink(trimmed), host.get());
            }
        }
        if (lower.startsWith("tag:") && lower.indexOf(':', 4) > 4) {
            return new IdKey("gid:" + trimmed, trimmed.substring(0, trimmed.indexOf(':', 4)).toLowerCase(Locale.ROOT));
        }
        if (lower.startsWith("urn:uuid:") && lower.length() > 9) {
            return new IdKey("gid:" + lower, "urn:uuid");
        }
        return new IdKey("oid:" + site + ":" + trimmed, site);
    }

    static String linkKey(String link) {
        return "url:" + canonicalLink(link);
    }

    static String hashKey(String site, @Nullable String title, @Nullable Long dateMillis) {
        String material = (title == null ? "" : Text.collapse(title)) + "\u0000" + (dateMillis == null ? "" : dateMillis);
        return "hash:" + site + ":" + Long.toHexString(Text.hash64(material));
    }
}
