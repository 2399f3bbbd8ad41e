package org.edm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.edm.localstack.FaultSchedule.Fault;
import org.edm.localstack.FaultSchedule.ScheduledFault;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    @Test
    void issueTwelvesFaultsAreInterleavedAndSpreadEvenlyOverTheUploads() {
        // when
        FaultSchedule schedule = FaultSchedule.plan("parser-kill:2,kafka-stop:1,postgres-stop:1", 1000);

        // then: one fault every fifth of the uploads, the two parser kills apart
        assertThat(schedule.faults()).containsExactly(new ScheduledFault(200, Fault.PARSER_KILL),
                new ScheduledFault(400, Fault.KAFKA_STOP), new ScheduledFault(600, Fault.POSTGRES_STOP),
                new ScheduledFault(800, Fault.PARSER_KILL));
        assertThat(schedule.describe())
            .isEqualTo("parser-kill@200, kafka-stop@400, postgres-stop@600, parser-kill@800");
    }

    @Test
    void aKindWithoutCountHappensOnceAndNoFaultsIsAnEmptySchedule() {
        assertThat(FaultSchedule.plan("kafka-stop", 10).faults())
            .containsExactly(new ScheduledFault(5, Fault.KAFKA_STOP));
        assertThat(FaultSchedule.plan("", 10).faults()).isEmpty();
        assertThat(FaultSchedule.plan("parser-kill:0", 10).describe()).isEqualTo("none");
    }

    @Test
    void fewUploadsStillFireEveryFaultAfterAtLeastOneUpload() {
        List<ScheduledFault> faults = FaultSchedule.plan("parser-kill:3", 1).faults();

        assertThat(faults).hasSize(3).allSatisfy(fault -> assertThat(fault.afterUploads()).isEqualTo(1));
    }

    @Test
    void unknownKindsAndBadCountsAreRefused() {
        assertThatThrownBy(() -> FaultSchedule.plan("search-kill:1", 10)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown fault search-kill");
        assertThatThrownBy(() -> FaultSchedule.plan("kafka-stop:x", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultSchedule.plan("kafka-stop:-1", 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void soakOptionsTakeTheDocumentedDefaultsAndShortDurations() throws Exception {
        // when
        FaultSoak.Options options = FaultSoak.parse(List.of("--dir=corpus", "--data-dir=/tmp/soak-test", "--outage=20s",
                "--service-property=edm.parser.ocr.enabled=true"));

        // then
        assertThat(options.uploads()).isEqualTo(1000);
        assertThat(options.clients()).isEqualTo(16);
        assertThat(options.faults()).isEqualTo("parser-kill:2,kafka-stop:1,postgres-stop:1");
        assertThat(options.outage()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.timeout()).isEqualTo(Duration.ofHours(2));
        assertThat(options.serviceProperties()).containsEntry("edm.parser.ocr.enabled", "true")
            .containsEntry("edm.security.rate-limit.uploads", "100000000");
        assertThat(FaultSoak.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> FaultSoak.parse(List.of("--dir=corpus", "--faults=disk-full:1")))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
