package org.tidings.bench;

import java.io.ByteArrayInputStream;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.tidings.model.ParsedFeed;
import org.tidings.parse.FeedParseException;
import org.tidings.parse.FeedParser;

/**
 * Parse throughput of {@link FeedParser} on large realistic feeds ({@link ParseBenchmarkFeeds}),
 * beside the ceiling: a bare StAX scan (every event, text touched) of the same bytes.
 *
 * <p>Run: {@code java -cp ... org.tidings.bench.ParseBenchmark} (see docs/BENCHMARKS.md); it
 * prints JMH's table and then MB/s and items/s for each benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx1g"})
public class ParseBenchmark {

    @Param({"wordpress-rss", "blog-atom"})
    public String feed;

    private byte[] document;
    private final FeedParser parser = new FeedParser();
    private final XMLInputFactory stax = newStax();

    @Setup(Level.Trial)
    public void setUp() {
        document = bytes(feed);
    }

    static byte[] bytes(String feed) {
        return feed.equals("wordpress-rss") ? ParseBenchmarkFeeds.wordpressRss() : ParseBenchmarkFeeds.blogAtom();
    }

    private static XMLInputFactory newStax() {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    @Benchmark
    public ParsedFeed parse() throws FeedParseException {
        return parser.parse(document, null, null);
    }

    /** The ceiling: the JDK's StAX reader over the same bytes, touching every event's text. */
    @Benchmark
    public long staxScan() throws XMLStreamException {
        XMLStreamReader reader = stax.createXMLStreamReader(new ByteArrayInputStream(document));
        long sum = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                sum += reader.getTextLength();
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                sum += reader.getAttributeCount();
            }
        }
        reader.close();
        return sum;
    }

    public static void main(String[] args) throws RunnerException, FeedParseException, XMLStreamException,
            org.openjdk.jmh.runner.options.CommandLineOptionException {
        if (args.length > 0 && args[0].equals("--cpu-only")) {
            cpuTime();
            return;
        }
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(ParseBenchmark.class.getName() + ".")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        FeedParser parser = new FeedParser();
        System.out.println();
        System.out.println("feed           benchmark  size(MB)  items    ops/s     MB/s   items/s");
        for (RunResult result : results) {
            String feedName = result.getParams().getParam("feed");
            byte[] bytes = bytes(feedName);
            int items = parser.parse(bytes, null, null).entries().size();
            double megabytes = bytes.length / 1_000_000.0;
            double opsPerSecond = result.getPrimaryResult().getScore();
            String benchmark = result.getParams().getBenchmark();
            System.out.printf(Locale.ROOT, "%-14s %-10s %8.2f %6d %8.2f %8.1f %9.0f%n", feedName,
                    benchmark.substring(benchmark.lastIndexOf('.') + 1), megabytes, items, opsPerSecond,
                    opsPerSecond * megabytes, opsPerSecond * items);
        }
        cpuTime();
    }

    /**
     * The same work timed by the process's CPU time instead of the wall clock: on a shared machine
     * (other processes competing for the cores) this is the figure to compare with another parser's
     * CPU time ({@code src/test/scripts/feedparser_bench.py} reports both).
     */
    static void cpuTime() throws FeedParseException, XMLStreamException {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.println();
        System.out.println("CPU time per parse (process CPU time incl. GC and JIT threads, 30 warm-up + 30 measured runs)");
        System.out.println("feed           benchmark  size(MB)  items  cpu-ms  MB/s(cpu)  items/s(cpu)");
        for (String feedName : new String[] {"wordpress-rss", "blog-atom"}) {
            ParseBenchmark state = new ParseBenchmark();
            state.feed = feedName;
            state.setUp();
            int items = state.parse().entries().size();
            double megabytes = state.document.length / 1_000_000.0;
            for (String benchmark : new String[] {"parse", "staxScan"}) {
                for (int i = 0; i < 30; i++) {
                    run(state, benchmark);
                }
                long start = os.getProcessCpuTime();
                for (int i = 0; i < 30; i++) {
                    run(state, benchmark);
                }
                double seconds = (os.getProcessCpuTime() - start) / 1e9 / 30;
                System.out.printf(Locale.ROOT, "%-14s %-10s %8.2f %6d %7.1f %10.1f %13.0f%n", feedName, benchmark,
                        megabytes, items, seconds * 1000, megabytes / seconds, items / seconds);
            }
        }
    }

    private static Object run(ParseBenchmark state, String benchmark) throws FeedParseException, XMLStreamException {
        return benchmark.equals("parse") ? state.parse() : state.staxScan();
    }
}
