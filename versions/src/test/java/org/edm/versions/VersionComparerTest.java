package org.edm.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionComparerTest {

    private static final String[] TOPICS = { "orders", "trades", "quotes", "auctions", "instruments", "sessions",
            "heartbeats", "snapshots", "recovery", "throttling" };

    /** A spec of chapters with subsections, each body distinct, numbered from 1. */
    private static Sections spec(int chapters, int perChapter) {
        Sections sections = new Sections();
        for (int c = 1; c <= chapters; c++) {
            sections.add(1, c + " " + cap(TOPICS[c % TOPICS.length]) + " chapter " + word(c), body(c, 0));
            for (int s = 1; s <= perChapter; s++) {
                sections.add(2, c + "." + s + " " + cap(word(c * 31 + s)) + " message", body(c, s));
            }
        }
        return sections;
    }

    private static String body(int c, int s) {
        return "The " + word(c * 7 + s) + " message carries the " + word(c * 13 + s * 3) + " field of "
                + TOPICS[(c + s) % TOPICS.length] + " for member " + word(c * 17 + s * 5) + ".\n"
                + "It is sent when the " + word(c * 19 + s * 11) + " state changes, at most once per "
                + word(c * 23 + s) + " interval.";
    }

    private static String word(int n) {
        String[] syllables = { "ka", "lo", "mi", "ne", "pu", "ra", "si", "to", "vu", "ze" };
        StringBuilder word = new StringBuilder();
        int value = n + 11;
        while (value > 0) {
            word.append(syllables[value % 10]);
            value /= 10;
        }
        return word.toString();
    }

    private static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static Map<ChangeKind, Integer> counts(Comparison comparison) {
        return comparison.counts();
    }

    private static List<SectionChange> differences(List<Section> from, List<Section> to) {
        return VersionComparer.compare(from, to).differences();
    }

    @Test
    void identicalVersionsAreAllUnchangedAndKeepTheirKeys() {
        // given
        List<Section> sections = spec(6, 4).list();

        // when
        Comparison comparison = VersionComparer.compare(sections, sections);

        // then
        assertThat(counts(comparison).get(ChangeKind.UNCHANGED)).isEqualTo(sections.size());
        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.toKeys()).isEqualTo(comparison.fromKeys()).doesNotHaveDuplicates();
        assertThat(comparison.fromKeys().get(1)).isEqualTo("trades-chapter-milo/nepu-message");
    }

    @Test
    void oneChangedSentenceIsOneChangedSectionWithThatHunk() {
        // given
        List<Section> from = spec(6, 4).list();
        List<Section> to = new ArrayList<>(from);
        Section edited = from.get(8);
        to.set(8, new Section(8, edited.level(), edited.parentIndex(), edited.title(),
                edited.body().replace("at most once per", "at least twice per")));

        // when
        List<SectionChange> differences = differences(from, to);

        // then
        assertThat(differences).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.CHANGED);
            assertThat(change.fromIndex()).isEqualTo(8);
            assertThat(change.hunks()).containsExactly(new Hunk(21, 21, "most once", "least twice"));
        });
    }

    @Test
    void aSectionInsertedNearTheStartRenumberingAllLaterOnesIsOneAdded() {
        // given: a new chapter 2; every later chapter and subsection number goes up by
        // one
        Sections older = spec(8, 3);
        Sections newer = new Sections();
        List<Section> olderList = older.list();
        newer.add(1, olderList.get(0).title(), olderList.get(0).body());
        for (int s = 1; s <= 3; s++) {
            newer.add(2, olderList.get(s).title(), olderList.get(s).body());
        }
        newer.add(1, "2 Settlement", "Settlement instructions are sent after the close.");
        for (Section section : olderList.subList(4, olderList.size())) {
            newer.add(section.level(), renumber(section.title()), section.body());
        }

        // when
        Comparison comparison = VersionComparer.compare(olderList, newer.list());

        // then
        assertThat(comparison.differences()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.ADDED);
            assertThat(change.toTitle()).isEqualTo("2 Settlement");
            assertThat(change.key()).isEqualTo("settlement");
        });
        assertThat(comparison.toKeys().get(5)).isEqualTo(comparison.fromKeys().get(4));
    }

    private static String renumber(String title) {
        int space = title.indexOf(' ');
        String[] number = title.substring(0, space).split("\\.");
        number[0] = String.valueOf(Integer.parseInt(number[0]) + 1);
        return String.join(".", number) + title.substring(space);
    }

    @Test
    void aSectionMovedToAnotherChapterIsOneMoved() {
        // given: 1.2 moves to the end of chapter 3 (becoming 3.5)
        List<Section> olderList = spec(4, 4).list();
        Section moving = olderList.get(2);
        Sections newer = new Sections();
        for (Section section : olderList) {
            if (section == moving) {
                continue;
            }
            newer.add(section.level(), section.title(), section.body());
            if (section.title().startsWith("3.4 ")) {
                newer.add(2, "3.5 " + moving.title().substring(4), moving.body());
            }
        }

        // when
        List<SectionChange> differences = differences(olderList, newer.list());

        // then
        assertThat(differences).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.MOVED);
            assertThat(change.fromTitle()).isEqualTo(moving.title());
        });
    }

    @Test
    void twoSiblingsSwappedAreOneMoved() {
        // given
        List<Section> olderList = spec(2, 4).list();
        Sections newer = new Sections();
        for (int i : new int[] { 0, 1, 3, 2, 4, 5, 6, 7, 8, 9 }) {
            newer.add(olderList.get(i).level(), olderList.get(i).title(), olderList.get(i).body());
        }

        // when
        List<SectionChange> differences = differences(olderList, newer.list());

        // then
        assertThat(differences).extracting(SectionChange::kind).containsExactly(ChangeKind.MOVED);
    }

    @Test
    void aHeadingRewordedWithTheSameBodyIsOneRenamed() {
        // given
        List<Section> from = spec(5, 3).list();
        List<Section> to = new ArrayList<>(from);
        Section section = from.get(6);
        to.set(6, new Section(6, section.level(), section.parentIndex(), "2.2 Order Modification Request",
                section.body()));

        // when
        List<SectionChange> differences = differences(from, to);

        // then
        assertThat(differences).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.RENAMED);
            assertThat(change.toTitle()).isEqualTo("2.2 Order Modification Request");
        });
    }

    @Test
    void pageNumbersDatesVersionsAndHyphenationDoNotCount() {
        // given: the newer text carries other page numbers, dates, version strings, line
        // breaks and hyphenation
        Sections older = new Sections()
            .add(1, "1 Introduction",
                    "This specification, version 13.0 of 1 March 2024, describes the\n"
                            + "enhanced order book interface.\n12\nSee section 4.2 for details.")
            .add(1, "2 Scope", "It applies to all order-entry\nsessions.\nPage 3 of 40");
        Sections newer = new Sections()
            .add(1, "1 Introduction",
                    "This specification, Version 13.1 of March 4, 2025, describes the "
                            + "enhanced\norder book inter-\nface.\n- 14 -\nSee section 5.2 for details.")
            .add(1, "2 Scope", "It applies to all order-\nentry sessions.\nPage 5 of 42");

        // when
        List<SectionChange> differences = differences(older.list(), newer.list());

        // then
        assertThat(differences).isEmpty();
    }

    @Test
    void runningHeadersRepeatedThroughTheTextAreIgnored() {
        // given: a header with the version and date repeated where pages break, different
        // in each version
        Sections older = new Sections();
        Sections newer = new Sections();
        List<Section> base = spec(4, 2).list();
        for (Section section : base) {
            older.add(section.level(), section.title(), "Eurex EOBI v13.0, 2024-03-01\n" + section.body());
            newer.add(section.level(), section.title(), section.body() + "\nEurex EOBI v13.1, 2025-02-14");
        }

        // when
        List<SectionChange> differences = differences(older.list(), newer.list());

        // then
        assertThat(differences).isEmpty();
    }

    @Test
    void removedSectionsKeepTheirOldKeyAndFollowTheirPredecessor() {
        // given
        List<Section> from = spec(3, 2).list();
        Sections newer = new Sections();
        for (Section section : from) {
            if (section.orderIndex() != 4) {
                newer.add(section.level(), section.title(), section.body());
            }
        }

        // when
        Comparison comparison = VersionComparer.compare(from, newer.list());

        // then
        assertThat(comparison.differences()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.REMOVED);
            assertThat(change.key()).isEqualTo(comparison.fromKeys().get(4));
        });
        assertThat(comparison.changes().get(4).kind()).isEqualTo(ChangeKind.REMOVED);
    }

    @Test
    void repeatedChildTitlesAlignUnderTheirParents() {
        // given: every message has a "Fields" child; one chapter heading is reworded and
        // its Fields text changes
        Sections older = new Sections().add(1, "1 New Order", "Enters an order.")
            .add(2, "1.1 Fields", "Price Quantity Side")
            .add(1, "2 Cancel Order", "Cancels an order.")
            .add(2, "2.1 Fields", "OrderId Reason");
        Sections newer = new Sections().add(1, "1 New Order", "Enters an order.")
            .add(2, "1.1 Fields", "Price Quantity Side")
            .add(1, "2 Cancel Order", "Cancels an order.")
            .add(2, "2.1 Fields", "OrderId Reason Text");

        // when
        List<SectionChange> differences = differences(older.list(), newer.list());

        // then
        assertThat(differences).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.CHANGED);
            assertThat(change.key()).isEqualTo("cancel-order/fields");
            assertThat(change.hunks()).containsExactly(new Hunk(2, 2, "", "Text"));
        });
    }

    @Test
    void theDocumentsOwnVersionLabelStandingAloneIsAVersionString() {
        // given
        Sections older = new Sections().add(1, "1 Scope", "This manual applies to 13.0 and to 13.0.1 patches.");
        Sections newer = new Sections().add(1, "1 Scope", "This manual applies to 13.1 and to 13.1.1 patches.");

        // when
        Comparison comparison = VersionComparer.compare(older.list(), SectionKeys.derive(older.list()), "13.0",
                newer.list(), "v13.1");

        // then: the bare label is masked, the patch number (a longer version) is still
        // compared
        assertThat(comparison.differences()).singleElement()
            .satisfies(change -> assertThat(change.hunks()).containsExactly(new Hunk(7, 7, "13.0.1", "13.1.1")));
    }

    @Test
    void aReferenceBrokenOverTwoLinesIsMaskedLikeOneOnOneLine() {
        // given
        Sections older = new Sections().add(1, "1 Orders", "The fields are listed in Table\n7 below.");
        Sections newer = new Sections().add(1, "1 Orders", "The fields are listed in Table 8 below.");

        // when
        List<SectionChange> differences = differences(older.list(), newer.list());

        // then
        assertThat(differences).isEmpty();
    }

    @Test
    void theOlderVersionsLabelInTheNewerRevisionHistoryIsAVersionStringToo() {
        // given: the newer history lists the older version's entry; the older one called
        // itself "<version>"
        Sections older = new Sections().add(1, "Revision History", "1.11 Added Cash Margin Type values.");
        Sections newer = new Sections().add(1, "Revision History",
                "1.11 Added Cash Margin Type values.\n" + "1.12 Changed Type of Orderbook Id to Alpha.");

        // when
        Comparison comparison = VersionComparer.compare(older.list(), SectionKeys.derive(older.list()), "1.11",
                newer.list(), "1.12");

        // then: only the new entry
        assertThat(comparison.differences()).singleElement()
            .satisfies(change -> assertThat(change.hunks())
                .containsExactly(new Hunk(6, 6, "", "<version> Changed Type of Orderbook Id to Alpha.")));
    }

    @Test
    void aSectionRetitledAndRewrittenWhereItWasIsOneChanged() {
        // given: 2.2's title and most of its text change; its neighbours stay
        List<Section> from = spec(3, 3).list();
        List<Section> to = new ArrayList<>(from);
        Section old = from.get(6);
        to.set(6,
                new Section(6, old.level(), old.parentIndex(), "2.2 Create Complex Instruments",
                        old.body().substring(0, old.body().indexOf('\n'))
                                + "\nComplex instruments are sent again after a "
                                + "restart of the service, for every product."));

        // when
        List<SectionChange> differences = differences(from, to);

        // then
        assertThat(differences).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.CHANGED);
            assertThat(change.fromTitle()).isEqualTo(old.title());
            assertThat(change.toTitle()).isEqualTo("2.2 Create Complex Instruments");
        });
    }

    @Test
    void anUnrelatedSectionInTheSamePlaceIsStillRemovedAndAdded() {
        // given: 2.2 replaced by a section sharing neither title words nor text
        List<Section> from = spec(3, 3).list();
        List<Section> to = new ArrayList<>(from);
        Section old = from.get(6);
        to.set(6, new Section(6, old.level(), old.parentIndex(), "2.2 Settlement Windows",
                "Settlement happens twice a day on business days."));

        // when
        List<SectionChange> differences = differences(from, to);

        // then
        assertThat(differences).extracting(SectionChange::kind)
            .containsExactlyInAnyOrder(ChangeKind.REMOVED, ChangeKind.ADDED);
    }

}
