package org.edm.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class KafkaTopicsTest {

    @Test
    void topicsWithoutACountOfTheirOwnGetTheConfiguredPartitionsAndReplication() {
        // given
        var topics = new KafkaTopics(new KafkaTopicSettings(3, (short) 2));

        // when
        var declared = topics.declare("a.topic", "b.topic").getNewTopics();

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
        var topics = new KafkaTopics(new KafkaTopicSettings(null, null));

        // when
        var work = topics.declare(6, "work.topic").getNewTopics();
        var other = topics.declare("other.topic").getNewTopics();

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
}
