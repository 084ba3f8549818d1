package org.tidings.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Starts {@link SyncChild} in its own JVM with the test classpath. */
final class Processes {
    private Processes() {}

    record Child(Process process, BlockingQueue<String> lines, Path stderr) {
        /** Waits for a line starting with {@code prefix}; false on timeout or exit. */
        boolean await(String prefix, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return true;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    return false;
                }
            }
            return false;
        }
    }

    static Child start(Path db, int rounds, Path stderr) throws IOException {
        return start(db, rounds, stderr, false);
    }

    /** With {@code group}, the child writes each round in one transaction. */
    static Child start(Path db, int rounds, Path stderr, boolean group) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), SyncChild.class.getName(), db.toString(), String.valueOf(rounds)));
        if (group) {
            command.add("group");
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child was killed
            }
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();
        return new Child(process, lines, stderr);
    }
}
