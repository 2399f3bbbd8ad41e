package org.edm.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.edm.web.api.ApiProblem;
import org.edm.web.api.ApiUnavailable;
import org.edm.web.signin.SignedOut;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a page shows when an API refuses or is away: the problem in words on the error
 * page with the API's status; a key the API no longer accepts (401) signs the person out
 * ({@link SignedOut}: a redirect, or HX-Redirect for htmx).
 */
@ControllerAdvice
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ApiProblem.class)
    @Nullable ModelAndView problem(ApiProblem problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (problem.status() == 401) {
            SignedOut.end(request);
            if (SignedOut.isHtmx(request)) {
                SignedOut.answerHtmx(request, response, SignedOut.CREDENTIAL_REFUSED);
                return null;
            }
            return new ModelAndView("redirect:" + SignedOut.CREDENTIAL_REFUSED);
        }
        return page(problem.inWords(), HttpStatus.valueOf(problem.status()));
    }

    @ExceptionHandler(ApiUnavailable.class)
    ModelAndView unavailable(ApiUnavailable e) {
        log.warn("{}", e.getMessage());
        return page("The services are not reachable right now; try again shortly.", HttpStatus.BAD_GATEWAY);
    }

    private static ModelAndView page(String message, HttpStatus status) {
        var page = new ModelAndView("problem");
        page.addObject("message", message);
        page.setStatus(status);
        return page;
    }

}
