package org.tidings.fetch;

import java.io.IOException;

/** A body passed the size cap; becomes {@link FetchResult.Kind#TOO_LARGE}. */
final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long maxBytes, boolean decompressed) {
        super("body larger than " + Sizes.human(maxBytes)
                + (decompressed ? " after decompression" : ""));
    }
}
