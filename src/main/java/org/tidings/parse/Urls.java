package org.tidings.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reference resolution (RFC 3986 section 5) on strings, tolerant of characters java.net.URI rejects. */
final class Urls {
    private Urls() {}

    private static final Pattern PARTS =
            Pattern.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$", Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:");
    private static final Set<String> HIERARCHICAL =
            Set.of("http", "https", "ftp", "file", "feed", "ws", "wss", "sftp", "gopher", "rtsp", "svn", "nntp");
    private static final Set<String> OPAQUE_ABSOLUTE = Set.of("mailto", "tag", "urn", "data", "magnet", "news", "feed");

    /** Whether the reference is absolute: a scheme and a host, or one of the host-less schemes. */
    static boolean isAbsolute(@Nullable String url) {
        if (url == null) {
            return false;
        }
        Matcher m = PARTS.matcher(url);
        if (!m.matches() || m.group(1) == null || !SCHEME.matcher(url).find()) {
            return false;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        return (m.group(2) != null && !m.group(2).isEmpty()) || OPAQUE_ABSOLUTE.contains(scheme);
    }

    /** The reference resolved against the base; the reference itself when the base cannot serve. */
    static String resolve(@Nullable String base, String reference) {
        String ref = reference.strip();
        if (base == null || base.isBlank()) {
            return ref;
        }
        Matcher r = PARTS.matcher(ref);
        Matcher b = PARTS.matcher(base.strip());
        if (!r.matches() || !b.matches() || b.group(1) == null) {
            return ref;
        }
        String baseScheme = b.group(1).toLowerCase(Locale.ROOT);
        if (!HIERARCHICAL.contains(baseScheme)) {
            return ref;
        }
        String scheme;
        String authority;
        String path;
        String query;
        if (r.group(1) != null && SCHEME.matcher(ref).find()) {
            if (!r.group(1).equalsIgnoreCase(baseScheme) || r.group(2) != null) {
                return ref;
            }
            // "http:foo" relative to an http base (legacy form): treat as relative
            ref = ref.substring(r.group(1).length() + 1);
            r = PARTS.matcher(ref);
            if (!r.matches()) {
                return ref;
            }
        }
        if (ref.isEmpty()) {
            return base.strip();
        }
        scheme = b.group(1);
        if (r.group(2) != null) {
            authority = r.group(2);
            path = removeDotSegments(r.group(3));
            query = r.group(4);
        } else {
            authority = b.group(2);
            String refPath = r.group(3);
            if (refPath.isEmpty()) {
                path = b.group(3);
                query = r.group(4) != null ? r.group(4) : b.group(4);
            } else {
                if (refPath.startsWith("/")) {
                    path = removeDotSegments(refPath);
                } else {
                    String basePath = b.group(3);
                    String merged;
                    if (authority != null && basePath.isEmpty()) {
                        merged = "/" + refPath;
                    } else {
                        int slash = basePath.lastIndexOf('/');
                        merged = (slash < 0 ? "" : basePath.substring(0, slash + 1)) + refPath;
                    }
                    path = removeDotSegments(merged);
                }
                query = r.group(4);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(scheme).append(':');
        if (authority != null) {
            out.append("//").append(authority);
        }
        if (authority != null && !path.isEmpty() && !path.startsWith("/")) {
            out.append('/');
        }
        out.append(path);
        if (query != null) {
            out.append('?').append(query);
        }
        if (r.group(5) != null) {
            out.append('#').append(r.group(5));
        }
        return out.toString();
    }

    private static String removeDotSegments(String path) {
        if (!path.contains(".")) {
            return path;
        }
        String[] segments = path.split("/", -1);
        java.util.ArrayDeque<String> output = new java.util.ArrayDeque<>();
        boolean absolute = path.startsWith("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    output.addLast("");
                }
            } else if (segment.equals("..")) {
                if (output.size() > (absolute ? 1 : 0)) {
                    output.removeLast();
                }
                if (last) {
                    output.addLast("");
                }
            } else {
                output.addLast(segment);
            }
        }
        String joined = String.join("/", output);
        if (absolute && !joined.startsWith("/")) {
            joined = "/" + joined;
        }
        return joined;
    }
}
