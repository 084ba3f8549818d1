package org.tidings.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import org.tidings.parse.FeedParser;

/**
 * The parse benchmark's feeds timed by the parsing thread's own CPU time (no GC or JIT threads), the
 * steadiest figure on a shared machine: 60 warm-up parses per feed, then 15 rounds of 10; prints the
 * median and the best round in ms per parse. Run it alternately on two builds to compare them (see
 * docs/BENCHMARKS.md, "Parsing: issue 16"). Arguments: a label, then optionally the document URL
 * to parse with (as sync passes the feed's URL; without it, as {@code tidings parse FILE}).
 */
public final class ParseThreadCpu {
    private ParseThreadCpu() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        FeedParser parser = new FeedParser();
        URI url = args.length > 1 ? URI.create(args[1]) : null;
        StringBuilder line = new StringBuilder(args.length > 0 ? args[0] : "");
        for (String feed : new String[] {"wordpress-rss", "blog-atom"}) {
            byte[] document = ParseBenchmark.bytes(feed);
            for (int i = 0; i < 60; i++) {
                parser.parse(document, url, null);
            }
            double[] rounds = new double[15];
            for (int r = 0; r < rounds.length; r++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 10; i++) {
                    parser.parse(document, url, null);
                }
                rounds[r] = (threads.getCurrentThreadCpuTime() - start) / 1e6 / 10;
            }
            Arrays.sort(rounds);
            line.append(String.format(Locale.ROOT, " %s median %.1f best %.1f ms", feed, rounds[rounds.length / 2],
                    rounds[0]));
        }
        System.out.println(line.toString().strip());
    }
}
