package org.edm.web.signin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * How a person learns that they are signed out. A page gets a redirect to the sign-in
 * page with the reason; an htmx request (the library's polling) must not: htmx would
 * follow the redirect and swap the sign-in form into the table. It gets {@code 401} with
 * {@code HX-Redirect}, which makes htmx load the sign-in page as a whole page instead
 * (and a 4xx is never swapped, should the header be ignored).
 */
public final class SignedOut {

    /** The API refused the key or token (revoked, expired): {@code /sign-in?expired}. */
    public static final String CREDENTIAL_REFUSED = "/sign-in?expired";

    /**
     * The web session itself ended (idle timeout, restart):
     * {@code /sign-in?session-ended}.
     */
    public static final String SESSION_ENDED = "/sign-in?session-ended";

    private SignedOut() {
    }

    /** Whether htmx sent the request (it adds {@code HX-Request: true}). */
    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Ends the session and the security context. */
    public static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    /**
     * Answers an htmx request with {@code 401} and {@code HX-Redirect} to
     * {@code signInPath}.
     */
    public static void answerHtmx(HttpServletRequest request, HttpServletResponse response, String signInPath)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("HX-Redirect", request.getContextPath() + signInPath);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(0);
        response.flushBuffer();
    }

}
