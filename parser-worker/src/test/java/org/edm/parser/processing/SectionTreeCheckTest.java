package org.edm.parser.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.edm.parser.split.ParsedSection;
import org.junit.jupiter.api.Test;

class SectionTreeCheckTest {

    @Test
    void acceptsATreeWhoseParentsComeFirst() {
        assertThat(SectionTreeCheck.problem(List.of(new ParsedSection(0, 1, null, "1", "", 1),
                new ParsedSection(1, 2, 0, "1.1", "", 1), new ParsedSection(2, 1, null, "2", "", null))))
            .isNull();
    }

    @Test
    void rejectsGapsForwardParentsAndBadLevels() {
        assertThat(SectionTreeCheck.problem(List.of(new ParsedSection(1, 1, null, "1", "", 1)))).contains("order");
        assertThat(SectionTreeCheck
            .problem(List.of(new ParsedSection(0, 2, 1, "1.1", "", 1), new ParsedSection(1, 1, null, "1", "", 1))))
            .contains("parent");
        assertThat(SectionTreeCheck.problem(List.of(new ParsedSection(0, 0, null, "1", "", 1)))).contains("level");
        assertThat(SectionTreeCheck.problem(List.of(new ParsedSection(0, 1, null, "1", "", 0)))).contains("page");
    }

}
