package org.edm.parser.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.edm.events.DocumentUploaded;
import org.edm.events.Topics;
import org.edm.parser.processing.DocumentProcessor;
import org.edm.parser.processing.WorkPriority;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@value Topics#DOCUMENTS_UPLOADED} and, on listener threads of its own, the
 * bulk work of {@value Topics#DOCUMENTS_UPLOADED_BULK}. The container commits a record's
 * offset only after this method returned, that is after the document's result was
 * committed to the database (ack mode RECORD, no auto-commit).
 */
@Component
class DocumentUploadedListener {

    static final String LISTENER_ID = "documents-uploaded";
    static final String BULK_LISTENER_ID = "documents-uploaded-bulk";

    private final DocumentUploadedReader reader;

    private final DocumentProcessor processor;

    DocumentUploadedListener(DocumentUploadedReader reader, DocumentProcessor processor) {
        this.reader = reader;
        this.processor = processor;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.DOCUMENTS_UPLOADED)
    void onDocumentUploaded(ConsumerRecord<String, String> record) {
        DocumentUploaded event = reader.read(record.value());
        processor.process(event, WorkPriority.INTERACTIVE);
    }

    /**
     * Bulk work: its own listener threads, so interactive records never wait behind it in
     * a partition.
     */
    @KafkaListener(id = BULK_LISTENER_ID, idIsGroup = false, topics = Topics.DOCUMENTS_UPLOADED_BULK)
    void onBulkDocumentUploaded(ConsumerRecord<String, String> record) {
        DocumentUploaded event = reader.read(record.value());
        processor.process(event, WorkPriority.BULK);
    }

}
