package org.tidings.api;

/**
 * A stream of the Google Reader API, read from its id: {@code user/-/state/com.google/reading-list},
 * {@code .../read}, {@code .../starred}, {@code .../kept-unread}, {@code feed/<url>} or {@code
 * user/-/label/<name>} (the user part may be {@code -} or any user id).
 */
sealed interface StreamId {
    String STATE = "user/-/state/com.google/";
    String LABEL = "user/-/label/";

    /** The id in its canonical form. */
    String id();

    enum State implements StreamId {
        READING_LIST("reading-list"),
        READ("read"),
        STARRED("starred"),
        KEPT_UNREAD("kept-unread");

        private final String name;

        State(String name) {
            this.name = name;
        }

        @Override
        public String id() {
            return STATE + name;
        }
    }

    /** A state tidings does not keep ({@code tracking-kept-unread}, {@code broadcast}...): ignored in edits. */
    record OtherState(String name) implements StreamId {
        @Override
        public String id() {
            return STATE + name;
        }
    }

    record Feed(String url) implements StreamId {
        @Override
        public String id() {
            return "feed/" + url;
        }
    }

    record Label(String name) implements StreamId {
        @Override
        public String id() {
            return LABEL + name;
        }
    }

    /** Reads a stream id; throws BadRequest for anything else. */
    static StreamId parse(String text) {
        String value = text.strip();
        if (value.startsWith("feed/") && value.length() > 5) {
            return new Feed(value.substring(5));
        }
        if (value.startsWith("user/")) {
            int slash = value.indexOf('/', 5);
            if (slash > 0) {
                String rest = value.substring(slash + 1);
                if (rest.startsWith("label/") && !rest.substring(6).isBlank()) {
                    return new Label(rest.substring(6));
                }
                if (rest.startsWith("state/com.google/")) {
                    String state = rest.substring("state/com.google/".length());
                    for (State s : State.values()) {
                        if (s.name.equals(state)) {
                            return s;
                        }
                    }
                    if (!state.isBlank() && state.length() <= 100) {
                        return new OtherState(state);
                    }
                }
            }
        }
        throw new BadRequest("unknown stream: " + ItemIds.shorten(value));
    }
}
