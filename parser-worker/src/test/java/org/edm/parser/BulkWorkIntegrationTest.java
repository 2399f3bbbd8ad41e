package org.edm.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.edm.events.Topics;
import org.edm.testsupport.TestPdfs;
import org.junit.jupiter.api.Test;

/** Bulk work arrives on its own topic and is parsed like any upload. */
class BulkWorkIntegrationTest extends WorkerIntegrationTest {

    @Test
    void documentAnnouncedOnTheBulkTopicIsParsed() {
        // given
        UUID documentId = pendingDocument(TestPdfs.specificationWithOutline());

        // when
        publishRaw(Topics.DOCUMENTS_UPLOADED_BULK, documentId.toString(),
                json.writeValueAsString(uploadedEvent(documentId)));

        // then
        assertThat(awaitFinalStatus(documentId, Duration.ofSeconds(90))).isEqualTo("done");
        assertThat(sections(documentId)).isNotEmpty();
    }

}
