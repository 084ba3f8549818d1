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
 * BACKSPACE ESC}. {@link #newsboatDefaults()} is the default table; {@link #bind} and {@link
 * #unbind} make a changed copy, so a configuration file can remap keys.
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
        String upper = key.toUpperCase(Locale.ROOT);
        if (NAMED.containsKey(upper)) {
            return upper;
        }
        throw new IllegalArgumentException("unknown key name: " + TerminalText.sanitize(key)
                + " (a single character or one of " + String.join(" ", new java.util.TreeSet<>(NAMED.keySet())) + ")");
    }
}
