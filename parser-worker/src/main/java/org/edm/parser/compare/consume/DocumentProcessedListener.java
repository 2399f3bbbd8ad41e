package org.edm.parser.compare.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.edm.events.Topics;
import org.edm.parser.compare.VersionComparisons;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@value Topics#DOCUMENTS_PROCESSED} in its own group ({@value #GROUP}), apart
 * from the parser's {@code documents.uploaded} consumer; the offset is committed after
 * the comparison's transaction committed.
 */
@Component
class DocumentProcessedListener {

    static final String GROUP = "parser-worker-compare";

    private final DocumentProcessedReader reader;

    private final VersionComparisons comparisons;

    DocumentProcessedListener(DocumentProcessedReader reader, VersionComparisons comparisons) {
        this.reader = reader;
        this.comparisons = comparisons;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.DOCUMENTS_PROCESSED,
            containerFactory = CompareConsumerConfiguration.CONTAINER_FACTORY,
            autoStartup = "${edm.parser.compare.enabled:true}")
    void onDocumentProcessed(ConsumerRecord<String, String> record) {
        comparisons.apply(reader.read(record.value()));
    }

}
