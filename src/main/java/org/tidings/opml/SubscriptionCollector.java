package org.tidings.opml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Subscription;

/**
 * Gathers subscriptions and folders in document order. A feed URL seen again is merged into the
 * first one: the first folder wins, the other folder's path is added to the tags, missing titles
 * and site URLs are filled in, tags are united.
 */
final class SubscriptionCollector {
    private final Map<String, Draft> byUrl = new LinkedHashMap<>();
    private final Set<String> folders = new LinkedHashSet<>();
    private final Warnings warnings;

    SubscriptionCollector(Warnings warnings) {
        this.warnings = warnings;
    }

    void addFolder(String path) {
        folders.addAll(FolderPaths.withAncestors(path));
    }

    void add(
            String url,
            @Nullable String title,
            @Nullable String siteUrl,
            @Nullable String folder,
            List<String> tags,
            String where) {
        add(url, title, siteUrl, folder, tags, false, where);
    }

    void add(
            String url,
            @Nullable String title,
            @Nullable String siteUrl,
            @Nullable String folder,
            List<String> tags,
            boolean fullText,
            String where) {
        Draft existing = byUrl.get(url);
        if (existing == null) {
            if (folder != null) {
                addFolder(folder);
            }
            Draft draft = new Draft(url, title, siteUrl, folder, tags);
            draft.fullText = fullText;
            byUrl.put(url, draft);
            return;
        }
        existing.fullText |= fullText;
        if (Objects.equals(existing.folder, folder)) {
            warnings.add(where + ": " + Warnings.quote(url) + " is listed again in the same folder; kept once");
        } else {
            String other = folder == null ? "(top level)" : folder;
            warnings.add(where + ": " + Warnings.quote(url) + " is listed again in folder " + Warnings.quote(other)
                    + "; kept once in " + (existing.folder == null ? "the top level" : Warnings.quote(existing.folder))
                    + (folder == null ? "" : ", with " + Warnings.quote(folder) + " added to its tags"));
            if (folder != null) {
                existing.tags.add(folder);
            }
        }
        if (existing.title == null) {
            existing.title = title;
        }
        if (existing.siteUrl == null) {
            existing.siteUrl = siteUrl;
        }
        existing.tags.addAll(tags);
    }

    /** The topic given to a feed already added (the first one given wins). */
    void topic(String url, @Nullable String topic) {
        Draft existing = byUrl.get(url);
        if (existing != null && existing.topic == null) {
            existing.topic = topic;
        }
    }

    List<Subscription> subscriptions() {
        List<Subscription> all = new ArrayList<>(byUrl.size());
        for (Draft draft : byUrl.values()) {
            all.add(new Subscription(draft.url, draft.title, draft.siteUrl, draft.folder, List.copyOf(draft.tags), draft.topic, draft.fullText));
        }
        return all;
    }

    List<String> folders() {
        return List.copyOf(folders);
    }

    private static final class Draft {
        final String url;
        @Nullable String title;
        @Nullable String siteUrl;
        final @Nullable String folder;
        final Set<String> tags;
        @Nullable String topic;
        boolean fullText;

        Draft(String url, @Nullable String title, @Nullable String siteUrl, @Nullable String folder, List<String> tags) {
            this.url = url;
            this.title = title;
            this.siteUrl = siteUrl;
            this.folder = folder;
            this.tags = new LinkedHashSet<>(tags);
        }
    }
}
