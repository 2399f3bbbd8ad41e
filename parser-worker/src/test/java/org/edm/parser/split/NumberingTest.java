package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Section numbers: how they are read and which may follow which. */
class NumberingTest {

    @Test
    void decimalNumbersOfAnyDepthWithOrWithoutTrailingDot() {
        assertThat(Numbering.parse("4 Messages").parts()).containsExactly(4);
        assertThat(Numbering.parse("4.2.1 Add Order").parts()).containsExactly(4, 2, 1);
        assertThat(Numbering.parse("1. Overview").parts()).containsExactly(1);
        assertThat(Numbering.parse("3.10. Type I \u2013 Cancel Reject").rest())
            .isEqualTo("Type I \u2013 Cancel Reject");
        assertThat(Numbering.parse("Chapter 3 Sessions").parts()).containsExactly(3);
    }

    @Test
    void trailingZeroMeansTheChapterItself() {
        assertThat(Numbering.parse("1.0 Introduction").parts()).containsExactly(1);
    }

    @Test
    void appendicesAreNumberedAfterEveryChapter() {
        Numbering appendix = Numbering.parse("Appendix B \u2013 Optional Fields");
        assertThat(appendix.parts()).containsExactly(Numbering.APPENDIX_BASE + 2);
        assertThat(appendix.rest()).isEqualTo("Optional Fields");
        assertThat(Numbering.parse("A.1 Product Scope").parts()).containsExactly(Numbering.APPENDIX_BASE + 1, 1);
        assertThat(Numbering.comesAfter(List.of(9, 3), appendix.parts())).isTrue();
        assertThat(Numbering.directlyFollows(List.of(9, 3), List.of(Numbering.APPENDIX_BASE + 1))).isTrue();
    }

    @Test
    void wordsDatesAndPricesAreNoNumbering() {
        assertThat(Numbering.parse("Price 4 Integer")).isNull();
        assertThat(Numbering.parse("12/12/23")).isNull();
        assertThat(Numbering.parse("$199,999.99 is the maximum")).isNull();
        assertThat(Numbering.parse("2020 was a year")).isNull();
    }

    @Test
    void directSuccessorsAreChildSiblingOrAncestorsSibling() {
        assertThat(Numbering.directlyFollows(List.of(4, 2), List.of(4, 2, 1))).isTrue();
        assertThat(Numbering.directlyFollows(List.of(4, 2), List.of(4, 3))).isTrue();
        assertThat(Numbering.directlyFollows(List.of(4, 2, 1), List.of(5))).isTrue();
        assertThat(Numbering.directlyFollows(List.of(4, 2), List.of(4, 4))).isFalse();
        assertThat(Numbering.directlyFollows(List.of(4, 2), List.of(1))).isFalse();
        assertThat(Numbering.comesAfter(List.of(4, 2), List.of(4, 4))).isTrue();
        assertThat(Numbering.comesAfter(List.of(4, 2), List.of(3, 9))).isFalse();
    }

    @Test
    void titleKeysIgnoreNumbersPunctuationAndCase() {
        assertThat(TitleKey.of("4.2 Adding an Order")).isEqualTo(TitleKey.of("Adding an order"));
        assertThat(TitleKey.of("2.1.\tType O \u2013 Enter Order")).isEqualTo("typeoenterorder");
    }

}
