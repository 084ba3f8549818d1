package org.tidings.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * Undoes a Content-Encoding while the body arrives, chunk by chunk, and fails as soon as the
 * decoded size passes the cap: a gzip bomb costs at most the cap in memory and stops the download
 * there. Supports identity, gzip (several members, CRC checked, trailing garbage ignored as
 * {@link java.util.zip.GZIPInputStream} does) and deflate (zlib-wrapped or raw).
 */
abstract class BodyDecoder {
    /** An unsupported or corrupt encoding; becomes {@link FetchResult.Kind#BAD_CONTENT}. */
    static final class BadContentException extends IOException {
        private static final long serialVersionUID = 1L;

        BadContentException(String message) {
            super(message);
        }
    }

    final long maxBytes;
    final ByteArrayOutputStream out;

    private BodyDecoder(long maxBytes, long expectedLength) {
        this.maxBytes = maxBytes;
        this.out = new ByteArrayOutputStream(
                (int) Math.min(maxBytes, expectedLength > 0 ? expectedLength : 16 * 1024));
    }

    /** A decoder for {@code contentEncoding} (null or empty for none). */
    static BodyDecoder create(@Nullable String contentEncoding, long maxBytes, long expectedLength)
            throws BadContentException {
        String encoding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity", "none" -> new Identity(maxBytes, expectedLength);
            case "gzip", "x-gzip" -> new Inflating(true, maxBytes, expectedLength);
            case "deflate" -> new Inflating(false, maxBytes, expectedLength);
            default -> throw new BadContentException("unsupported Content-Encoding: " + encoding);
        };
    }

    /** Decodes one chunk of the raw body. */
    abstract void write(ByteBuffer chunk) throws IOException;

    /** The whole decoded body; fails if the encoded stream was cut short. */
    abstract byte[] finish() throws IOException;

    /** Frees native resources; safe to call more than once. */
    void release() {}

    private static final class Identity extends BodyDecoder {
        Identity(long maxBytes, long expectedLength) {
            super(maxBytes, expectedLength);
        }

        @Override
        void write(ByteBuffer chunk) throws IOException {
            if (out.size() + (long) chunk.remaining() > maxBytes) {
                throw new BodyTooLargeException(maxBytes, false);
            }
            byte[] bytes = new byte[chunk.remaining()];
            chunk.get(bytes);
            out.write(bytes);
        }

        @Override
        byte[] finish() {
            return out.toByteArray();
        }
    }

    private static final class Inflating extends BodyDecoder {
        private enum State { HEADER, BODY, TRAILER, NEXT_MEMBER, DONE }

        private static final int FHCRC = 2;
        private static final int FEXTRA = 4;
        private static final int FNAME = 8;
        private static final int FCOMMENT = 16;

        private final boolean gzip;
        private final String name;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final CRC32 crc = new CRC32();
        private final byte[] buffer = new byte[64 * 1024];
        private @Nullable Inflater inflater;
        private State state = State.HEADER;
        private long memberSize;
        private int members;

        Inflating(boolean gzip, long maxBytes, long expectedLength) {
            super(maxBytes, Math.min(Math.max(expectedLength * 4, 64 * 1024), 4L * 1024 * 1024));
            this.gzip = gzip;
            this.name = gzip ? "gzip" : "deflate";
        }

        @Override
        void write(ByteBuffer chunk) throws IOException {
            byte[] input = new byte[chunk.remaining()];
            chunk.get(input);
            int offset = 0;
            while (offset < input.length) {
                offset = switch (state) {
                    case HEADER -> header(input, offset);
                    case BODY -> body(input, offset);
                    case TRAILER -> trailer(input, offset);
                    case NEXT_MEMBER -> nextMember(input, offset);
                    case DONE -> input.length;
                };
            }
        }

        @Override
        byte[] finish() throws IOException {
            try {
                boolean complete = state == State.DONE || state == State.NEXT_MEMBER
                        || (state == State.HEADER && members == 0 && pending.size() == 0);
                if (!complete) {
                    throw corrupt("unexpected end of stream");
                }
                return out.toByteArray();
            } finally {
                release();
            }
        }

        @Override
        void release() {
            if (inflater != null) {
                inflater.end();
                inflater = null;
            }
        }

        private int header(byte[] input, int offset) throws IOException {
            int before = pending.size();
            pending.write(input, offset, input.length - offset);
            byte[] head = pending.toByteArray();
            int length = gzip ? gzipHeaderLength(head) : deflateHeader(head);
            if (length < 0) {
                return input.length;
            }
            pending.reset();
            inflater = new Inflater(gzip || !isZlib(head));
            crc.reset();
            memberSize = 0;
            state = State.BODY;
            if (!gzip) {
                // nothing consumed: the inflater reads the zlib header, if any, itself
                body(head, 0);
                return input.length;
            }
            return offset + (length - before);
        }

        private int deflateHeader(byte[] head) {
            return head.length >= 2 ? 0 : -1;
        }

        private static boolean isZlib(byte[] head) {
            return (head[0] & 0x0f) == 8 && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0;
        }

        private int gzipHeaderLength(byte[] head) throws IOException {
            if (head.length < 10) {
                return head.length >= 2 && !magic(head) ? fail() : -1;
            }
            if (!magic(head) || head[2] != 8) {
                return fail();
            }
            int flags = head[3] & 0xff;
            int position = 10;
            if ((flags & FEXTRA) != 0) {
                if (head.length < position + 2) {
                    return -1;
                }
                position += 2 + ((head[position] & 0xff) | ((head[position + 1] & 0xff) << 8));
            }
            for (int flag : new int[] {FNAME, FCOMMENT}) {
                if ((flags & flag) != 0) {
                    while (position < head.length && head[position] != 0) {
                        position++;
                    }
                    if (position >= head.length) {
                        return -1;
                    }
                    position++;
                }
            }
            if ((flags & FHCRC) != 0) {
                position += 2;
            }
            return position <= head.length ? position : -1;
        }

        private int fail() throws IOException {
            throw corrupt("not in gzip format");
        }

        private static boolean magic(byte[] head) {
            return (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        }

        private int body(byte[] input, int offset) throws IOException {
            Inflater current = inflater;
            if (current == null) {
                throw corrupt("decoder released");
            }
            current.setInput(input, offset, input.length - offset);
            try {
                while (true) {
                    int n = current.inflate(buffer);
                    if (n > 0) {
                        if (out.size() + (long) n > maxBytes) {
                            throw new BodyTooLargeException(maxBytes, true);
                        }
                        out.write(buffer, 0, n);
                        crc.update(buffer, 0, n);
                        memberSize += n;
                    } else if (current.finished() || current.needsInput()) {
                        break;
                    } else if (current.needsDictionary()) {
                        throw corrupt("needs a preset dictionary");
                    }
                }
            } catch (DataFormatException e) {
                throw corrupt(String.valueOf(e.getMessage()));
            }
            if (!current.finished()) {
                return input.length;
            }
            int remaining = current.getRemaining();
            release();
            members++;
            state = gzip ? State.TRAILER : State.DONE;
            return input.length - remaining;
        }

        private int trailer(byte[] input, int offset) throws IOException {
            int take = Math.min(8 - pending.size(), input.length - offset);
            pending.write(input, offset, take);
            if (pending.size() < 8) {
                return offset + take;
            }
            byte[] trailer = pending.toByteArray();
            pending.reset();
            if (littleEndian(trailer, 0) != crc.getValue()) {
                throw corrupt("CRC mismatch");
            }
            if (littleEndian(trailer, 4) != (memberSize & 0xffffffffL)) {
                throw corrupt("size mismatch");
            }
            state = State.NEXT_MEMBER;
            return offset + take;
        }

        private int nextMember(byte[] input, int offset) {
            int take = Math.min(2 - pending.size(), input.length - offset);
            pending.write(input, offset, take);
            if (pending.size() < 2) {
                return offset + take;
            }
            byte[] head = pending.toByteArray();
            pending.reset();
            if (magic(head)) {
                // another member: replay its first two bytes through the header parser
                state = State.HEADER;
                pending.write(head, 0, 2);
                return offset + take;
            }
            state = State.DONE;
            return input.length;
        }

        private static long littleEndian(byte[] bytes, int at) {
            return (bytes[at] & 0xffL) | ((bytes[at + 1] & 0xffL) << 8)
                    | ((bytes[at + 2] & 0xffL) << 16) | ((bytes[at + 3] & 0xffL) << 24);
        }

        private BadContentException corrupt(String detail) {
            return new BadContentException("corrupt " + name + " body: " + detail);
        }
    }
}
