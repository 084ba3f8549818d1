package org.tidings.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Figures other hardening tests record next to the fuzz report (target/fuzz-report/). */
public final class FuzzFigures {
    private FuzzFigures() {}

    public static void record(String name, String line) {
        try {
            FuzzReport.write(name, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
