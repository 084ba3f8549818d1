package org.tidings.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the rules decided for one article: the union of the actions of every rule that matched.
 *
 * @param topics topics to add to the article, in the order the rules name them
 */
public record Curation(boolean hide, boolean read, boolean star, List<String> topics) {
    public static final Curation NONE = new Curation(false, false, false, List.of());

    public Curation {
        topics = List.copyOf(new LinkedHashSet<>(topics));
    }

    public boolean isNone() {
        return !hide && !read && !star && topics.isEmpty();
    }

    /** This and {@code other} together. */
    public Curation and(Curation other) {
        Set<String> both = new LinkedHashSet<>(topics);
        both.addAll(other.topics);
        return new Curation(hide || other.hide, read || other.read, star || other.star, List.copyOf(both));
    }
}
