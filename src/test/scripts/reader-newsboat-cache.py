#!/usr/bin/env python3
"""Fills a newsboat cache.db the size of the reader benchmark's database, for the start-up comparison
in docs/BENCHMARKS.md ("tui (reader)"): FEEDS feeds x PER_FEED items (~500 bytes of content each,
70% read), and writes the matching urls file. The cache must first be created by newsboat itself:

  newsboat -u seed-urls -c DIR/cache.db -x reload      # one exec: feed, so the schema is newsboat's
  python3 reader-newsboat-cache.py DIR [FEEDS PER_FEED]
"""
import sqlite3
import sys

directory = sys.argv[1]
feeds = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
per_feed = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
db = sqlite3.connect(directory + "/cache.db")
body = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 8 + "</p>"
with open(directory + "/urls", "w") as urls:
    for f in range(feeds):
        urls.write("https://site%d.example/feed\n" % f)
db.execute("DELETE FROM rss_item")
db.execute("DELETE FROM rss_feed")
db.executemany("INSERT INTO rss_feed (rssurl, url, title) VALUES (?, ?, ?)",
               (("https://site%d.example/feed" % f, "https://site%d.example/" % f, "Site %d" % f) for f in range(feeds)))
base = 1795000000


def items():
    for i in range(1, feeds * per_feed + 1):
        f = (i - 1) // per_feed
        yield ("https://site%d.example/%d" % (f, i), "Story %d" % i, "Reporter %d" % (i % 300),
               "https://site%d.example/%d" % (f, i), "https://site%d.example/feed" % f, base - i, body,
               0 if (i * 7919) % 100 < 70 else 1)


db.executemany("INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", items())
db.commit()
db.execute("ANALYZE")
db.commit()
print("%d items in %d feeds" % (db.execute("SELECT count(*) FROM rss_item").fetchone()[0], feeds))
