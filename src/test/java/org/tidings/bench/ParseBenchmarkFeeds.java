package org.tidings.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic large, realistic feeds for the parse benchmark: a WordPress-like RSS 2.0 with
 * content:encoded (about 4 MB) and a blog-platform-like Atom 1.0 with HTML content (about 3 MB).
 * {@code main(DIR)} writes them as {@code wordpress-large.rss} and {@code blog-large.atom} so
 * other parsers can be timed on the same bytes.
 */
public final class ParseBenchmarkFeeds {
    private ParseBenchmarkFeeds() {}

    static final int RSS_ITEMS = 600;
    static final int ATOM_ENTRIES = 500;

    private static final String[] WORDS = ("the senate on thursday passed budget president said lagos abuja "
            + "governor market naira economy election commission party leaders wire report people's daily "
            + "minister security police state federal government officials national assembly trade talks "
            + "beijing agreement oil price crude production export import growth inflation bank rate")
            .split(" ");

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-feeds");
        Files.createDirectories(dir);
        Files.write(dir.resolve("wordpress-large.rss"), wordpressRss());
        Files.write(dir.resolve("blog-large.atom"), blogAtom());
        System.out.println("wrote " + dir.resolve("wordpress-large.rss") + " and " + dir.resolve("blog-large.atom"));
    }

    static byte[] wordpressRss() {
        Random random = new Random(42);
        StringBuilder out = new StringBuilder(5_000_000);
        out.append("""
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
                	xmlns:content="http://purl.org/rss/1.0/modules/content/"
                	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                	xmlns:dc="http://purl.org/dc/elements/1.1/"
                	xmlns:atom="http://www.w3.org/2005/Atom"
                	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
                	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
                	xmlns:media="http://search.yahoo.com/mrss/">
                <channel>
                	<title>Nigeria News 24</title>
                	<atom:link href="https://nigerianews24.example.ng/feed/" rel="self" type="application/rss+xml" />
                	<link>https://nigerianews24.example.ng</link>
                	<description>Latest Nigerian news &#8211; politics, business, foreign</description>
                	<lastBuildDate>Fri, 27 Nov 2026 07:45:12 +0000</lastBuildDate>
                	<language>en-US</language>
                	<sy:updatePeriod>hourly</sy:updatePeriod>
                	<sy:updateFrequency>1</sy:updateFrequency>
                	<generator>https://wordpress.org/?v=6.4</generator>
                """);
        ZonedDateTime date = ZonedDateTime.of(2026, 11, 27, 7, 0, 0, 0, ZoneOffset.ofHours(1));
        for (int i = 0; i < RSS_ITEMS; i++) {
            String slug = "story-" + i + "-" + words(random, 4).replace(' ', '-');
            String link = "https://nigerianews24.example.ng/2026/11/" + slug + "/";
            out.append("\t<item>\n\t\t<title>").append(title(random)).append(" &#8211; ").append(i).append("</title>\n")
                    .append("\t\t<link>").append(link).append("</link>\n")
                    .append("\t\t<comments>").append(link).append("#respond</comments>\n")
                    .append("\t\t<dc:creator><![CDATA[").append(capitalize(words(random, 2))).append("]]></dc:creator>\n")
                    .append("\t\t<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(date.minusMinutes(17L * i)))
                    .append("</pubDate>\n")
                    .append("\t\t<category><![CDATA[Politics]]></category>\n\t\t<category><![CDATA[")
                    .append(capitalize(words(random, 1))).append("]]></category>\n")
                    .append("\t\t<guid isPermaLink=\"false\">https://nigerianews24.example.ng/?p=").append(100_000 + i)
                    .append("</guid>\n")
                    .append("\t\t<description><![CDATA[<p>").append(sentence(random, 40)).append(" [&#8230;]</p>]]></description>\n")
                    .append("\t\t<content:encoded><![CDATA[");
            for (int p = 0; p < 12; p++) {
                out.append("<p>").append(sentence(random, 60));
                if (p % 4 == 1) {
                    out.append(" <a href=\"https://nigerianews24.example.ng/tag/").append(words(random, 1))
                            .append("/\">").append(words(random, 2)).append("</a>");
                }
                out.append("</p>\n");
                if (p == 3) {
                    out.append("<figure><img src=\"https://nigerianews24.example.ng/wp-content/uploads/2026/11/")
                            .append(i).append(".jpg\" width=\"800\" height=\"450\" alt=\"").append(words(random, 3))
                            .append("\" /></figure>\n");
                }
            }
            out.append("]]></content:encoded>\n")
                    .append("\t\t<wfw:commentRss>").append(link).append("feed/</wfw:commentRss>\n")
                    .append("\t\t<slash:comments>").append(random.nextInt(40)).append("</slash:comments>\n")
                    .append("\t\t<media:content url=\"https://nigerianews24.example.ng/wp-content/uploads/2026/11/")
                    .append(i).append(".jpg\" medium=\"image\" width=\"800\" height=\"450\" />\n")
                    .append("\t</item>\n");
        }
        out.append("</channel>\n</rss>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] blogAtom() {
        Random random = new Random(7);
        StringBuilder out = new StringBuilder(4_000_000);
        out.append("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="https://blog.example.org/">
                  <title type="text">Example Engineering Blog</title>
                  <subtitle type="html">Notes on &lt;em&gt;building&lt;/em&gt; things</subtitle>
                  <link rel="alternate" type="text/html" href="/"/>
                  <link rel="self" type="application/atom+xml" href="/feed.atom"/>
                  <id>tag:blog.example.org,2026:feed</id>
                  <updated>2026-11-27T08:00:00Z</updated>
                  <generator uri="https://example.org/gen" version="1.0">Gen</generator>
                """);
        ZonedDateTime date = ZonedDateTime.of(2026, 11, 27, 8, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < ATOM_ENTRIES; i++) {
            String stamp = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.minusHours(5L * i));
            out.append("  <entry>\n    <title type=\"html\">").append(title(random)).append(" &amp;amp; more ").append(i)
                    .append("</title>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"/2026/").append(i).append("/")
                    .append(words(random, 3).replace(' ', '-')).append("\"/>\n")
                    .append("    <link rel=\"replies\" type=\"text/html\" href=\"/2026/").append(i).append("#comments\"/>\n")
                    .append("    <id>tag:blog.example.org,2026:post-").append(i).append("</id>\n")
                    .append("    <published>").append(stamp).append("</published>\n")
                    .append("    <updated>").append(stamp).append("</updated>\n")
                    .append("    <author><name>").append(capitalize(words(random, 2))).append("</name><uri>https://blog.example.org/</uri></author>\n")
                    .append("    <category term=\"").append(words(random, 1)).append("\" label=\"")
                    .append(capitalize(words(random, 1))).append("\"/>\n")
                    .append("    <summary type=\"text\">").append(sentence(random, 30)).append("</summary>\n")
                    .append("    <content type=\"html\">");
            for (int p = 0; p < 10; p++) {
                out.append("&lt;p&gt;").append(sentence(random, 60)).append(" &lt;code&gt;x &amp;amp;&amp;amp; y&lt;/code&gt;&lt;/p&gt;\n");
            }
            out.append("</content>\n  </entry>\n");
        }
        out.append("</feed>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String title(Random random) {
        return capitalize(words(random, 5 + random.nextInt(6))) + (random.nextInt(3) == 0 ? " &#8216;quoted&#8217;" : "");
    }

    private static String sentence(Random random, int words) {
        return capitalize(words(random, words)) + ".";
    }

    private static String words(Random random, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
