package org.tidings.tui;

import java.io.IOException;

/** Hands a checked http(s) URL to a browser. */
@FunctionalInterface
public interface LinkOpener {
    void open(String url) throws IOException;
}
