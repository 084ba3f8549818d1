package org.tidings.opml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tidings.xml.XmlCharset;

/**
 * Reads a newsboat {@code urls} file into an {@link OpmlDocument} (no title, no date).
 *
 * <p>Each line is a URL followed by tags, separated by blanks; a tag with blanks is quoted
 * ({@code "cool stuff"}), and inside quotes {@code \"}, {@code \\}, {@code \n}, {@code \t} are
 * escapes, as newsboat tokenizes them. A {@code #} outside quotes starts a comment. Then:
 *
 * <ul>
 *   <li>{@code "~Title"} sets the title (the last one wins);
 *   <li>{@code "!..."} (newsboat's hidden-feed marker) is ignored, with a warning;
 *   <li>every other tag is kept, in order, in {@link org.tidings.model.Subscription#tags()};
 *   <li>the first of them is also the folder; a {@code /} in it nests ({@code "News/Tech"} is the
 *       folder {@code News/Tech}), as newsboat's own OPML import writes nested folders;
 *   <li>{@code query:}, {@code exec:} and {@code filter:} lines, and URLs that are not http(s),
 *       are skipped with a warning.
 * </ul>
 */
public final class NewsboatUrlsReader {
    private final int maxBytes;

    /** A reader accepting files up to {@link OpmlReader#DEFAULT_MAX_BYTES}. */
    public NewsboatUrlsReader() {
        this(OpmlReader.DEFAULT_MAX_BYTES);
    }

    /** A reader accepting files up to {@code maxBytes}. */
    public NewsboatUrlsReader(int maxBytes) {
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Reads a urls file. */
    public OpmlDocument read(Path file) throws OpmlException, IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Reads a urls file from a stream (not closed), at most the size limit plus one byte. */
    public OpmlDocument read(InputStream in) throws OpmlException, IOException {
        Objects.requireNonNull(in, "in");
        return read(OpmlReader.readBounded(in, maxBytes, "newsboat urls file"));
    }

    /**
     * Reads a urls file (UTF-8; invalid bytes are replaced). Throws only when the file is too large
     * or is plainly an OPML/XML file given by mistake; every other problem is a warning.
     */
    public OpmlDocument read(byte[] file) throws OpmlException {
        Objects.requireNonNull(file, "file");
        if (file.length > maxBytes) {
            throw OpmlReader.tooLarge("newsboat urls file", maxBytes);
        }
        Warnings warnings = new Warnings();
        String text = XmlCharset.decodeUtf8Replacing(file, warnings::add);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.stripLeading().startsWith("<")) {
            throw new OpmlException(
                    "not a newsboat urls file: it starts with '<' (an OPML file? import it as OPML instead)");
        }
        SubscriptionCollector collector = new SubscriptionCollector(warnings);
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            readLine(lines[i], "line " + (i + 1), collector, warnings);
        }
        return new OpmlDocument(null, null, collector.subscriptions(), collector.folders(), warnings.toList());
    }

    private static void readLine(String line, String where, SubscriptionCollector collector, Warnings warnings) {
        List<String> tokens = tokenize(line);
        if (tokens.isEmpty()) {
            return;
        }
        String rawUrl = tokens.get(0);
        String scheme = rawUrl.toLowerCase(Locale.ROOT);
        for (String special : List.of("query:", "exec:", "filter:")) {
            if (scheme.startsWith(special)) {
                warnings.add(where + ": skipped " + special.substring(0, special.length() - 1)
                        + " feed " + Warnings.quote(rawUrl) + ": tidings only follows http(s) feeds");
                return;
            }
        }
        Optional<String> url = FeedUrls.feedUrl(rawUrl, where, warnings);
        if (url.isEmpty()) {
            return;
        }
        @Nullable String title = null;
        List<String> tags = new ArrayList<>();
        for (String token : tokens.subList(1, tokens.size())) {
            if (token.startsWith("~")) {
                String name = token.substring(1).strip();
                title = name.isEmpty() ? null : name;
            } else if (token.startsWith("!")) {
                warnings.add(where + ": " + Warnings.quote(url.get())
                        + " is hidden in newsboat (tag " + Warnings.quote(token) + "); imported as a normal feed");
            } else {
                String tag = Warnings.oneLine(token).strip();
                if (!tag.isEmpty() && !tags.contains(tag)) {
                    tags.add(tag);
                }
            }
        }
        String folder = tags.isEmpty() ? null : FolderPaths.normalize(tags.get(0));
        collector.add(url.get(), title, null, folder, tags, where);
    }

    /**
     * newsboat's tokenizer: blanks separate tokens, {@code "..."} quotes (with backslash escapes),
     * {@code #} at the start of a token ends the line.
     */
    static List<String> tokenize(String line) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int length = line.length();
        while (i < length) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '"') {
                StringBuilder token = new StringBuilder();
                i++;
                while (i < length && line.charAt(i) != '"') {
                    char d = line.charAt(i);
                    if (d == '\\' && i + 1 < length) {
                        char escaped = line.charAt(++i);
                        token.append(switch (escaped) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            default -> escaped;
                        });
                    } else {
                        token.append(d);
                    }
                    i++;
                }
                i++; // the closing quote, if any
                tokens.add(token.toString());
            } else {
                int end = i;
                while (end < length && " \t\r\n".indexOf(line.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(line.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }
}
