package io.flashsale.user.domain.model;

import io.flashsale.shared.domain.InvalidInputException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 3 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit. Compared and stored in
 * lower case, so "Alice" and "alice" are the same account.
 */
public record Username(String value) {

    private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    public Username {
        if (value == null) {
            throw new InvalidInputException("username is required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (!RULE.matcher(value).matches()) {
            throw new InvalidInputException("username must be 3-32 letters, digits, '.', '-' or '_',"
                    + " starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
