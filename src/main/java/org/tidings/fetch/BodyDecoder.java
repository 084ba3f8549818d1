package org.tidings.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Undoes a Content-Encoding by streaming through a decompressor and stops as soon as the
 * decompressed size passes the cap, so a gzip bomb costs at most the cap in memory.
 */
final class BodyDecoder {
    private BodyDecoder() {}

    /** Thrown for an unsupported or corrupt encoding; becomes {@link FetchResult.Kind#BAD_CONTENT}. */
    static final class BadContentException extends IOException {
        private static final long serialVersionUID = 1L;

        BadContentException(String message) {
            super(message);
        }
    }

    static byte[] decode(byte[] raw, @Nullable String contentEncoding, long maxBytes)
            throws IOException {
        String encoding = contentEncoding == null
                ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (raw.length == 0) {
            return raw;
        }
        switch (encoding) {
            case "", "identity", "none":
                return raw;
            case "gzip", "x-gzip":
                return inflate(encoding, () -> new GZIPInputStream(new ByteArrayInputStream(raw), 8192),
                        maxBytes);
            case "deflate":
                // RFC 9110 deflate is zlib-wrapped, but some servers send raw deflate
                boolean zlib = raw.length >= 2 && (raw[0] & 0x0f) == 8
                        && (((raw[0] & 0xff) << 8) | (raw[1] & 0xff)) % 31 == 0;
                return inflate(encoding, () -> new InflaterInputStream(
                        new ByteArrayInputStream(raw), new Inflater(!zlib), 8192), maxBytes);
            default:
                throw new BadContentException("unsupported Content-Encoding: " + encoding);
        }
    }

    private interface StreamOpener {
        InputStream open() throws IOException;
    }

    private static byte[] inflate(String encoding, StreamOpener opener, long maxBytes)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = opener.open()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new BodyTooLargeException(maxBytes, true);
                }
                out.write(chunk, 0, n);
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new BadContentException("corrupt " + encoding + " body: " + e.getMessage());
        }
        return out.toByteArray();
    }
}
