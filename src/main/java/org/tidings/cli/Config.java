package org.tidings.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tidings.tui.KeyMap;

/**
 * The effective configuration: built-in defaults, then {@code config.toml}, then environment
 * variables ({@code TIDINGS_<SECTION>_<KEY>}, e.g. {@code TIDINGS_FETCH_CONCURRENCY=8}). Every key
 * is documented in {@link Key} and in the README.
 */
public record Config(Map<Key, String> values, Map<Key, String> sources, Map<String, List<String>> keys) {

    /** Every configuration key: section, name, default and what it means. */
    public enum Key {
        FETCH_CONCURRENCY("fetch", "concurrency", "32", "feeds fetched at once, in all"),
        FETCH_PER_HOST("fetch", "per_host", "4", "feeds fetched at once from one host"),
        FETCH_CONNECT_TIMEOUT("fetch", "connect_timeout", "10s", "time to open a connection"),
        FETCH_READ_TIMEOUT("fetch", "read_timeout", "30s", "longest silence while reading"),
        FETCH_REQUEST_TIMEOUT("fetch", "request_timeout", "60s", "whole request, all redirects included"),
        FETCH_MAX_BODY("fetch", "max_body", "20MB", "largest feed body, after decompression"),
        FETCH_USER_AGENT("fetch", "user_agent", "", "User-Agent header (empty: tidings/VERSION (+home page))"),
        FETCH_PROXY("fetch", "proxy", "", "proxy URL (empty: https_proxy/http_proxy/no_proxy from the environment)"),
        SCHEDULE_MIN_INTERVAL("schedule", "min_interval", "15m", "shortest time between two polls of a feed"),
        SCHEDULE_MAX_INTERVAL("schedule", "max_interval", "24h", "longest time between two polls of a feed"),
        SYNC_LEASE("sync", "lease", "2m", "how long a sync worker's lease on a feed lasts unless renewed (a dead worker's feeds wait this long)"),
        STORE_RETENTION_DAYS("store", "retention_days", "90", "articles older than this are removed by cleanup (starred and still-present ones are kept)"),
        STORE_MARK_COPIES_READ("store", "mark_copies_read", "true", "reading one copy of a story marks its copies at other outlets read"),
        DAEMON_INTERVAL("daemon", "tick", "30s", "how often the daemon looks for feeds that are due"),
        DAEMON_HTTP("daemon", "http", "", "address for /health and /metrics, e.g. 127.0.0.1:9321 (empty: off)"),
        DAEMON_LOG_FORMAT("daemon", "log_format", "text", "log line format on stderr: text or json"),
        READER_PLAYER("reader", "player", "", "command that opens enclosures (podcasts, videos), %s = URL (empty: $BROWSER)");

        final String section;
        final String name;
        final String defaultValue;
        final String description;

        Key(String section, String name, String defaultValue, String description) {
            this.section = section;
            this.name = name;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        public String dotted() {
            return section + "." + name;
        }

        public String environmentVariable() {
            return ("TIDINGS_" + section + "_" + name).toUpperCase(Locale.ROOT);
        }

        public String description() {
            return description;
        }
    }

    /** The {@code [keys]} section: reader action to the keys bound to it (see {@link KeyMap#withActionKeys}). */
    static final String KEYS_SECTION = "keys";

    public Config {
        values = Map.copyOf(values);
        sources = Map.copyOf(sources);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        keys.forEach((action, bound) -> copy.put(action, List.copyOf(bound)));
        keys = java.util.Collections.unmodifiableMap(copy);
    }

    public Config(Map<Key, String> values, Map<Key, String> sources) {
        this(values, sources, Map.of());
    }

    /** The reader's key table: the defaults with the {@code [keys]} section applied. */
    public KeyMap keyMap() {
        return KeyMap.newsboatDefaults().withActionKeys(keys);
    }

    /** Defaults only. */
    public static Config defaults() {
        try {
            return load(null, Map.of());
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the file (when it exists) and applies environment overrides. */
    public static Config load(@Nullable Path file, Map<String, String> environment) throws ConfigException {
        Map<Key, String> values = new LinkedHashMap<>();
        Map<Key, String> sources = new LinkedHashMap<>();
        for (Key key : Key.values()) {
            values.put(key, key.defaultValue);
            sources.put(key, "default");
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (file != null) {
            readFile(file, values, sources, keys);
        }
        for (Key key : Key.values()) {
            String override = environment.get(key.environmentVariable());
            if (override != null) {
                values.put(key, override.strip());
                sources.put(key, "env " + key.environmentVariable());
            }
        }
        Config config = new Config(values, sources, keys);
        config.validate();
        try {
            config.keyMap();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": [keys]: " + e.getMessage());
        }
        return config;
    }

    private static void readFile(Path file, Map<Key, String> values, Map<Key, String> sources,
            Map<String, List<String>> keys) throws ConfigException {
        JsonNode root;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
            root = new TomlMapper().readTree(bytes);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new ConfigException(file + ": " + TidingsCommand.describe(e));
        }
        if (root == null || !root.isObject()) {
            return;
        }
        // bad [[rules]] are refused whenever the configuration is read, whatever the command
        RulesConfig.parse(file.toString(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8), root);
        var sections = root.fields();
        while (sections.hasNext()) {
            var section = sections.next();
            if (section.getKey().equals("rules")) {
                continue; // [[rules]]: read by RulesConfig (docs/RULES.md)
            }
            if (!section.getValue().isObject()) {
                throw new ConfigException(file + ": unknown key '" + section.getKey() + "' (keys live in sections such as [fetch])");
            }
            var entries = ((ObjectNode) section.getValue()).fields();
            if (section.getKey().equals(KEYS_SECTION)) {
                readKeys(file, entries, keys);
                continue;
            }
            while (entries.hasNext()) {
                var entry = entries.next();
                Key key = find(section.getKey(), entry.getKey());
                if (key == null) {
                    throw new ConfigException(file + ": unknown key '" + section.getKey() + "." + entry.getKey() + "'");
                }
                values.put(key, entry.getValue().asText());
                sources.put(key, "file");
            }
        }
    }

    /** {@code action = "x"} or {@code action = ["x", "DOWN"]}; "none" or [] unbinds. */
    private static void readKeys(Path file, java.util.Iterator<Map.Entry<String, JsonNode>> entries,
            Map<String, List<String>> keys) throws ConfigException {
        while (entries.hasNext()) {
            var entry = entries.next();
            List<String> bound = new java.util.ArrayList<>();
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                bound.add(value.asText());
            } else if (value.isArray()) {
                for (JsonNode item : value) {
                    if (!item.isTextual()) {
                        throw new ConfigException(file + ": [keys]: " + entry.getKey() + " takes a key or a list of keys, such as \"x\" or [\"x\", \"DOWN\"]");
                    }
                    bound.add(item.asText());
                }
            } else {
                throw new ConfigException(file + ": [keys]: " + entry.getKey() + " takes a key or a list of keys, such as \"x\" or [\"x\", \"DOWN\"]");
            }
            keys.put(entry.getKey(), bound);
        }
    }

    private static @Nullable Key find(String section, String name) {
        for (Key key : Key.values()) {
            if (key.section.equals(section) && key.name.equals(name)) {
                return key;
            }
        }
        return null;
    }

    private void validate() throws ConfigException {
        for (Key key : Key.values()) {
            try {
                switch (key) {
                    case FETCH_CONCURRENCY, FETCH_PER_HOST, STORE_RETENTION_DAYS -> {
                        if (integer(key) < 1) {
                            throw new IllegalArgumentException("must be at least 1");
                        }
                    }
                    case FETCH_CONNECT_TIMEOUT, FETCH_READ_TIMEOUT, FETCH_REQUEST_TIMEOUT,
                            SCHEDULE_MIN_INTERVAL, SCHEDULE_MAX_INTERVAL, DAEMON_INTERVAL -> duration(key);
                    case SYNC_LEASE -> {
                        if (duration(key).toMillis() < 1000) {
                            throw new IllegalArgumentException("must be at least 1s");
                        }
                    }
                    case FETCH_MAX_BODY -> bytes(key);
                    case STORE_MARK_COPIES_READ -> bool(key);
                    case DAEMON_LOG_FORMAT -> {
                        String format = string(key);
                        if (!format.equals("text") && !format.equals("json")) {
                            throw new IllegalArgumentException("must be text or json");
                        }
                    }
                    default -> {}
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key.dotted() + " = '" + values.get(key) + "' (" + sources.get(key) + "): " + e.getMessage());
            }
        }
        if (duration(Key.SCHEDULE_MIN_INTERVAL).compareTo(duration(Key.SCHEDULE_MAX_INTERVAL)) > 0) {
            throw new ConfigException("schedule.min_interval is longer than schedule.max_interval");
        }
    }

    public String string(Key key) {
        return Objects.requireNonNull(values.get(key), key.dotted());
    }

    public @Nullable String optional(Key key) {
        String value = string(key);
        return value.isBlank() ? null : value;
    }

    public int integer(Key key) {
        try {
            return Integer.parseInt(string(key).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    public boolean bool(Key key) {
        String value = string(key).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }

    private static final Pattern DURATION = Pattern.compile("(?i)(\\d+)\\s*(ms|s|m|h|d)");

    /** A duration written as {@code 90s}, {@code 15m}, {@code 24h}, {@code 2d}, {@code 1h30m} or ISO-8601. */
    public Duration duration(Key key) {
        return parseDuration(string(key));
    }

    static Duration parseDuration(String text) {
        String value = text.strip();
        if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
            return Duration.parse(value);
        }
        Matcher matcher = DURATION.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end && !value.substring(end, matcher.start()).isBlank()) {
                throw new IllegalArgumentException("not a duration such as 30s, 15m, 24h");
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            end = matcher.end();
        }
        if (end == 0 || end != value.length()) {
            throw new IllegalArgumentException("not a duration such as 30s, 15m, 24h");
        }
        return total;
    }

    private static final Pattern SIZE = Pattern.compile("(?i)(\\d+)\\s*(b|kb|k|mb|m|gb|g)?");

    /** A size written as {@code 20MB}, {@code 512k} or a number of bytes. */
    public long bytes(Key key) {
        Matcher matcher = SIZE.matcher(string(key).strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a size such as 20MB");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "k", "kb" -> amount * 1024;
            case "m", "mb" -> amount * 1024 * 1024;
            case "g", "gb" -> amount * 1024 * 1024 * 1024;
            default -> amount;
        };
    }

    /** The effective configuration as TOML, each key with where its value came from. */
    public String toToml() {
        StringBuilder out = new StringBuilder();
        String section = "";
        for (Key key : Key.values()) {
            if (!key.section.equals(section)) {
                section = key.section;
                out.append(out.length() == 0 ? "" : "\n").append('[').append(section).append("]\n");
            }
            String value = values.get(key);
            boolean bare = value.matches("-?\\d+|true|false");
            out.append(key.name).append(" = ")
                    .append(bare ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                    .append("  # ").append(sources.get(key)).append(": ").append(key.description).append('\n');
        }
        if (!keys.isEmpty()) {
            out.append("\n[keys]  # file: reader actions and their keys\n");
            keys.forEach((action, bound) -> out.append(action).append(" = [")
                    .append(String.join(", ", bound.stream().map(k -> '"' + k.replace("\\", "\\\\").replace("\"", "\\\"") + '"').toList()))
                    .append("]\n"));
        }
        return out.toString();
    }

    /** A configuration file that cannot be used; the message says which key and why. */
    public static final class ConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }
}
