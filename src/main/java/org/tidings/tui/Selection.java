package org.tidings.tui;

import java.util.Objects;

/** What an article list shows: one of the sources or topics rows, or a search. */
public sealed interface Selection {
    /** A title for the header line (untrusted: sanitize before drawing). */
    String title();

    /** Every unread article (with unread-only off: every article). */
    record AllUnread() implements Selection {
        @Override
        public String title() {
            return "All unread";
        }
    }

    /** Starred articles. */
    record Starred() implements Selection {
        @Override
        public String title() {
            return "Starred";
        }
    }

    /** One feed. */
    record Feed(long feedId, String title) implements Selection {
        public Feed {
            Objects.requireNonNull(title, "title");
        }
    }

    /** Every feed in a folder (and its sub-folders); {@code path} as in {@code Subscription.folder}. */
    record Folder(String path) implements Selection {
        public Folder {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String title() {
            return path;
        }
    }

    /** Every article carrying a topic (category), from every source. */
    record Topic(String name) implements Selection {
        public Topic {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String title() {
            return name;
        }
    }

    /** A full-text search (the store's FTS query syntax). */
    record Search(String query) implements Selection {
        public Search {
            Objects.requireNonNull(query, "query");
        }

        @Override
        public String title() {
            return "Search: " + query;
        }
    }
}
