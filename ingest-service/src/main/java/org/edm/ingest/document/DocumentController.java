package org.edm.ingest.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.edm.ingest.web.ApiPaths;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "documents")
class DocumentController {

    private final DocumentLifecycle lifecycle;

    DocumentController(DocumentLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GetMapping(ApiPaths.DOCUMENT)
    @Operation(summary = "A document's processing status",
            description = "Minimal status as this service knows it; "
                    + "search-api serves the full document with its sections.")
    @ApiResponse(responseCode = "200", description = "The document")
    @ApiResponse(responseCode = "404", description = "document-not-found",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    DocumentView status(@PathVariable UUID id) {
        return DocumentView.of(lifecycle.find(id));
    }

    @GetMapping(ApiPaths.FILE)
    @Operation(summary = "The stored PDF",
            description = "Streams the original file as uploaded, "
                    + "application/pdf, inline (browsers open it; #page=N jumps to a page).")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf"))
    @ApiResponse(responseCode = "404", description = "document-not-found, document-file-missing",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Resource> file(@PathVariable UUID id) throws IOException {
        DocumentLifecycle.StoredFile file = lifecycle.file(id);
        StoredDocument document = file.document();
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .contentLength(document.sizeBytes())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.inline().filename(fileName(document), StandardCharsets.UTF_8).build().toString())
            .body(new InputStreamResource(file.content()));
    }

    /** {@code <title>-<version>.pdf} without characters file systems refuse. */
    static String fileName(StoredDocument document) {
        return (document.title() + "-" + document.version()).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ".pdf";
    }

    @DeleteMapping(ApiPaths.DOCUMENT)
    @Operation(summary = "Delete a document",
            description = "Removes the row, its sections and its file, and "
                    + "publishes DocumentDeleted on documents.deleted.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "document-not-found",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        lifecycle.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(ApiPaths.REPROCESS)
    @Operation(summary = "Parse a document again", description = "Sets the status back to pending and publishes a "
            + "new DocumentUploaded with trigger=reprocess. Refused (409 document-busy) while it is processing.")
    @ApiResponse(responseCode = "202", description = "Queued for parsing")
    @ApiResponse(responseCode = "404", description = "document-not-found",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "document-busy",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<DocumentView> reprocess(@PathVariable UUID id) {
        StoredDocument document = lifecycle.reprocess(id);
        var location = ServletUriComponentsBuilder.fromCurrentContextPath()
            .path(ApiPaths.DOCUMENT)
            .buildAndExpand(id)
            .toUri();
        return ResponseEntity.accepted().location(location).body(DocumentView.of(document));
    }

}
