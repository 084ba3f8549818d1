package org.tidings.parse;

import static org.tidings.parse.Names.is;

import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.tidings.model.FeedFormat;

/**
 * RSS 1.0 and 0.90, the RDF family ({@code <rdf:RDF><channel/><item rdf:about="…"/>…}): the channel
 * and its items are siblings under the RDF root, and an item is named by its {@code rdf:about}.
 * Channel and item elements are RSS's own, read by {@link RssMapper} and {@link RssItems}.
 */
final class RdfMapper {
    private RdfMapper() {}

    static boolean isRdfRoot(Element root) {
        return root.getName().equals("RDF") || root.getName().equals("rdf");
    }

    static XmlFeedMapper.Mapped map(Element root, FeedFormat format, Links links) {
        RssMapper.Channel channel = RssMapper.Channel.NONE;
        for (Element child : root.getChildren()) {
            if (is(child, "", "channel")) {
                channel = RssMapper.channel(child, links);
                break;
            }
        }
        // Items are the root's children; broken feeds also nest them in the channel: take them anywhere.
        List<Element> items = new ArrayList<>();
        FeedRoot.collect(root, "item", items);
        return new XmlFeedMapper.Mapped(format, channel.title(), channel.link(), channel.description(),
                channel.language(), RssMapper.entries(items, channel.link(), links));
    }
}
