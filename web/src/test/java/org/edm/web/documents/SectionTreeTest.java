package org.edm.web.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.edm.web.api.ApiViews.OutlineEntry;
import org.junit.jupiter.api.Test;

class SectionTreeTest {

    @Test
    void theFlatOutlineBecomesATreeOpenAlongTheCurrentSection() {
        UUID one = UUID.randomUUID();
        UUID oneOne = UUID.randomUUID();
        UUID oneOneOne = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        UUID twoOne = UUID.randomUUID();
        List<OutlineEntry> outline = List.of(new OutlineEntry(one, null, 1, "1", 1, 0),
                new OutlineEntry(oneOne, one, 2, "1.1", 2, 1), new OutlineEntry(oneOneOne, oneOne, 3, "1.1.1", 2, 2),
                new OutlineEntry(two, null, 1, "2", 3, 3), new OutlineEntry(twoOne, two, 2, "2.1", 4, 4));

        List<SectionTree.Node> tree = SectionTree.of(outline, oneOneOne);

        assertThat(tree).extracting(node -> node.entry().title()).containsExactly("1", "2");
        assertThat(tree.get(0).open()).isTrue();
        assertThat(tree.get(0).children().get(0).open()).isTrue();
        assertThat(tree.get(0).children().get(0).children().get(0).current()).isTrue();
        assertThat(tree.get(1).open()).isFalse();
        assertThat(tree.get(1).children()).extracting(node -> node.entry().title()).containsExactly("2.1");
    }

}
