package org.tidings.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;
import org.tidings.html.HtmlText;

/** Categories with the duplicate rule of the reference parser: identical (term, scheme, label) once. */
final class Categories {
    private record Tag(@Nullable String term, @Nullable String scheme, @Nullable String label) {}

    private final List<Tag> tags = new ArrayList<>();
    /** How often each tag is in {@code tags}: a linear-time duplicate check (10,000 categories). */
    private final java.util.Map<Tag, Integer> counts = new java.util.HashMap<>();

    void add(Element element) {
        String term = element.getAttributeValue("term");
        String scheme = element.getAttributeValue("scheme", element.getAttributeValue("domain"));
        String label = element.getAttributeValue("label");
        addTag(term, scheme, label);
        String value = element.getTextTrim();
        if (value.isEmpty()) {
            return;
        }
        if (!tags.isEmpty() && tags.get(tags.size() - 1).term() == null) {
            Tag last = tags.remove(tags.size() - 1);
            counts.computeIfPresent(last, (key, count) -> count == 1 ? null : count - 1);
            Tag named = new Tag(value, last.scheme(), last.label());
            tags.add(named);
            counts.merge(named, 1, Integer::sum);
        } else {
            addTag(value, null, null);
        }
    }

    void addTerm(String term) {
        addTag(term, null, null);
    }

    private void addTag(@Nullable String term, @Nullable String scheme, @Nullable String label) {
        if ((term == null || term.isEmpty()) && (scheme == null || scheme.isEmpty())
                && (label == null || label.isEmpty())) {
            return;
        }
        Tag tag = new Tag(term == null || term.isEmpty() ? null : term, scheme, label);
        if (!counts.containsKey(tag)) {
            tags.add(tag);
            counts.merge(tag, 1, Integer::sum);
        }
    }

    List<String> terms() {
        List<String> out = new ArrayList<>(tags.size());
        for (Tag tag : tags) {
            if (Objects.equals(tag.scheme(), "http://www.itunes.com/")) {
                continue;
            }
            String term = HtmlText.collapse(tag.term());
            if (term == null) {
                term = HtmlText.collapse(tag.label());
            }
            if (term != null) {
                out.add(term);
            }
        }
        return out;
    }
}
