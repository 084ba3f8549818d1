package org.tidings.fetch;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient URL parsing, as browsers do: feeds and Location headers in the wild contain spaces,
 * unescaped {@code |}, non-ASCII paths and internationalized host names.
 */
final class Urls {
    private static final Pattern AUTHORITY =
            Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#@]*@)?([^/?#:\\[\\]]+)(.*)$", Pattern.DOTALL);
    private static final String ILLEGAL = " \"<>\\^`{|}";

    private Urls() {}

    /** An absolute or relative URI reference, with illegal characters escaped; empty if hopeless. */
    static Optional<URI> parse(String text) {
        String reference = text.trim();
        try {
            URI strict = new URI(reference);
            // a non-ASCII host parses as a registry authority without a host: handled below
            if (strict.getHost() != null || strict.getRawAuthority() == null) {
                return Optional.of(URI.create(strict.toASCIIString()));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // lenient path below
        }
        StringBuilder escaped = new StringBuilder(reference.length() + 16);
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (ILLEGAL.indexOf(c) >= 0 || c < 0x20 || c == 0x7f) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    escaped.append('%').append(String.format("%02X", b & 0xff));
                }
            } else {
                escaped.append(c);
            }
        }
        String candidate = escaped.toString();
        Matcher matcher = AUTHORITY.matcher(candidate);
        if (matcher.matches()) {
            try {
                String host = IDN.toASCII(matcher.group(3), IDN.ALLOW_UNASSIGNED);
                candidate = matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2))
                        + host + matcher.group(4);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(URI.create(new URI(candidate).toASCIIString()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An absolute http(s) URL with a host, or empty. */
    static Optional<URI> parseHttp(String text) {
        return parse(text).filter(uri -> uri.getHost() != null && uri.getScheme() != null
                && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https")));
    }
}
