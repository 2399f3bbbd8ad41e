package org.edm.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.edm.search.query.syntax.UserQuery;
import org.edm.search.query.syntax.UserQueryParser;
import org.junit.jupiter.api.Test;

class TsQueryTextTest {

    final UserQueryParser parser = new UserQueryParser(500, 32, 3);

    @Test
    void everyItemIsOneQuotedOperand() {
        UserQuery query = parser.parse("Stock_Locate OR \"add order\" 35=D mess");

        assertThat(TsQueryText.required(query))
            .isEqualTo("( 'Stock_Locate' | 'add order' ) & ( '35=D' ) & ( 'mess':* )");
        assertThat(TsQueryText.requiredInTitle(query))
            .isEqualTo("( 'Stock_Locate':A | 'add order':A ) & ( '35=D':A ) & ( 'mess':*A )");
    }

    @Test
    void alternativesForTitlesOnlyAreLeftOutOfTheTextQuery() {
        UserQuery query = parser.parse("AddOrder mess");

        assertThat(TsQueryText.required(query)).isEqualTo("( 'AddOrder' ) & ( 'mess':* )");
        assertThat(TsQueryText.requiredWithTitleAlternatives(query))
            .isEqualTo("( 'AddOrder' | 'Add Order' ) & ( 'mess':* )");
        assertThat(TsQueryText.requiredInTitle(query)).isEqualTo("( 'AddOrder':A | 'Add Order':A ) & ( 'mess':*A )");
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        UserQuery query = parser.parse("it's a\\b '' \\' ");

        assertThat(TsQueryText.required(query)).isEqualTo("( 'it''s' ) & ( 'a\\\\b' ) & ( '''''' ) & ( '\\\\''' )");
    }

    @Test
    void excludedItemsAreAlternatives() {
        assertThat(TsQueryText.excluded(parser.parse("order -cancel -\"mass quote\"")))
            .isEqualTo("'cancel' | 'mass quote'");
        assertThat(TsQueryText.excluded(parser.parse("order"))).isEmpty();
    }

    @Test
    void withoutPositionsTurnsPhraseOperatorsIntoAnd() {
        assertThat(TsQueryText.withoutPositions("'stock' <-> 'locat' & ( 'addord' | 'add' <2> 'order' )"))
            .isEqualTo("'stock' & 'locat' & ( 'addord' | 'add' & 'order' )");
        assertThat(TsQueryText.withoutPositions("'order':*")).isEqualTo("'order':*");
    }

    @Test
    void withoutPositionsLeavesQuotedLexemesAlone() {
        assertThat(TsQueryText.withoutPositions("'a<->b' <-> 'it''s' <-> 'c\\'<1>'"))
            .isEqualTo("'a<->b' & 'it''s' & 'c\\'<1>'");
    }

}
