package org.tidings.parse;

import static org.tidings.parse.Names.is;
import static org.tidings.parse.Names.lower;
import static org.tidings.parse.Names.ns;

import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Entry;
import org.tidings.model.FeedFormat;
import org.tidings.html.HtmlText;

/**
 * RSS 0.90-0.94 and 2.0 ({@code <rss><channel>…<item>}, or a bare {@code <channel>}): the channel's
 * title, link, description and language, and its items ({@link RssItems}). RSS 1.0 reads its
 * channel the same way ({@link RdfMapper}).
 */
final class RssMapper {
    private RssMapper() {}

    /** The fields of an RSS channel element. */
    record Channel(@Nullable String title, @Nullable String link, @Nullable String description,
            @Nullable String language) {
        static final Channel NONE = new Channel(null, null, null, null);
    }

    static XmlFeedMapper.Mapped map(Element root, FeedFormat format, Links links) {
        Element channel = root.getName().equals("channel") ? root : null;
        if (channel == null) {
            for (Element child : root.getChildren()) {
                if (is(child, "", "channel")) {
                    channel = child;
                    break;
                }
            }
        }
        Channel fields = channel == null ? Channel.NONE : channel(channel, links);
        List<Element> items = new ArrayList<>();
        FeedRoot.collect(root, "item", items);
        return new XmlFeedMapper.Mapped(format, fields.title(), fields.link(), fields.description(),
                fields.language(), entries(items, fields.link(), links));
    }

    static Channel channel(Element channel, Links links) {
        String title = null;
        String link = null;
        String description = null;
        String language = null;
        for (Element child : channel.getChildren()) {
            String prefix = ns(child);
            String name = lower(child.getName());
            if ((prefix.isEmpty() || prefix.equals("dc")) && name.equals("title")) {
                title = TextConstructs.rssText(child);
            } else if (prefix.isEmpty() && name.equals("link")) {
                String value = links.rssLink(child);
                if (value != null) {
                    link = value;
                }
            } else if (prefix.isEmpty() && name.equals("description")) {
                description = HtmlText.plain(child.getText());
            } else if ((prefix.isEmpty() || prefix.equals("dc")) && name.equals("language")) {
                language = HtmlText.collapse(child.getText());
            }
        }
        return new Channel(title, link, description, language);
    }

    static List<Entry> entries(List<Element> items, @Nullable String feedLink, Links links) {
        RssItems reader = new RssItems(links);
        List<Entry> entries = new ArrayList<>(items.size());
        for (Element item : items) {
            entries.add(reader.entry(item, feedLink));
        }
        return entries;
    }
}
