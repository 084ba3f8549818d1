package org.tidings.fetch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;

/**
 * Collects a response head and, for 2xx, its body decoded as it arrives ({@link BodyDecoder}).
 * Fails with {@link BodyTooLargeException} as soon as the declared Content-Length, the raw bytes
 * or the decoded bytes pass the cap. Bodies of other statuses are read and dropped (under the same
 * raw cap), so the connection can be reused.
 */
final class CappedResponseConsumer implements AsyncResponseConsumer<CappedResponseConsumer.Raw> {
    /** A response head and its decoded body (empty unless 2xx). */
    record Raw(HttpResponse response, byte[] body) {}

    private static final byte[] EMPTY = new byte[0];

    private final long maxBytes;
    private @Nullable HttpResponse response;
    private @Nullable FutureCallback<Raw> callback;
    private @Nullable BodyDecoder decoder;
    private long received;

    CappedResponseConsumer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void consumeResponse(
            HttpResponse response,
            @Nullable EntityDetails entityDetails,
            HttpContext context,
            FutureCallback<Raw> callback)
            throws IOException {
        this.response = response;
        this.callback = callback;
        if (entityDetails == null) {
            callback.completed(new Raw(response, EMPTY));
            return;
        }
        long length = entityDetails.getContentLength();
        if (length > maxBytes) {
            throw new BodyTooLargeException(maxBytes, false);
        }
        if (response.getCode() >= 200 && response.getCode() < 300) {
            decoder = BodyDecoder.create(ResponseHeaders.value(response, "Content-Encoding"), maxBytes, length);
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {}

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        capacityChannel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        received += src.remaining();
        if (received > maxBytes) {
            throw new BodyTooLargeException(maxBytes, false);
        }
        BodyDecoder current = decoder;
        if (current == null) {
            src.position(src.limit());
        } else {
            current.write(src);
        }
    }

    @Override
    public void streamEnd(@Nullable List<? extends Header> trailers) throws IOException {
        FutureCallback<Raw> done = callback;
        HttpResponse head = response;
        BodyDecoder current = decoder;
        decoder = null;
        if (done != null && head != null) {
            done.completed(new Raw(head, current == null ? EMPTY : current.finish()));
        }
    }

    @Override
    public void failed(Exception cause) {
        releaseResources();
    }

    @Override
    public void releaseResources() {
        BodyDecoder current = decoder;
        decoder = null;
        if (current != null) {
            current.release();
        }
    }
}
