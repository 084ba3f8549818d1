package org.tidings.tui;

import java.util.ArrayList;
import java.util.List;

/** Every action with its keys, from the {@link KeyMap} in use; any of q, ? or ENTER closes it. */
final class HelpOverlay implements View {
    private final ReaderApp app;
    private final List<String> lines;
    private int scroll;

    HelpOverlay(ReaderApp app, KeyMap keys) {
        this.app = app;
        List<String> out = new ArrayList<>();
        for (Action action : Action.values()) {
            List<String> bound = keys.keysFor(action);
            String keyText = bound.isEmpty() ? "(unbound)"
                    : String.join(", ", bound.stream().map(KeyMap::displayName).toList());
            out.add(String.format("  %-12s %-42s %s", keyText, action.description(), action.configName()));
        }
        out.add("");
        out.add("  Typing a search: Enter searches, Esc cancels.");
        out.add("  Rebind keys in config.toml's [keys] section by the names on the right,");
        out.add("  e.g. mark-all-read = \"x\" or down = [\"j\", \"Down\", \"J\"].");
        out.add("  Enclosures open with [reader] player (e.g. player = \"mpv\"), else $BROWSER.");
        out.add("  Opening an article marks it and its copies at other outlets read.");
        this.lines = List.copyOf(out);
    }

    @Override
    public String title() {
        return "Help";
    }

    @Override
    public String position() {
        return "keys";
    }

    @Override
    public void draw(Canvas canvas, int top, int height, int columns) {
        scroll = Math.max(0, Math.min(scroll, Math.max(0, lines.size() - height)));
        for (int i = 0; i < height; i++) {
            String text = scroll + i < lines.size() ? lines.get(scroll + i) : "";
            canvas.line(0, top + i, text, columns, Canvas.Style.NORMAL);
        }
    }

    @Override
    public boolean handle(Action action) {
        switch (action) {
            case UP -> scroll = Math.max(0, scroll - 1);
            case DOWN -> scroll++;
            case PAGE_UP -> scroll = Math.max(0, scroll - app.contentRows());
            case PAGE_DOWN -> scroll += app.contentRows();
            case TOP -> scroll = 0;
            case BOTTOM -> scroll = lines.size();
            case BACK, HELP, OPEN -> app.views().pop();
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public void refresh() {
        // nothing to re-read
    }
}
