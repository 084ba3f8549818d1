package org.tidings.opml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tidings.model.Subscription;

/** Test helpers: fixture files and short subscription constructors. */
final class Fixtures {
    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/opml/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpmlDocument opml(String xml) throws OpmlException {
        return new OpmlReader().read(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** An OPML 2.0 document whose body is {@code body}. */
    static OpmlDocument body(String body) throws OpmlException {
        return opml("<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head/><body>\n" + body + "\n</body></opml>");
    }

    static Subscription sub(String url, String title, String siteUrl, String folder, String... tags) {
        return new Subscription(url, title, siteUrl, folder, List.of(tags));
    }
}
