package org.tidings.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

class KeyMapTest {
    private final KeyMap keys = KeyMap.newsboatDefaults();

    @Test
    void hasNewsboatDefaults() {
        assertThat(keys.actionFor(new KeyStroke('j', false, false))).contains(Action.DOWN);
        assertThat(keys.actionFor(new KeyStroke(KeyType.ArrowDown))).contains(Action.DOWN);
        assertThat(keys.actionFor(new KeyStroke('k', false, false))).contains(Action.UP);
        assertThat(keys.actionFor(new KeyStroke(KeyType.Enter))).contains(Action.OPEN);
        assertThat(keys.actionFor(new KeyStroke('q', false, false))).contains(Action.BACK);
        assertThat(keys.actionFor(new KeyStroke('r', false, false))).contains(Action.RELOAD);
        assertThat(keys.actionFor(new KeyStroke('R', false, false))).contains(Action.RELOAD_ALL);
        assertThat(keys.actionFor(new KeyStroke('n', false, false))).contains(Action.NEXT_UNREAD);
        assertThat(keys.actionFor(new KeyStroke('p', false, false))).contains(Action.PREVIOUS_UNREAD);
        assertThat(keys.actionFor(new KeyStroke('N', false, false))).contains(Action.TOGGLE_READ);
        assertThat(keys.actionFor(new KeyStroke('A', false, false))).contains(Action.MARK_ALL_READ);
        assertThat(keys.actionFor(new KeyStroke('s', false, false))).contains(Action.STAR);
        assertThat(keys.actionFor(new KeyStroke('o', false, false))).contains(Action.OPEN_LINK);
        assertThat(keys.actionFor(new KeyStroke('/', false, false))).contains(Action.SEARCH);
        assertThat(keys.actionFor(new KeyStroke('l', false, false))).contains(Action.TOGGLE_UNREAD_ONLY);
        assertThat(keys.actionFor(new KeyStroke('g', false, false))).contains(Action.TOP);
        assertThat(keys.actionFor(new KeyStroke('G', false, false))).contains(Action.BOTTOM);
        assertThat(keys.actionFor(new KeyStroke(KeyType.PageUp))).contains(Action.PAGE_UP);
        assertThat(keys.actionFor(new KeyStroke(KeyType.PageDown))).contains(Action.PAGE_DOWN);
        assertThat(keys.actionFor(new KeyStroke('?', false, false))).contains(Action.HELP);
        assertThat(keys.actionFor(new KeyStroke(KeyType.Tab))).contains(Action.SWITCH_VIEW);
    }

    @Test
    void everyActionHasAKey() {
        for (Action action : Action.values()) {
            assertThat(keys.keysFor(action)).as(action.name()).isNotEmpty();
        }
    }

    @Test
    void ignoresControlAndAltCombinations() {
        assertThat(keys.actionFor(new KeyStroke('j', true, false))).isEmpty();
        assertThat(keys.actionFor(new KeyStroke('j', false, true))).isEmpty();
    }

    @Test
    void remapsWithoutChangingTheOriginal() {
        KeyMap remapped = keys.bind("x", Action.STAR).bind("pgdn".equals("") ? "x" : "npage", Action.DOWN).unbind("s");
        assertThat(remapped.actionFor(new KeyStroke('x', false, false))).contains(Action.STAR);
        assertThat(remapped.actionFor(new KeyStroke('s', false, false))).isEmpty();
        assertThat(remapped.actionFor(new KeyStroke(KeyType.PageDown))).contains(Action.DOWN);
        assertThat(keys.actionFor(new KeyStroke('s', false, false))).contains(Action.STAR);
    }

    @Test
    void readsBindingsFromAConfigurationTable() {
        java.util.Map<String, String> table = new java.util.LinkedHashMap<>();
        table.put("x", "mark-all-read");
        table.put("tab", "Switch_View");
        table.put("A", "none");
        KeyMap remapped = keys.withBindings(table);
        assertThat(remapped.actionFor(new KeyStroke('x', false, false))).contains(Action.MARK_ALL_READ);
        assertThat(remapped.actionFor(new KeyStroke(KeyType.Tab))).contains(Action.SWITCH_VIEW);
        assertThat(remapped.actionFor(new KeyStroke('A', false, false))).isEmpty();
        assertThatThrownBy(() -> keys.withBindings(java.util.Map.of("x", "fly")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown action for key x: fly");
    }

    @Test
    void rejectsUnknownKeyNames() {
        assertThatThrownBy(() -> keys.bind("F13", Action.STAR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown key name: F13 (a single character or one of BACKSPACE DOWN END");
    }
}
