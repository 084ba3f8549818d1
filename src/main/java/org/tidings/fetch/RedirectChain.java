package org.tidings.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.core5.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.tidings.fetch.FetchResult.Failed;
import org.tidings.fetch.FetchResult.Kind;
import org.tidings.model.Messages;

/**
 * One fetch across its redirect hops (used by one hop at a time): which URLs it visited, how many
 * hops, whether every hop was permanent (301/308, so the feed moved), and the whole-request
 * deadline, which starts with the first hop that gets a connection slot. Redirects are followed
 * here, not by the client: loops and too many hops fail, non-HTTP targets are refused.
 */
final class RedirectChain {
    private final Set<String> visited = new HashSet<>();
    private final String accept;
    private int hops;
    private boolean permanent = true;
    private long deadlineNanos;
    private boolean started;

    /** What a redirect leads to: the next URI, or the failure that ends the chain. */
    record Step(@Nullable URI next, @Nullable Failed failure) {}

    RedirectChain(URI first, String accept) {
        this.accept = accept;
        visited.add(withoutFragment(first).toString());
    }

    /** The {@code Accept} header of every hop. */
    String accept() {
        return accept;
    }

    /** Starts the whole-request clock at the first hop. */
    void start(Duration requestTimeout) {
        if (!started) {
            started = true;
            deadlineNanos = System.nanoTime() + requestTimeout.toNanos();
        }
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** The final URL when the chain was all permanent redirects (the feed moved), else null. */
    @Nullable String permanentTarget(URI finalUri) {
        return hops > 0 && permanent ? finalUri.toString() : null;
    }

    /** Follows the redirect {@code response} got at {@code uri}. */
    Step follow(URI uri, HttpResponse response, int maxRedirects) {
        int status = response.getCode();
        String url = uri.toString();
        String location = ResponseHeaders.value(response, "Location");
        if (location == null) {
            return stop(new Failed(url, Kind.BAD_REDIRECT, status,
                    "HTTP " + status + " redirect without a Location header", null));
        }
        URI next;
        try {
            next = withoutFragment(uri.resolve(Urls.parse(location).orElseThrow(
                    () -> new IllegalArgumentException(location))));
        } catch (IllegalArgumentException e) {
            return stop(new Failed(url, Kind.BAD_REDIRECT, status,
                    "HTTP " + status + " redirect to a malformed URL: " + Messages.firstLine(location), null));
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || next.getHost() == null) {
            return stop(new Failed(url, Kind.BAD_REDIRECT, status,
                    "refused redirect to " + Messages.firstLine(next.toString()) + " (only http and https)", null));
        }
        hops++;
        permanent &= status == 301 || status == 308;
        if (hops > maxRedirects) {
            return stop(new Failed(url, Kind.TOO_MANY_REDIRECTS, status,
                    "more than " + maxRedirects + " redirects", null));
        }
        if (!visited.add(next.toString())) {
            return stop(new Failed(url, Kind.REDIRECT_LOOP, status,
                    "redirect loop: " + next + " was already visited", null));
        }
        return new Step(next, null);
    }

    private static Step stop(Failed failure) {
        return new Step(null, failure);
    }

    private static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }
}
