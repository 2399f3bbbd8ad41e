package org.edm.web.api;

/**
 * A person's API key as the web module holds it: in the HTTP session only. {@link #toString()} never shows it,
 * so a log line or an error page that prints the object shows no secret.
 */
public record ApiKey(String value) {

    public ApiKey {
        value = value.strip();
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
