package org.tidings.parse;

import static org.tidings.parse.Names.emptyToNull;
import static org.tidings.parse.Names.ns;

import java.util.List;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Enclosure;
import org.tidings.model.Media;
import org.tidings.html.HtmlText;

/** Enclosures (RSS {@code enclosure}, Atom {@code link rel="enclosure"}) and Media RSS ({@code media:*}). */
final class MediaElements {
    private final Links links;

    MediaElements(Links links) {
        this.links = links;
    }

    /** An RSS {@code enclosure} (its URL as written, never resolved, as the reference parser does). */
    static void enclosure(Element enclosure, List<Enclosure> enclosures) {
        String url = enclosure.getAttributeValue("url");
        if (url == null) {
            url = enclosure.getAttributeValue("href");
        }
        if (url == null || url.isBlank()) {
            return;
        }
        enclosures.add(new Enclosure(url.strip(), emptyToNull(HtmlText.collapse(enclosure.getAttributeValue("type"))),
                length(enclosure.getAttributeValue("length"))));
    }

    /** An Atom (or Atom-in-RSS) {@code link rel="enclosure"} becomes an enclosure. */
    void linkEnclosure(Element link, List<Enclosure> enclosures) {
        String rel = link.getAttributeValue("rel", "alternate").strip();
        if (!rel.equals("enclosure")) {
            return;
        }
        String href = link.getAttributeValue("href");
        if (href == null) {
            href = link.getTextTrim();
        }
        if (href.isBlank()) {
            return;
        }
        enclosures.add(new Enclosure(links.resolve(link, href),
                emptyToNull(HtmlText.collapse(link.getAttributeValue("type"))), length(link.getAttributeValue("length"))));
    }

    /** {@code media:content}, {@code media:thumbnail}, and those inside {@code media:group}. */
    void media(Element element, List<Media> media) {
        String name = element.getName();
        if (name.equals("group")) {
            for (Element child : element.getChildren()) {
                if (ns(child).equals("media")) {
                    media(child, media);
                }
            }
            return;
        }
        if (!name.equals("content") && !name.equals("thumbnail")) {
            return;
        }
        String url = element.getAttributeValue("url");
        if (url == null || url.isBlank()) {
            return;
        }
        media.add(new Media(links.resolve(element, url), emptyToNull(element.getAttributeValue("type")),
                emptyToNull(element.getAttributeValue("medium")), integer(element.getAttributeValue("width")),
                integer(element.getAttributeValue("height")), name.equals("thumbnail")));
    }

    /** A length: all digits (at most 18), else null. */
    static @Nullable Long length(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String digits = value.strip();
        if (digits.isEmpty() || digits.length() > 18) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(digits);
    }

    private static @Nullable Integer integer(@Nullable String value) {
        Long number = length(value);
        return number == null || number > Integer.MAX_VALUE ? null : number.intValue();
    }
}
