package org.tidings.tui;

import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * Lanterna 3.1's stream terminals encode output one {@code char} at a time, so a character outside
 * the BMP (an emoji, a CJK extension ideograph) reaches the terminal as two "?" bytes. This
 * terminal encodes through a {@link PairEncoder}, which keeps surrogate pairs together.
 */
final class SurrogateSafeUnixTerminal extends UnixTerminal {
    private final PairEncoder encoder;

    SurrogateSafeUnixTerminal(InputStream input, OutputStream output, Charset charset) throws IOException {
        super(input, output, charset);
        this.encoder = new PairEncoder(charset);
    }

    @Override
    protected byte[] translateCharacter(char character) {
        byte[] bytes = encoder.encode(character);
        return bytes == null ? super.translateCharacter(character) : bytes;
    }

    /** Encodes surrogates as whole code points; returns null for any other char. */
    static final class PairEncoder {
        private static final byte[] NOTHING = new byte[0];
        private final Charset charset;
        private char pendingHigh;

        PairEncoder(Charset charset) {
            this.charset = charset;
        }

        byte @org.jspecify.annotations.Nullable [] encode(char character) {
            if (Character.isHighSurrogate(character)) {
                pendingHigh = character;
                return NOTHING;
            }
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(character)) {
                String text = high == 0 ? "\uFFFD" : new String(new char[] {high, character});
                return text.getBytes(charset);
            }
            return null;
        }
    }
}
