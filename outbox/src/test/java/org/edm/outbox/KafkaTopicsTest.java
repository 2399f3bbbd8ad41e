package org.edm.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.apache.kafka.clients.admin.NewTopic;
import org.edm.events.Topics;
import org.junit.jupiter.api.Test;

class KafkaTopicsTest {

    @Test
    void topicsWithoutACountOfTheirOwnGetTheConfiguredPartitionsAndReplication() {
        // given
        var topics = new KafkaTopics(new KafkaTopicSettings(3, (short) 2, 6));

        // when
        var declared = topics.topics("a.topic", "b.topic");

        // then
        assertThat(declared).extracting(NewTopic::name).containsExactly("a.topic", "b.topic");
        assertThat(declared).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(3);
            assertThat(topic.replicationFactor()).isEqualTo((short) 2);
        });
    }

    @Test
    void aCountOfTheirOwnWinsAndUnsetSettingsLeaveTheBrokersDefaults() {
        // given
        var topics = new KafkaTopics(new KafkaTopicSettings(null, null, 6));

        // when
        var work = topics.topics(6, "work.topic");
        var other = topics.topics("other.topic");

        // then: -1 asks the broker for its default
        assertThat(work).singleElement().satisfies(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(6);
            assertThat(topic.replicationFactor()).isEqualTo((short) -1);
        });
        assertThat(other).singleElement().satisfies(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(-1);
            assertThat(topic.replicationFactor()).isEqualTo((short) -1);
        });
    }

    @Test
    void theWorkTopicsGetTheUploadedPartitionsAndAtLeastOneIsRequired() {
        // when
        var work = new KafkaTopics(new KafkaTopicSettings(3, null, 8)).workTopics();

        // then
        assertThat(work).extracting(NewTopic::name)
            .containsExactly(Topics.DOCUMENTS_UPLOADED, Topics.DOCUMENTS_UPLOADED_BULK);
        assertThat(work).allSatisfy(topic -> assertThat(topic.numPartitions()).isEqualTo(8));
        assertThatIllegalArgumentException().isThrownBy(() -> new KafkaTopicSettings(null, null, 0))
            .withMessageContaining("edm.kafka.uploaded-partitions");
    }

}
