package org.edm.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

    @Test
    void versionsSortByTheValueOfEachNumberNotByCharacters() {
        // given
        List<String> versions = new ArrayList<>(
                List.of("1.1.12", "2.10.a", "1.1.6", "5.0.2023", "2.9", "1.1.5", "5.0.2017", "2.10"));

        // when
        versions.sort(VersionOrder.INSTANCE);

        // then
        assertThat(versions).containsExactly("1.1.5", "1.1.6", "1.1.12", "2.9", "2.10", "2.10.a", "5.0.2017",
                "5.0.2023");
    }

    @Test
    void aLeadingVOrVersionWordAndLetterCaseDoNotCount() {
        assertThat(VersionOrder.INSTANCE.compare("v14.0", "14.0")).isZero();
        assertThat(VersionOrder.INSTANCE.compare("Version 14.0", "14.0")).isZero();
        assertThat(VersionOrder.INSTANCE.compare("2.10.A", "2.10.a")).isZero();
        assertThat(VersionOrder.INSTANCE.compare("V13.1", "13.0")).isPositive();
    }

    @Test
    void lettersComeBeforeNumbersAtTheSamePlace() {
        assertThat(VersionOrder.INSTANCE.compare("1.0.beta", "1.0.1")).isNegative();
        assertThat(VersionOrder.INSTANCE.compare("3.0.b", "3.0.c")).isNegative();
    }

    @Test
    void familyKeyIgnoresCaseAndWhitespace() {
        assertThat(Families.key("  Eurex T7\tEOBI  Fbe ")).isEqualTo(Families.key("eurex t7 eobi fbe"))
            .isEqualTo("eurex t7 eobi fbe");
    }

}
