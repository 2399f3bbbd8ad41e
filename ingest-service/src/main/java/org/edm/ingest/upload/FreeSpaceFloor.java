package org.edm.ingest.upload;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.edm.ingest.storage.DocumentStorage;
import org.edm.ingest.upload.Rejections.InsufficientStorage;
import org.edm.ingest.web.ApiPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses an upload with 507 {@code insufficient-storage} when taking it would leave the
 * storage's file system with less than {@code edm.upload.min-free-space} (its
 * {@code Content-Length} counted). A servlet filter, so the refusal comes before the
 * container reads and spools the body: the disk never fills with an upload that cannot be
 * kept. Registered by {@link MultipartConfiguration} after the security filters, so only
 * callers with a key learn of it.
 */
class FreeSpaceFloor extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FreeSpaceFloor.class);

    private final DocumentStorage storage;

    private final UploadSettings settings;

    private final HandlerExceptionResolver problems;

    FreeSpaceFloor(DocumentStorage storage, UploadSettings settings, HandlerExceptionResolver problems) {
        this.storage = storage;
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(HttpMethod.POST.matches(request.getMethod())
                && ApiPaths.DOCUMENTS.equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long needed = settings.minFreeSpace().toBytes() + Math.max(0, request.getContentLengthLong());
        long usable;
        try {
            usable = storage.usableSpace();
        }
        catch (IOException e) {
            // cannot tell: the write itself will fail with storage-unavailable if it must
            usable = Long.MAX_VALUE;
        }
        if (usable < needed) {
            log.warn("Upload refused: {} bytes free, the floor and the upload need {}", usable, needed);
            problems.resolveException(request, response, null, new InsufficientStorage());
            return;
        }
        chain.doFilter(request, response);
    }

}
