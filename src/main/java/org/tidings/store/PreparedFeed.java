package org.tidings.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;

/**
 * A parsed document with everything storing it needs that is a function of the document alone
 * computed ahead: the document's hash, and each entry's plain text, content hash, deflated body,
 * canonical link key, site, topic names and story fingerprint words. A sync prepares documents on
 * its parser threads ({@link #of} then {@link #prepareEntries}), so its single writer thread only
 * matches and writes; {@link Store#ingest(long, ParsedFeed, java.time.Instant)} prepares inline.
 * The entries are prepared at most once, when first needed: a document equal to the one stored
 * last time needs only its hash. Immutable but for that memo, which also drops the entries' HTML from
 * {@link #document()} (safe on any thread).
 */
public final class PreparedFeed {
    private volatile ParsedFeed document;
    private final long documentHash;
    private volatile @Nullable List<Item> entries;

    private PreparedFeed(ParsedFeed document, long documentHash) {
        this.document = document;
        this.documentHash = documentHash;
    }

    /** A document to store, hashed; its entries are prepared when first needed. Touches no database. */
    public static PreparedFeed of(ParsedFeed document) {
        Objects.requireNonNull(document, "document");
        return new PreparedFeed(document, DocumentHash.of(document));
    }

    /** Prepares the entries now, on this thread, if that was not done yet. */
    public PreparedFeed prepareEntries() {
        entries();
        return this;
    }

    /**
     * The document as parsed; once its entries are prepared, without their HTML bodies (each
     * prepared entry holds its body packed: a document waiting for the writer does not hold it twice).
     */
    public ParsedFeed document() {
        return document;
    }

    /** {@link DocumentHash#of} of the document (without the feed's URL). */
    long documentHash() {
        return documentHash;
    }

    /** The entries in document order, prepared. */
    List<Item> entries() {
        List<Item> prepared = entries;
        if (prepared == null) {
            synchronized (this) {
                prepared = entries;
                if (prepared == null) {
                    prepared = prepare();
                }
            }
        }
        return prepared;
    }

    /** Prepares the entries and drops their HTML from the document (under the lock of {@link #entries()}). */
    private List<Item> prepare() {
        ParsedFeed parsed = document;
        List<Item> items = new ArrayList<>(parsed.entries().size());
        List<Entry> withoutHtml = new ArrayList<>(parsed.entries().size());
        for (Entry entry : parsed.entries()) {
            Item item = Item.of(entry);
            items.add(item);
            withoutHtml.add(item.entry());
        }
        List<Item> prepared = List.copyOf(items);
        document = new ParsedFeed(parsed.format(), parsed.title(), parsed.link(), parsed.description(),
                parsed.language(), withoutHtml, parsed.hints(), parsed.recovered(), parsed.warnings());
        entries = prepared;
        return prepared;
    }

    /**
     * One entry prepared: what ingest derives from it alone.
     *
     * @param entry the entry, without its HTML body (that is {@code body}, packed)
     * @param title the title, whitespace collapsed; null when blank
     * @param text the plain text search indexes and stories compare (of the HTML, else the summary)
     * @param contentHash hash of title and text: an edit the reader would see
     * @param body the HTML body in its stored form ({@link Bodies#pack})
     * @param titleKey the normalized headline ({@link StoryFingerprint#titleKey}); null without title
     * @param linkKey the identity key of the link ({@link Identity#linkKey}); null without link
     * @param linkSite the site of the link ({@link Identity#site}); null when it has none
     * @param topicNames the display names of its categories that name a topic, in order
     * @param story what story grouping reads of its title and text
     */
    record Item(Entry entry, @Nullable String title, @Nullable String text, long contentHash,
            byte @Nullable [] body, @Nullable String titleKey, @Nullable String linkKey, @Nullable String linkSite,
            List<String> topicNames, StoryFingerprint.Words story) {
        static Item of(Entry entry) {
            String title = entry.title() == null || entry.title().isBlank() ? null : Text.collapse(entry.title());
            String text = Bodies.searchText(entry.contentHtml(), entry.summary());
            long contentHash = Text.hash64(title == null ? "" : title, '\u0000', text == null ? "" : text);
            String linkKey = entry.link() != null && !entry.link().isBlank() ? Identity.linkKey(entry.link()) : null;
            List<String> topicNames = new ArrayList<>(entry.categories().size());
            for (String category : entry.categories()) {
                Optional<String> name = Topics.displayName(category);
                name.ifPresent(topicNames::add);
            }
            StoryFingerprint.Words story = StoryFingerprint.Words.of(title, text);
            Entry withoutHtml = entry.contentHtml() == null ? entry
                    : new Entry(entry.id(), entry.link(), entry.title(), entry.published(), entry.updated(), entry.author(),
                            entry.categories(), entry.enclosures(), entry.media(), null, entry.summary(), entry.commentsUrl());
            return new Item(withoutHtml, title, text, contentHash, Bodies.pack(entry.contentHtml()), title == null ? null : story.titleKey(),
                    linkKey, Identity.site(entry.link()).orElse(null), List.copyOf(topicNames), story);
        }
    }
}
