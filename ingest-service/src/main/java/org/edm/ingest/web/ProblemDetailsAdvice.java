package org.edm.ingest.web;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import org.edm.security.ProblemType;
import org.edm.security.RejectedRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every error as an RFC 9457 problem detail with a {@link IngestProblem}: the
 * service's own {@link RejectedRequest}s, Spring MVC's exceptions (a missing part, the
 * multipart size limit, a wrong method...) and, as the last resort, anything unexpected
 * (500 without internals). Counts rejected uploads by reason.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final String RETRY_AFTER_SECONDS = "5";

    private final MeterRegistry meters;

    private final long maxFileSizeBytes;

    private final @Nullable Path spoolDirectory;

    ProblemDetailsAdvice(MeterRegistry meters, ObjectProvider<MultipartConfigElement> multipart) {
        this.meters = meters;
        MultipartConfigElement limits = multipart.getIfAvailable();
        this.maxFileSizeBytes = limits == null ? -1 : limits.getMaxFileSize();
        this.spoolDirectory = limits == null || limits.getLocation().isEmpty() ? null : Path.of(limits.getLocation());
    }

    @ExceptionHandler(RejectedRequest.class)
    ResponseEntity<Object> rejected(RejectedRequest rejection, HttpServletRequest request) {
        ProblemDetail problem = rejection.problemDetail();
        problem.setInstance(URI.create(request.getRequestURI()));
        HttpHeaders headers = new HttpHeaders();
        if (rejection.type().status().value() == 503) {
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return respond(rejection.type(), problem, headers, request);
    }

    /**
     * A multipart body that could not be read (the size limit has its own handler in the
     * superclass): the client's fault, unless the directory the container spools bodies
     * into cannot take them, which is the storage's (503, as for any other storage
     * fault).
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException e, HttpServletRequest request) {
        if (spoolDirectory != null && !(Files.isDirectory(spoolDirectory) && Files.isWritable(spoolDirectory))) {
            log.error("Upload spool directory {} is not a writable directory: {}", spoolDirectory, e.toString());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return respond(IngestProblem.STORAGE_UNAVAILABLE,
                    problem(IngestProblem.STORAGE_UNAVAILABLE, "Please retry later", request), headers, request);
        }
        return respond(IngestProblem.MALFORMED_REQUEST,
                problem(IngestProblem.MALFORMED_REQUEST, "The multipart body could not be read", request),
                new HttpHeaders(), request);
    }

    // TransactionSystemException: the commit or rollback itself failed, i.e. the
    // connection broke mid-transaction
    @ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, TransactionSystemException.class })
    ResponseEntity<Object> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.error("Database unavailable while handling {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.toString());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return respond(IngestProblem.DATABASE_UNAVAILABLE,
                problem(IngestProblem.DATABASE_UNAVAILABLE, "Please retry later", request), headers, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof ErrorResponse) {
            // framework exceptions with a status of their own are the superclass's
            throw e;
        }
        log.error("Unexpected failure handling {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(IngestProblem.INTERNAL_ERROR,
                problem(IngestProblem.INTERNAL_ERROR, "The request failed; it was logged", request), new HttpHeaders(),
                request);
    }

    /**
     * Spring MVC's own exceptions: keep their status and detail, give them one of our
     * types.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            ProblemType type = typeOf(ex, statusCode);
            problem.setType(type.uri());
            problem.setTitle(type.title());
            if (ex instanceof MissingServletRequestParameterException missing) {
                problem.setProperty("field", missing.getParameterName());
            }
            else if (ex instanceof MissingServletRequestPartException missing) {
                problem.setProperty("field", missing.getRequestPartName());
            }
            else if (ex instanceof MaxUploadSizeExceededException && maxFileSizeBytes > 0) {
                problem.setDetail("The upload is larger than the limit of " + maxFileSizeBytes + " bytes");
                problem.setProperty("maxSizeBytes", maxFileSizeBytes);
            }
            if (request instanceof ServletWebRequest servlet) {
                countRejectedUpload(type, servlet.getRequest());
            }
        }
        return response;
    }

    private static ProblemType typeOf(Exception ex, HttpStatusCode status) {
        if (ex instanceof MaxUploadSizeExceededException) {
            return IngestProblem.DOCUMENT_TOO_LARGE;
        }
        if (ex instanceof MissingServletRequestPartException missing) {
            return "file".equals(missing.getRequestPartName()) ? IngestProblem.FILE_MISSING
                    : IngestProblem.FIELD_MISSING;
        }
        if (ex instanceof MissingServletRequestParameterException) {
            return IngestProblem.FIELD_MISSING;
        }
        if (ex instanceof TypeMismatchException mismatch) {
            return "id".equals(mismatch.getPropertyName()) ? IngestProblem.INVALID_DOCUMENT_ID
                    : IngestProblem.MALFORMED_REQUEST;
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return IngestProblem.UNSUPPORTED_MEDIA_TYPE;
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return IngestProblem.NOT_ACCEPTABLE;
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return IngestProblem.METHOD_NOT_ALLOWED;
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return IngestProblem.NOT_FOUND;
        }
        return status.is5xxServerError() ? IngestProblem.INTERNAL_ERROR : IngestProblem.MALFORMED_REQUEST;
    }

    private static ProblemDetail problem(ProblemType type, String detail, HttpServletRequest request) {
        ProblemDetail problem = type.problemDetail(detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private ResponseEntity<Object> respond(ProblemType type, ProblemDetail problem, HttpHeaders headers,
            HttpServletRequest request) {
        countRejectedUpload(type, request);
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private void countRejectedUpload(ProblemType type, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("POST".equals(request.getMethod()) && ApiPaths.DOCUMENTS.equals(path) && type.status().is4xxClientError()) {
            Counter.builder("edm.uploads.rejected")
                .description("Uploads rejected, by problem type")
                .tag("reason", type.slug())
                .register(meters)
                .increment();
            log.info("Upload rejected: reason={}", type.slug());
        }
    }

}
