package org.edm.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class StoredSectionsTest {

    private final UUID chapter = UUID.randomUUID();

    private final UUID section = UUID.randomUUID();

    private final UUID appendix = UUID.randomUUID();

    private final StoredSections stored = StoredSections
        .of(List.of(new StoredSections.Row(chapter, 1, null, "1 Messages", "Intro."),
                new StoredSections.Row(section, 2, chapter, "1.1 Add Order", null),
                new StoredSections.Row(appendix, 1, null, "A Appendix", "End.")));

    @Test
    void rowsInOrderBecomeSectionsWithTheirParentsPositionAndEmptyTextForNone() {
        assertThat(stored.sections()).containsExactly(new Section(0, 1, null, "1 Messages", "Intro."),
                new Section(1, 2, 0, "1.1 Add Order", ""), new Section(2, 1, null, "A Appendix", "End."));
        assertThat(stored.ids()).containsExactly(chapter, section, appendix);
    }

    @Test
    void storedKeysComeInSectionOrderWhenEverySectionHasOne() {
        // given
        List<StoredSections.Key> keys = List.of(new StoredSections.Key(appendix, "appendix"),
                new StoredSections.Key(chapter, "messages"), new StoredSections.Key(section, "messages/add-order"));

        // when / then
        assertThat(stored.keys(keys)).hasValue(List.of("messages", "messages/add-order", "appendix"));
    }

    @Test
    void storedKeysAreNoneWhenASectionLacksOne() {
        assertThat(stored.keys(List.of(new StoredSections.Key(chapter, "messages"),
                new StoredSections.Key(section, "messages/add-order"))))
            .isEmpty();
    }

}
