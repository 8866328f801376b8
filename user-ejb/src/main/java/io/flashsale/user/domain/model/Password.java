package io.flashsale.user.domain.model;

import io.flashsale.shared.domain.InvalidInputException;

/** A password as typed, 8 to 128 characters. Never printed: {@link #toString()} hides it. */
public final class Password {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private final char[] characters;

    private Password(char[] characters) {
        this.characters = characters;
    }

    /** A new password being chosen: the length rules apply. */
    public static Password chosen(String value) {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new InvalidInputException("password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        return new Password(value.toCharArray());
    }

    /** A password offered at login: anything is checked against the stored hash, nothing is rejected early. */
    public static Password offered(String value) {
        return new Password(value == null ? new char[0] : value.toCharArray());
    }

    public char[] characters() {
        return characters.clone();
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
