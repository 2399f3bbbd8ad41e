package org.edm.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * With {@code edm.parser.consumer.instance-id} set, every consumer of the worker joins
 * its group as a static member under a name of its own, so that a restarted worker takes
 * its partitions back without waiting for its old members' sessions to expire.
 */
class StaticMembershipIntegrationTest extends WorkerIntegrationTest {

    @Test
    void everyConsumerIsAStaticMemberNamedAfterTheWorkerAndItsListener() throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().bootstrapServers()))) {
            // when: the groups have settled
            // then: two threads each for interactive and bulk work, one for comparisons,
            // each a static member under its own name (other contexts of this test JVM
            // may have dynamic members in the same groups: they do not count)
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(instanceIds(admin, "parser-worker")).filteredOn(id -> id.startsWith(INSTANCE_ID + "-"))
                    .containsExactlyInAnyOrder(INSTANCE_ID + "-documents-uploaded-0",
                            INSTANCE_ID + "-documents-uploaded-1", INSTANCE_ID + "-documents-uploaded-bulk-0",
                            INSTANCE_ID + "-documents-uploaded-bulk-1");
                assertThat(instanceIds(admin, "parser-worker-compare"))
                    .filteredOn(id -> id.startsWith(INSTANCE_ID + "-"))
                    .containsExactly(INSTANCE_ID + "-parser-worker-compare-0");
            });
        }
    }

    /** The names of the group's static members. */
    private static List<String> instanceIds(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
            .describedGroups()
            .get(group)
            .get();
        assertThat(description.groupState()).as("state of %s", group).isEqualTo(GroupState.STABLE);
        return description.members()
            .stream()
            .map(MemberDescription::groupInstanceId)
            .flatMap(Optional::stream)
            .toList();
    }

}
