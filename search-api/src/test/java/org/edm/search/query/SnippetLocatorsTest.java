package org.edm.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link SearchRepository#snippetLocators}: what the snippet window of a long section
 * looks for.
 */
class SnippetLocatorsTest {

    @Test
    void everyLexemeNotExcludedOnceAndAStemEndingInIAlsoWithoutIt() {
        assertThat(SearchRepository.snippetLocators("'stock' <-> 'locat' & ( 'happi' | 'order':* ) & !'cancel'"))
            .containsExactly("stock", "locat", "happi", "happ", "order");
        assertThat(SearchRepository.snippetLocators("'order' & 'order':*")).containsExactly("order");
        assertThat(SearchRepository.snippetLocators("'fii'")).containsExactly("fii");
    }

}
