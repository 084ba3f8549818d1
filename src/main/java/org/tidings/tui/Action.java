package org.tidings.tui;

/** What a key does; {@link KeyMap} binds keys to these. */
public enum Action {
    UP("move up"),
    DOWN("move down"),
    OPEN("open"),
    BACK("go back (quit at the top)"),
    QUIT("quit"),
    RELOAD("reload the current feed"),
    RELOAD_ALL("reload all feeds"),
    NEXT_UNREAD("next unread"),
    PREVIOUS_UNREAD("previous unread"),
    TOGGLE_READ("toggle read"),
    MARK_ALL_READ("mark all in the list read"),
    STAR("star / unstar"),
    OPEN_LINK("open the link in $BROWSER"),
    OPEN_COPY("open the story at the next other outlet"),
    OPEN_ENCLOSURE("open the next enclosure (podcast, video)"),
    FULL_TEXT("fetch / show the article's full text from its page"),
    SEARCH("search"),
    TOGGLE_UNREAD_ONLY("show only unread / all"),
    TOP("go to the top"),
    BOTTOM("go to the bottom"),
    PAGE_UP("page up"),
    PAGE_DOWN("page down"),
    HELP("help"),
    SWITCH_VIEW("switch Sources / Topics");

    private final String description;

    Action(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The name used in config.toml's {@code [keys]} section: {@code mark-all-read}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The action named {@code name} ({@code mark-all-read}, {@code MARK_ALL_READ}, any case). */
    public static java.util.Optional<Action> fromConfigName(String name) {
        String wanted = name.strip().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        for (Action action : values()) {
            if (action.name().equals(wanted)) {
                return java.util.Optional.of(action);
            }
        }
        return java.util.Optional.empty();
    }
}
