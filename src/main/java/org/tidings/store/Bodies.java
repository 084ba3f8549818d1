package org.tidings.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;
import org.sqlite.Function;

/**
 * How article bodies are stored (schema 7, V007__write_path): the HTML deflated in a BLOB, and no separate copy of
 * its plain text. The text that search indexes is derived from the HTML (else the summary) by
 * {@link #searchText}: in Java at ingest, when an article is shown and wherever a query needs it
 * ({@link #text}), and on SQLite also in SQL through the function {@value #SEARCH_TEXT_FUNCTION}
 * that every SQLite connection of the store registers (the full-text index's update trigger
 * calls it). The index is contentless and deletes by rowid, so
 * a later change to the HTML-to-text code cannot make it disagree with itself. Rows written before
 * schema 7 keep their TEXT HTML and stored text; both forms are read.
 */
final class Bodies {
    /** The SQL function every connection of the store registers: {@code (content_html, summary) -> text}. */
    static final String SEARCH_TEXT_FUNCTION = "tidings_search_text";

    /** SQLite's fundamental type codes (sqlite3_value_type). */
    private static final int SQLITE_BLOB = 4;
    private static final int SQLITE_NULL = 5;

    private Bodies() {}

    /**
     * The columns {@link #text} reads, in order: an article's stored text (rows before schema 7),
     * HTML and summary; {@code alias} is the articles table's alias with its dot, or "".
     */
    static String textColumns(String alias) {
        return alias + "content_text, " + alias + "content_html, " + alias + "summary";
    }

    /**
     * An article's plain text from the {@link #textColumns} starting at column {@code first}: its
     * stored text, else derived from the HTML, else the summary (computed in Java on every dialect).
     */
    static @Nullable String text(ResultSet row, int first) throws SQLException {
        String stored = row.getString(first);
        return stored != null ? stored : searchText(unpack(row.getObject(first + 1)), row.getString(first + 2));
    }

    /**
     * Each thread's deflater and output buffer, reused from body to body: a new {@link Deflater}
     * allocates and frees about 256 KB of native memory, for bodies of a few KB. The sync packs
     * bodies on its parser threads only.
     */
    private static final ThreadLocal<Packer> PACKERS = ThreadLocal.withInitial(Packer::new);

    /** The stored form of a body: raw deflate of its UTF-8 bytes (fastest level: ingest is hot). */
    static byte @Nullable [] pack(@Nullable String html) {
        if (html == null) {
            return null;
        }
        return PACKERS.get().pack(html.getBytes(StandardCharsets.UTF_8));
    }

    private static final class Packer {
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        private byte[] buffer = new byte[16_384];

        byte[] pack(byte[] utf8) {
            deflater.reset();
            deflater.setInput(utf8);
            deflater.finish();
            int length = 0;
            while (!deflater.finished()) {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                length += deflater.deflate(buffer, length, buffer.length - length);
            }
            byte[] packed = Arrays.copyOf(buffer, length);
            if (buffer.length > 1 << 20) {
                buffer = new byte[16_384]; // one huge body does not keep its buffer
            }
            return packed;
        }
    }

    /** A stored body read back: a BLOB is inflated, TEXT (rows before schema 7) is as it is. */
    static @Nullable String unpack(@Nullable Object stored) {
        if (stored == null || stored instanceof String) {
            return (String) stored;
        }
        byte[] packed = (byte[]) stored;
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 3);
            byte[] buffer = new byte[16_384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new StoreException("a stored article body is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** The text search indexes for a body: its plain text, else the summary. */
    static @Nullable String searchText(@Nullable String html, @Nullable String summary) {
        String plain = Text.plain(html);
        return plain != null ? plain : summary;
    }

    /** Registers {@value #SEARCH_TEXT_FUNCTION} on a new connection. */
    static void register(Connection connection) throws SQLException {
        Function.create(connection, SEARCH_TEXT_FUNCTION, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                int type = value_type(0);
                Object html = type == SQLITE_NULL ? null : type == SQLITE_BLOB ? value_blob(0) : value_text(0);
                String summary = value_type(1) == SQLITE_NULL ? null : value_text(1);
                String text = searchText(unpack(html), summary);
                if (text == null) {
                    result();
                } else {
                    result(text);
                }
            }
        }, 2, Function.FLAG_DETERMINISTIC);
    }
}
