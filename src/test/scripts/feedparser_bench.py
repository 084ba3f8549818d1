#!/usr/bin/python3
"""Time Debian's python3-feedparser on the benchmark feeds (same bytes as the JMH benchmark).

Usage: /usr/bin/python3 src/test/scripts/feedparser_bench.py [DIR] [RUNS]
DIR defaults to target/bench-feeds (written by org.tidings.bench.ParseBenchmarkFeeds).
Prints, per file: size, items, best and median wall-clock seconds per parse, MB/s and items/s
(median wall clock), then the same from CPU time (time.process_time), the figure to compare on a
shared machine with the CPU-time table of org.tidings.bench.ParseBenchmark.
"""
import os
import statistics
import sys
import time

import feedparser


def main(argv):
    directory = argv[1] if len(argv) > 1 else 'target/bench-feeds'
    runs = int(argv[2]) if len(argv) > 2 else 5
    print('feedparser %s, %d runs per file' % (feedparser.__version__, runs))
    print('%-22s %8s %6s %8s %9s %8s %9s %8s %10s %12s' % (
        'file', 'size(MB)', 'items', 'best(s)', 'median(s)', 'MB/s', 'items/s', 'cpu(s)', 'MB/s(cpu)',
        'items/s(cpu)'))
    for name in ('wordpress-large.rss', 'blog-large.atom'):
        with open(os.path.join(directory, name), 'rb') as f:
            data = f.read()
        feedparser.parse(data)  # warm-up
        times = []
        cpu = []
        items = 0
        for _ in range(runs):
            start = time.perf_counter()
            cpu_start = time.process_time()
            result = feedparser.parse(data)
            cpu.append(time.process_time() - cpu_start)
            times.append(time.perf_counter() - start)
            items = len(result.entries)
        median = statistics.median(times)
        cpu_median = statistics.median(cpu)
        megabytes = len(data) / 1e6
        print('%-22s %8.2f %6d %8.3f %9.3f %8.2f %9.0f %8.3f %10.2f %12.0f' % (
            name, megabytes, items, min(times), median, megabytes / median, items / median,
            cpu_median, megabytes / cpu_median, items / cpu_median))


if __name__ == '__main__':
    main(sys.argv)
