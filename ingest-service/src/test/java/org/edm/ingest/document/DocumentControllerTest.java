package org.edm.ingest.document;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(DocumentController.class)
@Import(SimpleMeterRegistry.class)
class DocumentControllerTest {

    private static final String PROBLEMS = "https://edm.example/problems/";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DocumentLifecycle lifecycle;

    @Test
    void statusShowsTheDocument() throws Exception {
        UUID id = UUID.randomUUID();
        given(lifecycle.find(id)).willReturn(new StoredDocument(id, "ITCH", "5.0", "done", "ab/x.pdf", "f".repeat(64),
                42, Instant.parse("2026-11-25T12:00:00Z"), 7, Instant.parse("2026-11-25T12:01:00Z")));

        mvc.perform(get("/api/documents/{id}", id))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("done"))
            .andExpect(jsonPath("$.pageCount").value(7))
            .andExpect(jsonPath("$.uploadDate").value("2026-11-25T12:00:00Z"));
    }

    @Test
    void unknownDocumentIsNotFound() throws Exception {
        UUID id = UUID.randomUUID();
        given(lifecycle.find(id)).willThrow(new DocumentNotFound(id));

        mvc.perform(get("/api/documents/{id}", id))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.type").value(PROBLEMS + "document-not-found"))
            .andExpect(jsonPath("$.documentId").value(id.toString()));
    }

    @Test
    void malformedIdIsABadRequest() throws Exception {
        mvc.perform(delete("/api/documents/{id}", "42"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-document-id"));
    }

    @Test
    void reprocessingABusyDocumentIsAConflict() throws Exception {
        UUID id = UUID.randomUUID();
        given(lifecycle.reprocess(id)).willThrow(new DocumentBusy(id));

        mvc.perform(post("/api/documents/{id}/reprocess", id))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value(PROBLEMS + "document-busy"));
    }

}
