package org.tidings.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Locale;
import org.tidings.store.Store;
import org.tidings.tui.StoreReaderData;

/**
 * One cold start in a fresh JVM, split into phases with wall and process CPU time (CPU time is
 * what a loaded machine does not inflate): JVM start to main, Store.open, reader start to Sources
 * drawn (80x24 virtual terminal). As {@code bin/tidings} does for the reader, the store's warm-up
 * ({@link Store#warmUpInBackground()}) starts first thing in main (not timed here: the option
 * parsing that it overlaps in the real start), and the reader reads its first counts on two threads.
 *
 * <pre>
 * java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp ... org.tidings.bench.ReaderColdStart FILE
 * </pre>
 */
public final class ReaderColdStart {
    private ReaderColdStart() {}

    public static void main(String[] args) {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Store.warmUpInBackground();
        Path db = Path.of(args[0]);
        Store store = Store.open(db);
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        ReaderTimings.Reader reader = ReaderTimings.Reader.started(new StoreReaderData(store, db, InstantSource.system()));
        long t2 = System.nanoTime();
        long cpu2 = os.getProcessCpuTime();
        reader.app.stop();
        store.close();
        System.out.printf(Locale.ROOT, "JVM start -> main %d ms (CPU so far %.0f ms); Store.open %.0f ms (CPU %.0f ms);"
                        + " reader start -> Sources drawn %.0f ms (CPU %.0f ms); total from JVM start %.0f ms%n",
                uptime, cpu0 / 1e6, (t1 - t0) / 1e6, (cpu1 - cpu0) / 1e6, (t2 - t1) / 1e6, (cpu2 - cpu1) / 1e6,
                uptime + (t2 - t0) / 1e6);
    }
}
