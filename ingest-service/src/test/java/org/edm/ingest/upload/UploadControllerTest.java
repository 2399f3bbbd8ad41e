package org.edm.ingest.upload;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.edm.ingest.document.StoredDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Validation and status mapping of POST /api/documents, without storage, database or
 * Kafka.
 */
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(UploadController.class)
@Import({ SimpleMeterRegistry.class, UploadControllerTest.AuthenticatedCaller.class })
@EnableConfigurationProperties(UploadSettings.class)
class UploadControllerTest {

    private static final String PROBLEMS = "https://edm.example/problems/";

    private static final MockMultipartFile PDF = new MockMultipartFile("file", "spec.pdf", "application/pdf",
            "%PDF-1.7 ...".getBytes());

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DocumentIntake intake;

    @MockitoBean
    UploadMetrics metrics;

    @Test
    void newDocumentIsAcceptedWithItsLocation() throws Exception {
        StoredDocument document = document();
        given(intake.acceptSpooled(any(), any())).willReturn(new UploadResult(document, UploadResult.Outcome.CREATED));

        mvc.perform(multipart("/api/documents").file(PDF).param("title", "ITCH").param("version", "5.0"))
            .andExpect(status().isAccepted())
            .andExpect(header().string("Location", "http://localhost/api/documents/" + document.id()))
            .andExpect(jsonPath("$.id").value(document.id().toString()))
            .andExpect(jsonPath("$.status").value("pending"))
            .andExpect(jsonPath("$.duplicate").value(false));
    }

    @Test
    void duplicateIsOkAndFlagged() throws Exception {
        given(intake.acceptSpooled(any(), any()))
            .willReturn(new UploadResult(document(), UploadResult.Outcome.DUPLICATE));

        mvc.perform(multipart("/api/documents").file(PDF).param("title", "ITCH").param("version", "5.0"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.duplicate").value(true))
            .andExpect(header().doesNotExist("Idempotent-Replayed"));
    }

    @Test
    void replayIsOkWithTheReplayHeader() throws Exception {
        given(intake.acceptSpooled(any(), any()))
            .willReturn(new UploadResult(document(), UploadResult.Outcome.REPLAYED));

        mvc.perform(multipart("/api/documents").file(PDF)
            .param("title", "ITCH")
            .param("version", "5.0")
            .header("Idempotency-Key", "k1"))
            .andExpect(status().isOk())
            .andExpect(header().string("Idempotent-Replayed", "true"));
    }

    @Test
    void missingFileIsAProblemBeforeAnythingIsStored() throws Exception {
        mvc.perform(multipart("/api/documents").param("title", "ITCH").param("version", "5.0"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value(PROBLEMS + "file-missing"));
        verifyNoInteractions(intake);
    }

    @Test
    void overLongTitleNamesTheFieldAndTheLimit() throws Exception {
        mvc.perform(multipart("/api/documents").file(PDF).param("title", "t".repeat(256)).param("version", "5.0"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value(PROBLEMS + "field-too-long"))
            .andExpect(jsonPath("$.field").value("title"))
            .andExpect(jsonPath("$.maxLength").value(255));
        verifyNoInteractions(intake);
    }

    @Test
    void malformedMetadataIsAProblem() throws Exception {
        mvc.perform(multipart("/api/documents").file(PDF)
            .param("title", "ITCH")
            .param("version", "5.0")
            .param("metadata", "{not json"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value(PROBLEMS + "malformed-metadata"));
        verifyNoInteractions(intake);
    }

    @Test
    void contentRefusedWhileStagingBecomesItsProblem() throws Exception {
        given(intake.acceptSpooled(any(), any())).willThrow(new Rejections.NotAPdf());

        mvc.perform(multipart("/api/documents").file(PDF).param("title", "ITCH").param("version", "5.0"))
            .andExpect(status().isUnsupportedMediaType())
            .andExpect(jsonPath("$.type").value(PROBLEMS + "not-a-pdf"))
            .andExpect(jsonPath("$.instance").value("/api/documents"));
    }

    @Test
    void anUnexpectedFailureIsA500WithoutInternals() throws Exception {
        given(intake.acceptSpooled(any(), any())).willThrow(new IllegalStateException("secret internals"));

        mvc.perform(multipart("/api/documents").file(PDF).param("title", "ITCH").param("version", "5.0"))
            .andExpect(status().isInternalServerError())
            .andExpect(jsonPath("$.type").value(PROBLEMS + "internal-error"))
            .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
    }

    @Test
    void jsonInsteadOfMultipartIsUnsupported() throws Exception {
        mvc.perform(post("/api/documents").contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isUnsupportedMediaType())
            .andExpect(jsonPath("$.type").value(PROBLEMS + "unsupported-media-type"));
    }

    private static StoredDocument document() {
        return new StoredDocument(UUID.randomUUID(), "ITCH", "5.0", "pending", "ab/x.pdf", "0".repeat(64), 12,
                Instant.parse("2026-11-25T12:00:00Z"), null, Instant.parse("2026-11-25T12:00:00Z"));
    }

    /**
     * Security filters are off in this slice: every request carries an authenticated
     * caller, as in production.
     */
    @TestConfiguration
    static class AuthenticatedCaller {

        @Bean
        MockMvcBuilderCustomizer callerPrincipal() {
            return builder -> builder
                .defaultRequest(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
                    .principal(new TestingAuthenticationToken("client", "", "SCOPE_documents:write")));
        }

    }

}
