package org.tidings.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads test documents from src/test/resources/fixtures/feeds/. */
final class Fixtures {
    private Fixtures() {}

    static byte[] feed(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
