package org.edm.web.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.edm.web.FakeApis.Answer;
import org.edm.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

class UploadControllerTest extends WebTest {

    private static final MockMultipartFile PDF = new MockMultipartFile("file", "Nasdaq.Ouch.v4.2.pdf",
            "application/pdf", "%PDF-1.7 tiny".getBytes(StandardCharsets.US_ASCII));

    @Test
    void theFileStreamsToIngestWithTheKeyAndTheEditedTitle() throws Exception {
        var session = signedIn("documents:write", "documents:read");
        APIS.on("POST", "/api/documents", new Answer(202, "application/json", """
                {"id":"33333333-3333-3333-3333-333333333333","title":"Ouch","version":"4.2","status":"pending",
                 "duplicate":false}"""));

        mvc.perform(multipart("/upload").file(PDF)
            .param("title", "Ouch")
            .param("version", "4.2")
            .accept(MediaType.APPLICATION_JSON)
            .session(session)
            .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.outcome").value("accepted"))
            .andExpect(jsonPath("$.documentUrl").value("/documents/33333333-3333-3333-3333-333333333333"));

        var sent = APIS.received.get(0);
        assertThat(sent.authorization()).isEqualTo("Bearer " + KEY);
        String body = new String(sent.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains("%PDF-1.7 tiny")
            .contains("filename=\"Nasdaq.Ouch.v4.2.pdf\"")
            .contains("name=\"title\"")
            .contains("Ouch");
    }

    @Test
    void titleAndVersionLeftEmptyAreGuessedFromTheFileName() throws Exception {
        var session = signedIn("documents:write");
        APIS.on("POST", "/api/documents", new Answer(202, "application/json", """
                {"id":"33333333-3333-3333-3333-333333333333","title":"Nasdaq.Ouch","version":"4.2",
                 "status":"pending","duplicate":false}"""));

        mvc.perform(multipart("/upload").file(PDF).accept(MediaType.APPLICATION_JSON).session(session).with(csrf()))
            .andExpect(jsonPath("$.outcome").value("accepted"));

        String body = new String(APIS.received.get(0).body(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains("\r\n\r\nNasdaq.Ouch\r\n").contains("\r\n\r\n4.2\r\n");
    }

    @Test
    void theApisProblemComesBackInWords() throws Exception {
        var session = signedIn("documents:write");
        APIS.on("POST", "/api/documents", Answer.problem(415, "not-a-pdf", "No %PDF- header"));

        mvc.perform(multipart("/upload").file(PDF)
            .param("version", "1")
            .accept(MediaType.APPLICATION_JSON)
            .session(session)
            .with(csrf()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.outcome").value("rejected"))
            .andExpect(jsonPath("$.message").value("This file is not a PDF."));
    }

    @Test
    void aDuplicateLinksToTheExistingDocument() throws Exception {
        var session = signedIn("documents:write");
        APIS.on("POST", "/api/documents", Answer.json("""
                {"id":"44444444-4444-4444-4444-444444444444","title":"Ouch","version":"4.2","status":"done",
                 "duplicate":true}"""));

        mvc.perform(multipart("/upload").file(PDF).accept(MediaType.APPLICATION_JSON).session(session).with(csrf()))
            .andExpect(jsonPath("$.outcome").value("duplicate"))
            .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("Already in the library")))
            .andExpect(jsonPath("$.documentUrl").value("/documents/44444444-4444-4444-4444-444444444444"));
    }

    @Test
    void aReadOnlyKeyCannotUploadEvenWithoutTheButton() throws Exception {
        var session = signedIn("documents:read");

        mvc.perform(multipart("/upload").file(PDF).accept(MediaType.APPLICATION_JSON).session(session).with(csrf()))
            .andExpect(jsonPath("$.outcome").value("rejected"));

        assertThat(APIS.received).isEmpty();
    }

}
