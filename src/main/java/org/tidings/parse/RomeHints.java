package org.tidings.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.SyModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;
import org.tidings.model.FeedFormat;
import org.tidings.model.FeedHints;

/**
 * What Rome reads at the feed level: the exact format (Rome's feed type) and the polling hints
 * (RSS {@code ttl}, {@code skipHours}, {@code skipDays}; {@code sy:updatePeriod} and {@code
 * sy:updateFrequency}). Rome is given the feed's skeleton (the root and channel without their items),
 * which keeps this cheap on large feeds; items are mapped by {@link XmlFeedMapper}.
 */
final class RomeHints {
    private RomeHints() {}

    private static final org.jdom2.Namespace SY =
            org.jdom2.Namespace.getNamespace("http://purl.org/rss/1.0/modules/syndication/");

    record Result(@Nullable FeedFormat format, FeedHints hints) {}

    static Result read(Document document) {
        WireFeed wire;
        try {
            WireFeedInput input = new WireFeedInput(false, Locale.ROOT);
            wire = input.build(skeleton(document.getRootElement()));
        } catch (Exception | LinkageError e) {
            return new Result(null, FeedHints.NONE);
        }
        return new Result(format(wire.getFeedType()), hints(wire, document.getRootElement()));
    }

    private static Document skeleton(Element root) {
        Element copy = shallowCopy(root);
        for (Element child : root.getChildren()) {
            String name = child.getName();
            if (name.equals("item") || name.equals("entry")) {
                continue;
            }
            if (name.equals("channel")) {
                Element channel = shallowCopy(child);
                for (Element grandChild : child.getChildren()) {
                    if (!grandChild.getName().equals("item")) {
                        channel.addContent(grandChild.clone());
                    }
                }
                copy.addContent(channel);
            } else {
                copy.addContent(child.clone());
            }
        }
        return new Document(copy);
    }

    private static Element shallowCopy(Element element) {
        Element copy = new Element(element.getName(), element.getNamespace());
        element.getAdditionalNamespaces().forEach(copy::addNamespaceDeclaration);
        element.getAttributes().forEach(attribute -> copy.setAttribute(attribute.clone()));
        return copy;
    }

    static @Nullable FeedFormat format(@Nullable String feedType) {
        if (feedType == null) {
            return null;
        }
        return switch (feedType) {
            case "rss_0.9" -> FeedFormat.RSS_090;
            case "rss_0.91N", "rss_0.91U" -> FeedFormat.RSS_091;
            case "rss_0.92" -> FeedFormat.RSS_092;
            case "rss_0.93" -> FeedFormat.RSS_093;
            case "rss_0.94" -> FeedFormat.RSS_094;
            case "rss_1.0" -> FeedFormat.RSS_10;
            case "rss_2.0" -> FeedFormat.RSS_20;
            case "atom_0.3" -> FeedFormat.ATOM_03;
            case "atom_1.0" -> FeedFormat.ATOM_10;
            default -> null;
        };
    }

    static FeedHints hints(WireFeed wire, Element root) {
        Duration ttl = null;
        Set<Integer> skipHours = new HashSet<>();
        Set<DayOfWeek> skipDays = new HashSet<>();
        if (wire instanceof Channel channel) {
            if (channel.getTtl() > 0) {
                ttl = Duration.ofMinutes(channel.getTtl());
            }
            for (Integer hour : channel.getSkipHours()) {
                if (hour != null && hour >= 0 && hour <= 24) {
                    skipHours.add(hour % 24);
                }
            }
            for (String day : channel.getSkipDays()) {
                DayOfWeek parsed = day(day);
                if (parsed != null) {
                    skipDays.add(parsed);
                }
            }
        }
        String periodName = null;
        int frequency = 1;
        if (wire.getModule(SyModule.URI) instanceof SyModule sy && sy.getUpdatePeriod() != null) {
            periodName = sy.getUpdatePeriod();
            frequency = sy.getUpdateFrequency();
        } else {
            // Rome reads the syndication module for RSS 1.0 only; RSS 2.0 and Atom feeds use it too.
            Element channel = root.getChild("channel", root.getNamespace());
            for (Element parent : channel == null ? java.util.List.of(root) : java.util.List.of(root, channel)) {
                Element period = parent.getChild("updatePeriod", SY);
                if (period != null) {
                    periodName = period.getTextTrim();
                    Element frequencyElement = parent.getChild("updateFrequency", SY);
                    try {
                        frequency = frequencyElement == null ? 1 : Integer.parseInt(frequencyElement.getTextTrim());
                    } catch (NumberFormatException e) {
                        frequency = 1;
                    }
                }
            }
        }
        Duration updatePeriod = null;
        if (periodName != null) {
            Duration period = switch (periodName.strip().toLowerCase(Locale.ROOT)) {
                case "hourly" -> Duration.ofHours(1);
                case "daily" -> Duration.ofDays(1);
                case "weekly" -> Duration.ofDays(7);
                case "monthly" -> Duration.ofDays(30);
                case "yearly" -> Duration.ofDays(365);
                default -> null;
            };
            if (period != null) {
                updatePeriod = period.dividedBy(frequency > 0 ? frequency : 1);
            }
        }
        if (ttl == null && skipHours.isEmpty() && skipDays.isEmpty() && updatePeriod == null) {
            return FeedHints.NONE;
        }
        return new FeedHints(ttl, skipHours, skipDays, updatePeriod);
    }

    private static @Nullable DayOfWeek day(@Nullable String day) {
        if (day == null) {
            return null;
        }
        try {
            return DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
