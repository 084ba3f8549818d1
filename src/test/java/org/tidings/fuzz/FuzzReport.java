package org.tidings.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the figures of a fuzz run to target/fuzz-report/NAME.txt (not to the terminal). */
final class FuzzReport {
    private FuzzReport() {}

    static void write(String name, String line) throws IOException {
        Path folder = Path.of("target", "fuzz-report");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name + ".txt"), line + "\n");
    }
}
