package org.edm.search.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.Locale;

import org.edm.security.ProblemType;
import org.edm.security.RejectedRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of this API as an RFC 9457 problem detail
 * ({@code application/problem+json}) with a stable {@code type} ({@link SearchProblem}):
 * the API's own {@link RejectedRequest} exceptions, Spring MVC's (unknown path, wrong
 * method, a parameter of the wrong type), a statement cancelled by its timeout (503
 * {@code timeout}), PostgreSQL out of reach (503 {@code database-unavailable}), and, as a
 * last resort, a plain 500 without internals.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** What a 503 database-unavailable asks clients to wait, as ingest-service does. */
    private static final String RETRY_AFTER_SECONDS = "5";

    /** PostgreSQL's SQLSTATE for a statement cancelled, here by statement_timeout. */
    private static final String QUERY_CANCELED = "57014";

    @ExceptionHandler(RejectedRequest.class)
    ResponseEntity<ProblemDetail> rejected(RejectedRequest rejected) {
        return ResponseEntity.status(rejected.type().status()).body(rejected.problemDetail());
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> databaseFailed(DataAccessException e) {
        if (e instanceof QueryTimeoutException || QUERY_CANCELED.equals(sqlState(e))) {
            log.warn("statement cancelled by its timeout: {}", e.getMostSpecificCause().getMessage());
            ProblemDetail problem = SearchProblem.TIMEOUT.problemDetail(
                    "The request took too long and was cancelled; narrow a search with more words or a filter.");
            return ResponseEntity.status(SearchProblem.TIMEOUT.status()).body(problem);
        }
        if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessResourceException
                || e instanceof RecoverableDataAccessException) {
            return databaseUnavailable(e);
        }
        return unexpected(e);
    }

    /**
     * PostgreSQL cannot be reached (no connection within the pool's 5 s, or the
     * connection broke): 503 with {@code Retry-After}, one WARN line, no stack trace per
     * request.
     */
    @ExceptionHandler({ CannotCreateTransactionException.class, TransactionSystemException.class })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        Throwable cause = e instanceof NestedRuntimeException nested ? nested.getMostSpecificCause() : e;
        log.warn("database unavailable: {}", cause.getMessage());
        ProblemDetail problem = SearchProblem.DATABASE_UNAVAILABLE
            .problemDetail("The database cannot be reached right now; retry shortly.");
        return ResponseEntity.status(SearchProblem.DATABASE_UNAVAILABLE.status())
            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
            .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        ProblemDetail problem = SearchProblem.INTERNAL_ERROR
            .problemDetail("The request failed unexpectedly; the error has been logged.");
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * A path or query parameter that does not convert, such as a malformed UUID or a
     * non-numeric limit.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        Class<?> required = ex.getRequiredType();
        String expected = required == null ? "another type" : switch (required.getSimpleName()) {
            case "UUID" -> "a UUID such as 3f2a6c1e-8a64-4c47-9a55-0b6f1d0d7e21";
            case "Integer", "int" -> "a whole number";
            default -> "a " + required.getSimpleName();
        };
        return ResponseEntity.badRequest()
            .body(new InvalidParameter(name, name + " must be " + expected + ".").problemDetail());
    }

    private static @Nullable String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * Spring MVC's own problem details (404 for unknown paths, 405, 406...) get a type
     * instead of about:blank.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            String slug = status == null ? "http-" + statusCode.value()
                    : status.name().toLowerCase(Locale.ROOT).replace('_', '-');
            problem.setType(URI.create(ProblemType.BASE + slug));
        }
        return response;
    }

}
