package org.edm.web.api;

/**
 * The credential sent to the APIs as {@code Authorization: Bearer}: a person's API key,
 * or the access token of an OIDC sign-in; as the web module holds it: in the HTTP session
 * only. {@link #toString()} never shows it, so a log line or an error page that prints
 * the object shows no secret.
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
