package org.edm.ingest.upload;

import java.net.URI;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.edm.ingest.upload.Rejections.FileEmpty;
import org.edm.ingest.upload.Rejections.FileMissing;
import org.edm.ingest.web.ApiPaths;
import org.edm.security.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "documents")
class UploadController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(UploadController.class);

    private final DocumentIntake intake;

    private final UploadMetrics metrics;

    private final UploadSettings settings;

    private final UploadRequest.MetadataParser metadataParser;

    UploadController(DocumentIntake intake, UploadMetrics metrics, UploadSettings settings, JsonMapper json) {
        this.intake = intake;
        this.metrics = metrics;
        this.settings = settings;
        this.metadataParser = new UploadRequest.MetadataParser(json, settings.maxMetadataSize());
    }

    @PostMapping(path = ApiPaths.DOCUMENTS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a specification (PDF)", description = """
            Stores the PDF, records the document as pending and publishes DocumentUploaded on documents.uploaded. \
            Identical bytes with the same title and version return the existing document (200, duplicate=true). \
            A repeated Idempotency-Key returns the first request's document (200, header Idempotent-Replayed).""")
    @ApiResponse(responseCode = "202", description = "Stored; parsing follows",
            content = @Content(schema = @Schema(implementation = UploadReceipt.class)))
    @ApiResponse(responseCode = "200", description = "Already stored (duplicate or replayed)",
            content = @Content(schema = @Schema(implementation = UploadReceipt.class)))
    @ApiResponse(responseCode = "400",
            description = "file-missing, file-empty, field-missing, field-too-long, "
                    + "field-invalid, malformed-metadata, invalid-idempotency-key, malformed-request",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "document-too-large",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "not-a-pdf, unsupported-media-type",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "idempotency-key-reused",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "storage-unavailable, database-unavailable",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<UploadReceipt> upload(
            @Parameter(description = "The PDF") @RequestPart(name = "file",
                    required = false) @Nullable MultipartFile file,
            @Parameter(description = "The specification's title, 1-255 characters") @RequestParam(name = "title",
                    required = false) @Nullable String title,
            @Parameter(description = "The specification's version, 1-50 characters") @RequestParam(name = "version",
                    required = false) @Nullable String version,
            @Parameter(description = "Optional JSON object, stored as metadata.custom") @RequestParam(name = "metadata",
                    required = false) @Nullable String metadata,
            @Parameter(
                    description = "Makes retries safe: a repeated key returns the first request's document") @RequestHeader(
                            name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
            @Parameter(description = "bulk: parsed after interactive uploads (drop folder, scripts); "
                    + "interactive (default)") @RequestHeader(name = UploadRequest.PRIORITY_HEADER,
                            required = false) @Nullable String priority,
            @Parameter(hidden = true) Authentication caller) {
        long started = System.nanoTime();
        if (file == null) {
            throw new FileMissing();
        }
        UploadRequest request = UploadRequest
            .of(title, version, metadata, idempotencyKey, file.getOriginalFilename(), Caller.of(caller).id(),
                    metadataParser)
            .withPriority(priority);
        if (file.isEmpty()) {
            throw new FileEmpty();
        }
        if (file.getSize() > settings.maxSize().toBytes()) {
            throw new Rejections.DocumentTooLarge(settings.maxSize().toBytes());
        }
        UploadResult result;
        // transferTo(File) lets the container move its spooled file into staging instead
        // of copying it
        result = intake.acceptSpooled(request, target -> file.transferTo(target.toFile()));
        metrics.accepted(result, Duration.ofNanos(System.nanoTime() - started));
        log.info("Upload {}: document={} sizeBytes={} sha256={} title=\"{}\" version=\"{}\"", result.outcome().tag(),
                result.document().id(), result.document().sizeBytes(), result.document().sha256(),
                result.document().title(), result.document().version());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
            .path(ApiPaths.DOCUMENT)
            .buildAndExpand(result.document().id())
            .toUri();
        var response = ResponseEntity
            .status(result.outcome() == UploadResult.Outcome.CREATED ? HttpStatus.ACCEPTED : HttpStatus.OK)
            .location(location);
        if (result.outcome() == UploadResult.Outcome.REPLAYED) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.body(UploadReceipt.of(result));
    }

}
