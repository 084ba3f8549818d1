package org.tidings.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.tidings.model.ArticleFacts;
import org.tidings.model.Curation;
import org.tidings.model.FeedRef;

/**
 * One rule: when {@code pattern} is found in {@code field} of an article (of {@code feed} or
 * {@code folder}, when given), {@code action} applies. Build with {@link #of}, which refuses bad
 * rules.
 *
 * @param feed a feed URL or id limiting the rule to that feed's articles, or null
 * @param folder a folder name limiting the rule to its feeds' articles, or null
 */
public record Rule(Field field, Pattern pattern, Action action, @Nullable String feed, @Nullable String folder) {

    /** What a rule looks at. A list field (feed, folder, topic) matches when any value does. */
    public enum Field {
        TITLE, AUTHOR, CONTENT, LINK,
        /** the title and the URL of every feed that carried the article */
        FEED,
        /** the folders of those feeds */
        FOLDER,
        /** the article's topics */
        TOPIC;

        static Field parse(String name) throws RuleException {
            for (Field field : values()) {
                if (field.name().equalsIgnoreCase(name.strip())) {
                    return field;
                }
            }
            throw new RuleException("unknown field \"" + name + "\" (title, author, content, link, feed, folder or topic)");
        }
    }

    /** What a matching rule does: hide, read, star, or {@code topic:NAME}. */
    public record Action(Curation curation, String text) {
        static Action parse(String text) throws RuleException {
            String value = text.strip();
            String lower = value.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "hide":
                    return new Action(new Curation(true, false, false, List.of()), "hide");
                case "read":
                    return new Action(new Curation(false, true, false, List.of()), "read");
                case "star":
                    return new Action(new Curation(false, false, true, List.of()), "star");
                default:
                    break;
            }
            if (lower.startsWith("topic:")) {
                String topic = value.substring("topic:".length()).strip();
                if (topic.isEmpty()) {
                    throw new RuleException("action \"topic:\" needs a topic name (topic:NAME)");
                }
                return new Action(new Curation(false, false, false, List.of(topic)), "topic:" + topic);
            }
            throw new RuleException("unknown action \"" + text + "\" (hide, read, star or topic:NAME)");
        }
    }

    public Rule {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(action, "action");
    }

    /** A rule from its written form, or {@link RuleException} saying what is wrong. */
    public static Rule of(String field, String pattern, String action, @Nullable String feed, @Nullable String folder)
            throws RuleException {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(action, "action");
        Field parsedField = Field.parse(field);
        Pattern compiled = compile(pattern);
        Action parsedAction = Action.parse(action);
        if (feed != null && folder != null) {
            throw new RuleException("give a feed or a folder limit, not both");
        }
        if (feed != null && feed.isBlank() || folder != null && folder.isBlank()) {
            throw new RuleException("an empty feed or folder limit");
        }
        return new Rule(parsedField, compiled, parsedAction, feed == null ? null : feed.strip(),
                folder == null ? null : folder.strip());
    }

    /** A regular expression (Java syntax), or {@link RuleException} with the reason it is invalid. */
    public static Pattern compile(String pattern) throws RuleException {
        if (pattern.isEmpty()) {
            throw new RuleException("an empty pattern matches everything; write \".\" if that is meant");
        }
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new RuleException("invalid pattern \"" + pattern + "\": " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at " + e.getIndex() : ""));
        }
    }

    /** Whether this rule applies to the article (limit and pattern). */
    public boolean matches(ArticleFacts article) {
        return withinLimit(article) && found(pattern, field, article);
    }

    /** Whether {@code pattern} is found in {@code field} of the article (no limit). */
    public static boolean found(Pattern pattern, Field field, ArticleFacts article) {
        for (String value : values(field, article)) {
            if (pattern.matcher(Bounded.of(value)).find()) {
                return true;
            }
        }
        return false;
    }

    private boolean withinLimit(ArticleFacts article) {
        if (feed != null) {
            for (FeedRef ref : article.feeds()) {
                if (feed.equals(String.valueOf(ref.id())) || sameUrl(feed, ref.url())) {
                    return true;
                }
            }
            return false;
        }
        if (folder != null) {
            return article.folders().stream().anyMatch(name -> name.equalsIgnoreCase(folder));
        }
        return true;
    }

    private static boolean sameUrl(String a, String b) {
        return trim(a).equalsIgnoreCase(trim(b));
    }

    private static String trim(String url) {
        String value = url.strip();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static List<String> values(Field field, ArticleFacts article) {
        return switch (field) {
            case TITLE -> one(article.title());
            case AUTHOR -> one(article.author());
            case CONTENT -> one(article.content());
            case LINK -> one(article.link());
            case FEED -> {
                List<String> all = new ArrayList<>();
                for (FeedRef ref : article.feeds()) {
                    all.add(ref.title());
                    all.add(ref.url());
                }
                yield all;
            }
            case FOLDER -> article.folders();
            case TOPIC -> article.topics();
        };
    }

    private static List<String> one(@Nullable String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** The rule as written, for messages. */
    public String describe() {
        return field.name().toLowerCase(Locale.ROOT) + " ~ /" + pattern.pattern() + "/ -> " + action.text()
                + (feed != null ? " (feed " + feed + ")" : folder != null ? " (folder " + folder + ")" : "");
    }
}
