package org.tidings.rules;

/** A rule that cannot be used: unknown field or action, invalid regular expression, bad limit. */
public final class RuleException extends Exception {
    private static final long serialVersionUID = 1L;

    public RuleException(String message) {
        super(message);
    }
}
