package org.tidings.parse;

import java.nio.charset.StandardCharsets;

/** Generated hostile feeds shared by tests. */
public final class HostileFeeds {
    private HostileFeeds() {}

    /** An RSS 2.0 feed of {@code count} small items, ids urn:item:0.., one a minute back from 2026-11-27. */
    public static byte[] items(int count) {
        StringBuilder xml = new StringBuilder(count * 260 + 200);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Many</title>")
                .append("<link>https://many.example/</link>");
        java.time.Instant base = java.time.Instant.parse("2026-11-27T00:00:00Z");
        java.time.format.DateTimeFormatter rfc = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .withZone(java.time.ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            xml.append("<item><guid isPermaLink=\"false\">urn:item:").append(i).append("</guid><title>Item ")
                    .append(i).append("</title><link>https://many.example/").append(i).append("</link><pubDate>")
                    .append(rfc.format(base.minusSeconds(60L * i))).append("</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
