package org.tidings.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tidings.rules.Rule;
import org.tidings.rules.RuleException;
import org.tidings.rules.RuleSet;

/**
 * Reads the {@code [[rules]]} tables of {@code config.toml} (docs/RULES.md). A bad rule is refused
 * with the file, the line and the reason: {@code config.toml:12: invalid pattern "[": ...}.
 */
final class RulesConfig {
    private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\[\\s*rules\\s*]]\\s*(#.*)?$");
    private static final Pattern ANY_HEADER = Pattern.compile("^\\s*\\[.*");
    private static final Set<String> KEYS = Set.of("field", "pattern", "action", "feed", "folder");

    private RulesConfig() {}

    /** The rules of the file in order; none when the file or its rules are absent. */
    static RuleSet load(@Nullable Path file) throws Config.ConfigException {
        if (file == null) {
            return RuleSet.NONE;
        }
        byte[] bytes;
        JsonNode root;
        try {
            bytes = Files.readAllBytes(file);
            root = new TomlMapper().readTree(bytes);
        } catch (NoSuchFileException e) {
            return RuleSet.NONE;
        } catch (IOException e) {
            throw new Config.ConfigException(file + ": " + TidingsCommand.describe(e));
        }
        return parse(file.toString(), new String(bytes, StandardCharsets.UTF_8), root);
    }

    static RuleSet parse(String name, String text, @Nullable JsonNode root) throws Config.ConfigException {
        JsonNode rules = root == null ? null : root.get("rules");
        if (rules == null) {
            return RuleSet.NONE;
        }
        List<String> lines = text.lines().toList();
        List<Integer> headers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (HEADER.matcher(lines.get(i)).matches()) {
                headers.add(i);
            }
        }
        if (!rules.isArray()) {
            throw new Config.ConfigException(name + ":" + lineOf(lines, "rules", 0, lines.size())
                    + ": rules are written as [[rules]] tables");
        }
        List<Rule> parsed = new ArrayList<>();
        for (int index = 0; index < rules.size(); index++) {
            int start = index < headers.size() ? headers.get(index) : 0;
            int end = lines.size();
            for (int i = start + 1; i < lines.size(); i++) {
                if (ANY_HEADER.matcher(lines.get(i)).matches()) {
                    end = i;
                    break;
                }
            }
            String where = name + ":" + (start + 1);
            JsonNode rule = rules.get(index);
            if (!rule.isObject()) {
                throw new Config.ConfigException(where + ": a rule is a table with field, pattern and action");
            }
            for (Iterator<String> keys = rule.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!KEYS.contains(key)) {
                    throw new Config.ConfigException(name + ":" + lineOf(lines, key, start, end) + ": unknown key '" + key
                            + "' in a rule (field, pattern, action, feed or folder)");
                }
            }
            for (String required : List.of("field", "pattern", "action")) {
                if (rule.get(required) == null || !rule.get(required).isValueNode()) {
                    throw new Config.ConfigException(where + ": the rule has no " + required);
                }
            }
            try {
                parsed.add(Rule.of(rule.get("field").asText(), rule.get("pattern").asText(), rule.get("action").asText(),
                        text(rule.get("feed")), text(rule.get("folder"))));
            } catch (RuleException e) {
                String key = e.getMessage().startsWith("invalid pattern") || e.getMessage().startsWith("an empty pattern") ? "pattern"
                        : e.getMessage().startsWith("unknown field") ? "field"
                        : e.getMessage().contains("action") ? "action" : "feed";
                throw new Config.ConfigException(name + ":" + lineOf(lines, key, start, end) + ": " + e.getMessage());
            }
        }
        return new RuleSet(parsed);
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The 1-based line of {@code key = ...} between two lines, else the first of them. */
    private static int lineOf(List<String> lines, String key, int start, int end) {
        Pattern assignment = Pattern.compile("^\\s*\"?" + Pattern.quote(key) + "\"?\\s*=.*");
        for (int i = start; i < end; i++) {
            Matcher matcher = assignment.matcher(lines.get(i));
            if (matcher.matches()) {
                return i + 1;
            }
        }
        return start + 1;
    }
}
