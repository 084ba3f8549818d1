package org.tidings.store;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.psl.PublicSuffixMatcher;
import org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader;

/**
 * Which outlet published an article: the registrable domain (public suffix + one label, from the
 * Public Suffix List that HttpClient ships) of the article's site. {@code en.people.cn} and {@code
 * www.people.cn} are one outlet, {@code people.cn}; a WordPress site's category feeds are one
 * outlet; {@code x.blogspot.com} and {@code y.blogspot.com} are two. IP addresses and hosts the
 * list does not know ({@code localhost}) are their own outlet.
 */
final class Outlets {
    private static final PublicSuffixMatcher SUFFIXES = PublicSuffixMatcherLoader.getDefault();
    private static final Pattern IP = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:]+]?");

    private Outlets() {}

    /** The outlet of a site host ({@link Identity#site}); the host itself when it has no registrable part. */
    static String of(String site) {
        String host = site.strip().toLowerCase(Locale.ROOT);
        int port = host.lastIndexOf(':');
        if (port > 0 && host.indexOf(':') == port) {
            host = host.substring(0, port);
        }
        if (host.isEmpty() || IP.matcher(host).matches()) {
            return host;
        }
        String root = SUFFIXES.getDomainRoot(host);
        return root == null ? host : root;
    }
}
