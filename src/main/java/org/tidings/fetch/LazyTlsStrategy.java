package org.tidings.fetch;

import java.net.SocketAddress;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.reactor.ssl.TransportSecurityLayer;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * HttpClient's default TLS strategy, created on the first https connection: loading the JDK's
 * trust store takes about 0.4 s, which a sync of plain-http or file feeds never needs.
 */
final class LazyTlsStrategy implements TlsStrategy {
    private volatile @Nullable TlsStrategy delegate;

    private TlsStrategy delegate() {
        TlsStrategy current = delegate;
        if (current == null) {
            synchronized (this) {
                current = delegate;
                if (current == null) {
                    current = DefaultClientTlsStrategy.createDefault();
                    delegate = current;
                }
            }
        }
        return current;
    }

    /** @deprecated only to satisfy the interface; HttpClient calls the other overload. */
    @Deprecated
    @Override
    public boolean upgrade(
            TransportSecurityLayer sessionLayer,
            HttpHost host,
            SocketAddress localAddress,
            SocketAddress remoteAddress,
            Object attachment,
            Timeout handshakeTimeout) {
        return delegate().upgrade(sessionLayer, host, localAddress, remoteAddress, attachment, handshakeTimeout);
    }

    @Override
    public void upgrade(
            TransportSecurityLayer sessionLayer,
            NamedEndpoint endpoint,
            Object attachment,
            Timeout handshakeTimeout,
            FutureCallback<TransportSecurityLayer> callback) {
        delegate().upgrade(sessionLayer, endpoint, attachment, handshakeTimeout, callback);
    }
}
