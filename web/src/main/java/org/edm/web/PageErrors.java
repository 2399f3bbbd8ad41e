package org.edm.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.edm.web.api.ApiProblem;
import org.edm.web.api.ApiUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a page shows when an API refuses or is away: the problem in words on the error page with the API's status;
 * a key the API no longer accepts (401) signs the person out.
 */
@ControllerAdvice
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem problem, HttpServletRequest request) {
        if (problem.status() == 401) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            return new ModelAndView("redirect:/sign-in?expired");
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
