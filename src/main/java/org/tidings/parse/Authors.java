package org.tidings.parse;

import static org.tidings.parse.Names.ns;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.jspecify.annotations.Nullable;
import org.tidings.html.HtmlText;

/** The authors of one item, in document order; the first one with a name wins. */
final class Authors {
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9_.+\\-]+@(?:\\[[0-9.]+\\]|(?:[A-Za-z0-9\\-]+\\.)+[A-Za-z0-9\\-]+)(?:\\?subject=\\S+)?");

    private @Nullable String first;
    private boolean seen;
    private @Nullable String itunes;

    void addText(Element element) {
        add(element.getText(), null);
    }

    void addAtom(Element element) {
        String name = null;
        String email = null;
        boolean structured = false;
        for (Element child : element.getChildren()) {
            if (!ns(child).isEmpty()) {
                continue;
            }
            if (child.getName().equals("name")) {
                name = child.getText();
                structured = true;
            } else if (child.getName().equals("email")) {
                email = child.getText();
                structured = true;
            } else if (child.getName().equals("uri") || child.getName().equals("url")) {
                structured = true;
            }
        }
        if (structured) {
            add(name, email);
        } else {
            add(element.getText(), null);
        }
    }

    /** One author: a structured name/email pair, or (name null) an RSS string such as {@code joe@x.org (Joe)}. */
    private void add(@Nullable String nameOrText, @Nullable String structuredEmail) {
        if (seen) {
            return;
        }
        String name;
        String email = HtmlText.collapse(structuredEmail);
        if (structuredEmail != null || nameOrText == null) {
            name = HtmlText.collapse(nameOrText);
        } else {
            String author = nameOrText.length() > 1000 ? nameOrText.substring(0, 1000) : nameOrText;
            Matcher m = EMAIL.matcher(author);
            if (author.indexOf('@') >= 0 && m.find()) {
                email = m.group();
                author = author.replace(email, "").replace("()", "").replace("<>", "").replace("&lt;&gt;", "")
                        .strip();
                if (author.startsWith("(")) {
                    author = author.substring(1);
                }
                if (author.endsWith(")")) {
                    author = author.substring(0, author.length() - 1);
                }
                author = author.strip();
            }
            name = HtmlText.collapse(author);
        }
        if (name == null && email == null) {
            return;
        }
        seen = true;
        first = name;
    }

    void itunes(String text) {
        if (itunes == null) {
            itunes = HtmlText.collapse(text);
        }
    }

    @Nullable String first() {
        if (first != null) {
            return first;
        }
        return itunes;
    }
}

