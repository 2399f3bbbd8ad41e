package org.edm.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhrasePairsTest {

    @Test
    void aRequiredPhraseRequiresItsAdjacentPairs() {
        assertThat(PhrasePairs.required("'field' <-> 'order' <-> 'messag'"))
            .isEqualTo("'field order' & 'order messag'");
        assertThat(PhrasePairs.required("'add' <-> 'order' & 'messag':*")).isEqualTo("'add order'");
        assertThat(PhrasePairs.required("'stock' <-> 'locat' & 'add' <-> 'order'"))
            .isEqualTo("'stock locat' & 'add order'");
    }

    @Test
    void pairsAcrossARemovedStopWordOrWithAPrefixAreNotRequired() {
        assertThat(PhrasePairs.required("'end' <2> 'session'")).isEmpty();
        assertThat(PhrasePairs.required("'end' <2> 'session' <-> 'messag'")).isEqualTo("'session messag'");
        assertThat(PhrasePairs.required("'order' <-> 'ent':*")).isEmpty();
        assertThat(PhrasePairs.required("'order':A <-> 'book':A")).isEmpty();
    }

    @Test
    void phrasesThatAreOnlyAlternativesOrNegatedRequireNothing() {
        assertThat(PhrasePairs.required("'addord' | 'add' <-> 'order'")).isEmpty();
        assertThat(PhrasePairs.required("( 'addord' | 'add' <-> 'order' ) & 'book' <-> 'entri'"))
            .isEqualTo("'book entri'");
        assertThat(PhrasePairs.required("'order' & !( 'mass' <-> 'quot' )")).isEmpty();
        assertThat(PhrasePairs.required("'order' & 'book'")).isEmpty();
    }

    @Test
    void pairsTooLongForTheIndexAreNotRequired() {
        String longWord = "x".repeat(60);
        assertThat(PhrasePairs.required("'" + longWord + "' <-> 'order' <-> 'book'")).isEqualTo("'order book'");
        assertThat(PhrasePairs.required("'" + "y".repeat(31) + "' <-> '" + "z".repeat(32) + "'")).hasSize(2 + 64);
    }

    @Test
    void quotesInLexemesStayEscaped() {
        assertThat(PhrasePairs.required("'o''neil' <-> 'rule'")).isEqualTo("'o''neil rule'");
        assertThat(PhrasePairs.required("'a\\\\b' <-> 'c'")).isEqualTo("'a\\\\b c'");
    }

}
