package org.tidings.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * The lines the daemon and {@code tidings sync} print on stderr: one per round and one per feed
 * error, as text or as JSON (one object per line, for log collectors). Feed-supplied text is
 * printed with control characters escaped.
 */
public final class EventLog {
    public enum Format {
        TEXT,
        JSON;

        public static Format parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "text" -> TEXT;
                default -> throw new IllegalArgumentException("log format must be text or json: " + text);
            };
        }
    }

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    private final PrintStream out;
    private final Format format;
    private final InstantSource clock;

    public EventLog(PrintStream out, Format format, InstantSource clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.format = Objects.requireNonNull(format, "format");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void round(SyncSummary summary) {
        if (format == Format.JSON) {
            ObjectNode node = event("round");
            node.put("due", summary.due());
            node.put("ok", summary.fetched());
            node.put("not_modified", summary.notModified());
            node.put("failed", summary.failed());
            node.put("new", summary.newArticles());
            node.put("updated", summary.updatedArticles());
            node.put("duration_ms", summary.duration().toMillis());
            print(node);
        } else {
            line("round: " + summary.line());
        }
    }

    public void feedError(String feedUrl, String message) {
        if (format == Format.JSON) {
            ObjectNode node = event("feed_error");
            node.put("feed", feedUrl);
            node.put("error", message);
            print(node);
        } else {
            line("feed error: " + safe(feedUrl) + ": " + safe(message));
        }
    }

    public void info(String message) {
        if (format == Format.JSON) {
            ObjectNode node = event("info");
            node.put("message", message);
            print(node);
        } else {
            line(message);
        }
    }

    private ObjectNode event(String name) {
        ObjectNode node = JSON_MAPPER.createObjectNode();
        node.put("ts", now().toString());
        node.put("event", name);
        return node;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void line(String text) {
        synchronized (out) {
            out.println(now() + " " + text);
            out.flush();
        }
    }

    private void print(ObjectNode node) {
        synchronized (out) {
            out.println(node.toString()); // Jackson escapes control characters in JSON strings
            out.flush();
        }
    }

    /** Escapes C0/C1 controls and DEL so a hostile feed cannot drive the terminal or split lines. */
    static String safe(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                sb.append(String.format("\\x%02x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
