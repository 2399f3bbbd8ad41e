package org.edm.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.edm.events.Topics;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The work topic is declared wide enough for several documents to parse at once in one
 * consumer group.
 */
class WorkTopicIntegrationTest extends WorkerIntegrationTest {

    @Test
    void workTopicHasTheConfiguredPartitionsWhateverTheBrokerDefault() throws Exception {
        // given: the embedded broker creates topics with 3 partitions; the worker started
        // with the defaults
        // when: the topic is described
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(Topics.DOCUMENTS_UPLOADED))
                .allTopicNames()
                .get()
                .get(Topics.DOCUMENTS_UPLOADED)
                .partitions()
                .size();

            // then: edm.kafka.uploaded-partitions (default 6)
            assertThat(partitions).isEqualTo(6);
        }
    }

}
