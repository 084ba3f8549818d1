package org.tidings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one table from keys to actions. Keys are named as in newsboat's config: a single character
 * ({@code j}, {@code ?}) or one of {@code ENTER TAB UP DOWN LEFT RIGHT PPAGE NPAGE HOME END
 * BACKSPACE ESC SPACE} ({@code PGUP}/{@code PAGEUP} and {@code PGDN}/{@code PAGEDOWN} also work).
 * {@link #newsboatDefaults()} is the default table; {@link #bind} and {@link #unbind} make a
 * changed copy, and {@link #withActionKeys} applies the {@code [keys]} section of config.toml.
 * {@link #displayName} is how a key is shown to people ({@code PgUp}, not {@code PPAGE}).
 */
public final class KeyMap {
    private static final Map<String, KeyType> NAMED = Map.ofEntries(
            Map.entry("ENTER", KeyType.Enter),
            Map.entry("TAB", KeyType.Tab),
            Map.entry("UP", KeyType.ArrowUp),
            Map.entry("DOWN", KeyType.ArrowDown),
            Map.entry("LEFT", KeyType.ArrowLeft),
            Map.entry("RIGHT", KeyType.ArrowRight),
            Map.entry("PPAGE", KeyType.PageUp),
            Map.entry("NPAGE", KeyType.PageDown),
            Map.entry("HOME", KeyType.Home),
            Map.entry("END", KeyType.End),
            Map.entry("BACKSPACE", KeyType.Backspace),
            Map.entry("ESC", KeyType.Escape));

    private static final Map<String, String> ALIASES = Map.of(
            "PGUP", "PPAGE", "PAGEUP", "PPAGE", "PGDN", "NPAGE", "PAGEDOWN", "NPAGE",
            "RETURN", "ENTER", "ESCAPE", "ESC", "SPACE", " ");
    private static final Map<String, String> DISPLAY = Map.ofEntries(
            Map.entry("ENTER", "Enter"), Map.entry("TAB", "Tab"), Map.entry("UP", "Up"), Map.entry("DOWN", "Down"),
            Map.entry("LEFT", "Left"), Map.entry("RIGHT", "Right"), Map.entry("PPAGE", "PgUp"),
            Map.entry("NPAGE", "PgDn"), Map.entry("HOME", "Home"), Map.entry("END", "End"),
            Map.entry("BACKSPACE", "Backspace"), Map.entry("ESC", "Esc"), Map.entry(" ", "Space"));

    private final Map<String, Action> bindings;

    private KeyMap(Map<String, Action> bindings) {
        this.bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
    }

    /** newsboat-compatible defaults, plus TAB to switch Sources and Topics. */
    public static KeyMap newsboatDefaults() {
        Map<String, Action> keys = new LinkedHashMap<>();
        keys.put("k", Action.UP);
        keys.put("UP", Action.UP);
        keys.put("j", Action.DOWN);
        keys.put("DOWN", Action.DOWN);
        keys.put("ENTER", Action.OPEN);
        keys.put("RIGHT", Action.OPEN);
        keys.put("q", Action.BACK);
        keys.put("LEFT", Action.BACK);
        keys.put("Q", Action.QUIT);
        keys.put("r", Action.RELOAD);
        keys.put("R", Action.RELOAD_ALL);
        keys.put("n", Action.NEXT_UNREAD);
        keys.put("p", Action.PREVIOUS_UNREAD);
        keys.put("N", Action.TOGGLE_READ);
        keys.put("A", Action.MARK_ALL_READ);
        keys.put("s", Action.STAR);
        keys.put("o", Action.OPEN_LINK);
        keys.put("c", Action.OPEN_COPY);
        keys.put("e", Action.OPEN_ENCLOSURE);
        keys.put("f", Action.FULL_TEXT);
        keys.put("/", Action.SEARCH);
        keys.put("l", Action.TOGGLE_UNREAD_ONLY);
        keys.put("g", Action.TOP);
        keys.put("HOME", Action.TOP);
        keys.put("G", Action.BOTTOM);
        keys.put("END", Action.BOTTOM);
        keys.put("PPAGE", Action.PAGE_UP);
        keys.put("NPAGE", Action.PAGE_DOWN);
        keys.put("?", Action.HELP);
        keys.put("TAB", Action.SWITCH_VIEW);
        return new KeyMap(keys);
    }

    /** A copy with {@code key} bound to {@code action}; throws for an unknown key name. */
    public KeyMap bind(String key, Action action) {
        Objects.requireNonNull(action, "action");
        Map<String, Action> copy = new LinkedHashMap<>(bindings);
        copy.put(checkedName(key), action);
        return new KeyMap(copy);
    }

    /**
     * A copy with bindings from a configuration table, key name to action name; action names are
     * the {@link Action} constants in any case, with {@code -} for {@code _} ({@code
     * "mark-all-read"}), or {@code "none"} to unbind. Throws IllegalArgumentException naming the
     * first bad key or action.
     */
    public KeyMap withBindings(Map<String, String> keyToAction) {
        KeyMap result = this;
        for (Map.Entry<String, String> entry : keyToAction.entrySet()) {
            String name = entry.getValue().strip().replace('-', '_').toUpperCase(Locale.ROOT);
            if (name.equals("NONE")) {
                result = result.unbind(entry.getKey());
                continue;
            }
            Action action;
            try {
                action = Action.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown action for key " + TerminalText.sanitize(entry.getKey())
                        + ": " + TerminalText.sanitize(entry.getValue()), e);
            }
            result = result.bind(entry.getKey(), action);
        }
        return result;
    }

    /**
     * A copy with the {@code [keys]} section of config.toml applied: action name (as in {@link
     * Action#configName()}, e.g. {@code mark-all-read}) to the keys that trigger it. The keys given
     * replace the action's default keys; no keys (or {@code "none"}) unbinds it. A key claimed by
     * two actions, or by an action while it is still another action's default, is refused with a
     * message naming both, so a binding never silently steals a key.
     */
    public KeyMap withActionKeys(Map<String, List<String>> actionToKeys) {
        Map<Action, List<String>> wanted = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : actionToKeys.entrySet()) {
            Action action = Action.fromConfigName(entry.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown action '" + TerminalText.sanitize(entry.getKey()) + "' (actions: "
                            + String.join(", ", java.util.Arrays.stream(Action.values()).map(Action::configName).toList()) + ")"));
            List<String> names = new ArrayList<>();
            for (String key : entry.getValue()) {
                if (!key.strip().equalsIgnoreCase("none")) {
                    names.add(checkedName(key));
                }
            }
            wanted.put(action, names);
        }
        Map<String, Action> copy = new LinkedHashMap<>(bindings);
        copy.values().removeIf(wanted::containsKey);
        Map<String, Action> claimed = new LinkedHashMap<>();
        for (Map.Entry<Action, List<String>> entry : wanted.entrySet()) {
            for (String key : entry.getValue()) {
                Action other = claimed.putIfAbsent(key, entry.getKey());
                if (other != null && other != entry.getKey()) {
                    throw new IllegalArgumentException("key " + displayName(key) + " is bound to both "
                            + other.configName() + " and " + entry.getKey().configName());
                }
                Action holder = copy.get(key);
                if (holder != null && holder != entry.getKey()) {
                    throw new IllegalArgumentException("key " + displayName(key) + " for " + entry.getKey().configName()
                            + " is already " + holder.configName() + "'s key; give " + holder.configName()
                            + " other keys (or \"none\") in [keys] too");
                }
                copy.put(key, entry.getKey());
            }
        }
        return new KeyMap(copy);
    }

    /** How a key name is shown: {@code PgUp}, {@code Enter}, {@code Space}, or the character itself. */
    public static String displayName(String key) {
        return DISPLAY.getOrDefault(key, key);
    }

    /** A copy without a binding for {@code key}. */
    public KeyMap unbind(String key) {
        Map<String, Action> copy = new LinkedHashMap<>(bindings);
        copy.remove(checkedName(key));
        return new KeyMap(copy);
    }

    /** The action bound to a key stroke, if any. */
    public Optional<Action> actionFor(KeyStroke key) {
        return nameOf(key).map(bindings::get);
    }

    /** The keys bound to an action, in table order (e.g. ["j", "DOWN"]). */
    public List<String> keysFor(Action action) {
        List<String> keys = new ArrayList<>();
        bindings.forEach((key, bound) -> {
            if (bound == action) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** The whole table, key name to action, in order. */
    public Map<String, Action> bindings() {
        return bindings;
    }

    static Optional<String> nameOf(KeyStroke key) {
        if (key.getKeyType() == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()) {
            // a space arrives as the character ' ', the name SPACE binds it
            return Optional.of(String.valueOf(key.getCharacter()));
        }
        if (key.isCtrlDown() || key.isAltDown()) {
            return Optional.empty();
        }
        return NAMED.entrySet().stream()
                .filter(entry -> entry.getValue() == key.getKeyType())
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static String checkedName(String key) {
        Objects.requireNonNull(key, "key");
        if (key.codePointCount(0, key.length()) == 1 && !Character.isISOControl(key.codePointAt(0))
                && !Character.isWhitespace(key.codePointAt(0))) {
            return key;
        }
        String upper = key.strip().toUpperCase(Locale.ROOT);
        upper = ALIASES.getOrDefault(upper, upper);
        if (upper.equals(" ") || NAMED.containsKey(upper)) {
            return upper;
        }
        throw new IllegalArgumentException("unknown key name: " + TerminalText.sanitize(key)
                + " (a single character or one of " + String.join(" ", new java.util.TreeSet<>(NAMED.keySet())) + " SPACE)");
    }
}
