package org.edm.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.edm.search.query.TsQueryTree.All;
import org.edm.search.query.TsQueryTree.Any;
import org.edm.search.query.TsQueryTree.Lexeme;
import org.edm.search.query.TsQueryTree.Not;
import org.junit.jupiter.api.Test;

class TsQueryTreeTest {

    @Test
    void parsesWhatToTsqueryPrints() {
        assertThat(TsQueryTree.parse("'stock' <-> 'locat' & ( 'addord' | 'add' <2> 'order':* ) & !'cancel'"))
            .isEqualTo(new All(List.of(new Lexeme("stock", false), new Lexeme("locat", false),
                    new Any(List.of(new Lexeme("addord", false),
                            new All(List.of(new Lexeme("add", false), new Lexeme("order", true))))),
                    new Not(new Lexeme("cancel", false)))));
    }

    @Test
    void readsEscapesAndWeights() {
        assertThat(TsQueryTree.parse("'it''s':A & 'a\\\\b':*AB"))
            .isEqualTo(new All(List.of(new Lexeme("it's", false), new Lexeme("a\\b", true))));
    }

    @Test
    void refusesWhatIsNotTsqueryOutput() {
        assertThatThrownBy(() -> TsQueryTree.parse("order")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TsQueryTree.parse("( 'a'")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TsQueryTree.parse("'a' 'b'")).isInstanceOf(IllegalArgumentException.class);
    }

}
