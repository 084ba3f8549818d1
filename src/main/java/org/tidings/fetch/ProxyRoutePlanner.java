package org.tidings.fetch;

import java.net.URI;
import java.util.Optional;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;

/** Routes each request through the proxy {@link ProxySettings} names for its target, if any. */
final class ProxyRoutePlanner extends DefaultRoutePlanner {
    private final ProxySettings proxy;

    ProxyRoutePlanner(ProxySettings proxy) {
        super(DefaultSchemePortResolver.INSTANCE);
        this.proxy = proxy;
    }

    @Override
    protected @Nullable HttpHost determineProxy(HttpHost target, @Nullable HttpContext context) {
        URI targetUri = URI.create(target.getSchemeName() + "://" + target.toHostString());
        Optional<URI> chosen = proxy.proxyFor(targetUri);
        return chosen.map(uri -> new HttpHost(uri.getScheme(), uri.getHost(), port(uri)))
                .orElse(null);
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
