package org.edm.search.web;

import org.jspecify.annotations.Nullable;

/** Checks of free-text filter parameters, shared by the endpoints. */
public final class TextParameter {

    private TextParameter() {
    }

    /**
     * @return the value, or null when absent
     * @throws InvalidParameter when present but blank, longer than {@code maxLength}, or
     * holding a NUL character (PostgreSQL cannot store or compare it)
     */
    public static @Nullable String check(String name, @Nullable String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > maxLength || value.indexOf('\0') >= 0) {
            throw new InvalidParameter(name, name + " must have 1 to " + maxLength + " characters and no NUL.");
        }
        return value;
    }

}
