package org.tidings.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {
    private static final byte[] TEXT = "<rss version=\"2.0\"><channel><title>caf\u00e9</title></channel></rss>\n"
            .repeat(200).getBytes(StandardCharsets.UTF_8);
    private static final long MAX = 1024 * 1024;

    /** Feeds {@code encoded} in chunks of {@code chunk} bytes. */
    private static byte[] decode(String encoding, byte[] encoded, int chunk) throws IOException {
        BodyDecoder decoder = BodyDecoder.create(encoding, MAX, encoded.length);
        for (int i = 0; i < encoded.length; i += chunk) {
            decoder.write(ByteBuffer.wrap(encoded, i, Math.min(chunk, encoded.length - i)));
        }
        return decoder.finish();
    }

    @Test
    void decodesGzipWhateverTheChunkSize() throws IOException {
        byte[] gzip = gzip(TEXT);
        for (int chunk : new int[] {1, 2, 3, 7, 10, 11, 100, 4096, gzip.length}) {
            assertThat(decode("gzip", gzip, chunk)).as("chunk %d", chunk).isEqualTo(TEXT);
        }
    }

    @Test
    void decodesGzipHeadersWithExtraNameCommentAndHeaderCrc() throws IOException {
        byte[] deflated = rawDeflate(TEXT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
        out.write(new byte[] {3, 0, 'a', 'b', 'c'});
        out.write("feed.xml\0".getBytes(StandardCharsets.ISO_8859_1));
        out.write("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        out.write(new byte[] {0x12, 0x34});
        out.write(deflated);
        CRC32 crc = new CRC32();
        crc.update(TEXT);
        writeInt(out, crc.getValue());
        writeInt(out, TEXT.length);

        assertThat(decode("x-gzip", out.toByteArray(), 1)).isEqualTo(TEXT);
        assertThat(decode("x-gzip", out.toByteArray(), 5000)).isEqualTo(TEXT);
    }

    @Test
    void decodesConcatenatedGzipMembersAndIgnoresTrailingGarbage() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gzip(TEXT));
        out.write(gzip("more".getBytes(StandardCharsets.UTF_8)));
        out.write("\n\n garbage".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(TEXT);
        expected.write("more".getBytes(StandardCharsets.UTF_8));

        for (int chunk : new int[] {1, 13, 100_000}) {
            assertThat(decode("gzip", out.toByteArray(), chunk)).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void decodesZlibAndRawDeflate() throws IOException {
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(zlib)) {
            deflater.write(TEXT);
        }

        for (int chunk : new int[] {1, 2, 64, 100_000}) {
            assertThat(decode("deflate", zlib.toByteArray(), chunk)).isEqualTo(TEXT);
            assertThat(decode("deflate", rawDeflate(TEXT), chunk)).isEqualTo(TEXT);
        }
    }

    @Test
    void passesIdentityThroughAndAcceptsEmptyBodies() throws IOException {
        assertThat(decode(null, TEXT, 999)).isEqualTo(TEXT);
        assertThat(decode("identity", TEXT, 7)).isEqualTo(TEXT);
        assertThat(BodyDecoder.create("gzip", MAX, 0).finish()).isEmpty();
    }

    @Test
    void stopsABombAtTheCap() throws IOException {
        byte[] bomb = gzip(new byte[8 * 1024 * 1024]);

        assertThatThrownBy(() -> decode("gzip", bomb, 8192))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessage("body larger than 1 MB after decompression");
    }

    @Test
    void reportsCorruptStreams() throws IOException {
        byte[] gzip = gzip(TEXT);
        byte[] truncated = java.util.Arrays.copyOf(gzip, gzip.length / 2);
        byte[] badCrc = gzip.clone();
        badCrc[badCrc.length - 6] ^= 0x55;

        assertThatThrownBy(() -> decode("gzip", "plain text".getBytes(StandardCharsets.UTF_8), 4))
                .isInstanceOf(BodyDecoder.BadContentException.class)
                .hasMessage("corrupt gzip body: not in gzip format");
        assertThatThrownBy(() -> decode("gzip", truncated, 100))
                .hasMessage("corrupt gzip body: unexpected end of stream");
        assertThatThrownBy(() -> decode("gzip", badCrc, 100))
                .hasMessage("corrupt gzip body: CRC mismatch");
        assertThatThrownBy(() -> decode("deflate", "plain text".getBytes(StandardCharsets.UTF_8), 100))
                .isInstanceOf(BodyDecoder.BadContentException.class)
                .hasMessageStartingWith("corrupt deflate body: ");
        assertThatThrownBy(() -> BodyDecoder.create("br", MAX, 0))
                .hasMessage("unsupported Content-Encoding: br");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] rawDeflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(6, true))) {
            deflater.write(data);
        }
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
