#!/usr/bin/python3
"""Time Debian's python3-feedparser on the benchmark feeds (same bytes as the JMH benchmark).

Usage: /usr/bin/python3 bench/feedparser_bench.py [DIR] [RUNS]
DIR defaults to target/bench-feeds (written by org.tidings.bench.ParseBenchmarkFeeds).
Prints, per file: size, items, best and median seconds per parse, MB/s and items/s (median).
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
    print('%-22s %8s %6s %8s %8s %8s %9s' % ('file', 'size(MB)', 'items', 'best(s)', 'median(s)', 'MB/s', 'items/s'))
    for name in ('wordpress-large.rss', 'blog-large.atom'):
        with open(os.path.join(directory, name), 'rb') as f:
            data = f.read()
        times = []
        items = 0
        for _ in range(runs):
            start = time.perf_counter()
            result = feedparser.parse(data)
            times.append(time.perf_counter() - start)
            items = len(result.entries)
        median = statistics.median(times)
        megabytes = len(data) / 1e6
        print('%-22s %8.2f %6d %8.3f %8.3f %8.2f %9.0f' % (
            name, megabytes, items, min(times), median, megabytes / median, items / median))


if __name__ == '__main__':
    main(sys.argv)
