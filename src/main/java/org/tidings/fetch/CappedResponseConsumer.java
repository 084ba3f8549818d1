package org.tidings.fetch;

import java.io.ByteArrayOutputStream;
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
 * Collects a response head and its raw (still encoded) body, failing with {@link
 * BodyTooLargeException} as soon as the body, or its declared Content-Length, passes the cap.
 */
final class CappedResponseConsumer implements AsyncResponseConsumer<CappedResponseConsumer.Raw> {
    /** A response head and its raw body bytes. */
    record Raw(HttpResponse response, byte[] body) {}

    private static final byte[] EMPTY = new byte[0];

    private final long maxBytes;
    private @Nullable HttpResponse response;
    private @Nullable FutureCallback<Raw> callback;
    private @Nullable ByteArrayOutputStream buffer;
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
        buffer = new ByteArrayOutputStream(length > 0 ? (int) length : 16 * 1024);
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {}

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        capacityChannel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        ByteArrayOutputStream out = buffer;
        if (out == null) {
            return;
        }
        received += src.remaining();
        if (received > maxBytes) {
            buffer = null;
            throw new BodyTooLargeException(maxBytes, false);
        }
        if (src.hasArray()) {
            out.write(src.array(), src.arrayOffset() + src.position(), src.remaining());
            src.position(src.limit());
        } else {
            byte[] chunk = new byte[src.remaining()];
            src.get(chunk);
            out.write(chunk);
        }
    }

    @Override
    public void streamEnd(@Nullable List<? extends Header> trailers) {
        FutureCallback<Raw> done = callback;
        HttpResponse head = response;
        ByteArrayOutputStream out = buffer;
        if (done != null && head != null) {
            done.completed(new Raw(head, out == null ? EMPTY : out.toByteArray()));
        }
        buffer = null;
    }

    @Override
    public void failed(Exception cause) {
        buffer = null;
    }

    @Override
    public void releaseResources() {
        buffer = null;
    }
}
