package org.edm.search.query.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.edm.search.query.syntax.UserQuery.Item;
import org.junit.jupiter.api.Test;

class UserQueryParserTest {

    final UserQueryParser parser = new UserQueryParser(500, 32, 3);

    @Test
    void wordsAreRequiredAndTheLastIsAPrefixWhileTyping() {
        UserQuery query = parser.parse("add order mess");

        assertThat(query.required()).containsExactly(List.of(word("add")), List.of(word("order")),
                List.of(new Item("mess", false, true)));
        assertThat(query.excluded()).isEmpty();
    }

    @Test
    void trailingSpaceEndsTheLastWord() {
        assertThat(parser.parse("add order ").hasPrefix()).isFalse();
    }

    @Test
    void shortOrPunctuatedLastWordIsNotAPrefix() {
        assertThat(parser.parse("or").hasPrefix()).isFalse();
        assertThat(parser.parse("35=D").hasPrefix()).isFalse();
        assertThat(parser.parse("Stock_Locate").hasPrefix()).isFalse();
        assertThat(parser.parse("ITCH 5.0").hasPrefix()).isFalse();
        assertThat(parser.parse("123").hasPrefix()).isFalse();
        assertThat(parser.parse("SoupBinTCP").hasPrefix()).isTrue();
        assertThat(parser.parse("MoldUDP64").hasPrefix()).isTrue();
    }

    @Test
    void quotesMakeAPhraseAndAnUnclosedQuoteRunsToTheEnd() {
        assertThat(parser.parse("\"add order\" message").required())
            .containsExactly(List.of(new Item("add order", true, false)), List.of(new Item("message", false, true)));
        assertThat(parser.parse("ticker \"stock loc").required().get(1))
            .containsExactly(new Item("stock loc", true, false));
    }

    @Test
    void orJoinsNeighboursAndBindsTighterThanAnd() {
        UserQuery query = parser.parse("order add OR delete OR replace message ");

        assertThat(query.required()).containsExactly(List.of(word("order")),
                List.of(word("add"), word("delete"), word("replace")), List.of(word("message")));
    }

    @Test
    void danglingOrAndLowerCaseOrAreNotOperators() {
        assertThat(parser.parse("OR order OR ").required()).containsExactly(List.of(word("order")));
        assertThat(parser.parse("buy or sell ").required()).hasSize(3);
    }

    @Test
    void minusExcludesWordsAndPhrases() {
        UserQuery query = parser.parse("order -cancel -\"mass quote\" a-b");

        assertThat(query.required()).containsExactly(List.of(word("order")), List.of(new Item("a-b", false, false)));
        assertThat(query.excluded()).containsExactly(word("cancel"), new Item("mass quote", true, false));
    }

    @Test
    void excludedItemIsNeverAnAlternative() {
        UserQuery query = parser.parse("order OR -cancel ");

        assertThat(query.required()).containsExactly(List.of(word("order")));
        assertThat(query.excluded()).containsExactly(word("cancel"));
    }

    @Test
    void camelCaseIdentifierAlsoMatchesItsWordsWrittenApartInTitles() {
        assertThat(parser.parse("AddOrder message ").required()).containsExactly(
                List.of(word("AddOrder"), new Item("Add Order", true, false, true)), List.of(word("message")));
        assertThat(parser.parse("order -MsgType").excluded()).containsExactly(word("MsgType"),
                new Item("Msg Type", true, false));
        assertThat(parser.parse("ClOrd").required().get(0)).as("while typing, only the word as typed is a prefix")
            .containsExactly(new Item("ClOrd", false, true), new Item("Cl Ord", true, false, true));
        assertThat(QueryClass.of(parser.parse("AddOrder "))).isEqualTo(QueryClass.IDENTIFIER);
        assertThat(parser.parse("AddOrder ").hasAlternatives()).as("not an OR the user typed").isFalse();
        assertThat(parser.parse("AddOrder ").canonical())
            .isNotEqualTo(parser.parse("AddOrder OR \"Add Order\" ").canonical());
    }

    @Test
    void spellsOutCamelCaseAndAcronymsButNothingElse() {
        assertThat(UserQueryParser.spelledOut("SoupBinTCP")).isEqualTo("Soup Bin TCP");
        assertThat(UserQueryParser.spelledOut("ClOrdID")).isEqualTo("Cl Ord ID");
        assertThat(UserQueryParser.spelledOut("MoldUDP64")).isEqualTo("Mold UDP64");
        assertThat(UserQueryParser.spelledOut("TCPHeader")).isEqualTo("TCP Header");
        assertThat(UserQueryParser.spelledOut("ITCH")).isNull();
        assertThat(UserQueryParser.spelledOut("Order")).isNull();
        assertThat(UserQueryParser.spelledOut("order")).isNull();
        assertThat(UserQueryParser.spelledOut("Stock_Locate")).as("PostgreSQL splits it already").isNull();
        assertThat(UserQueryParser.spelledOut("35=D")).isNull();
        assertThat(UserQueryParser.spelledOut("aB")).as("too short to be an identifier").isNull();
    }

    @Test
    void tsqueryOperatorsAreJustCharacters() {
        UserQuery query = parser.parse("a&b !c (d) e:* 'f' \\g <-> ");

        assertThat(query.required()).extracting(group -> group.get(0).text())
            .containsExactly("a&b", "!c", "(d)", "e:*", "'f'", "\\g", "<->");
    }

    @Test
    void controlCharactersSeparateWords() {
        assertThat(parser.parse("order\u0000cancel\tnew ").required()).hasSize(3);
    }

    @Test
    void rejectsEmptyTooLongTooComplexAndExclusionOnlyQueries() {
        assertThatThrownBy(() -> parser.parse("")).isInstanceOf(EmptyQuery.class);
        assertThatThrownBy(() -> parser.parse(" \t\u0000 ")).isInstanceOf(EmptyQuery.class);
        assertThatThrownBy(() -> parser.parse("x".repeat(501))).isInstanceOf(QueryTooLong.class);
        assertThat(parser.parse("😀".repeat(500)).required()).hasSize(1);
        assertThatThrownBy(() -> parser.parse("w ".repeat(33))).isInstanceOf(QueryTooComplex.class);
        assertThatThrownBy(() -> parser.parse("-order -\"cancel\"")).isInstanceOf(NothingToSearchFor.class);
        assertThatThrownBy(() -> parser.parse("\"\" \" \"")).isInstanceOf(NothingToSearchFor.class);
    }

    @Test
    void canonicalFormIgnoresSpacing() {
        assertThat(parser.parse("  add   OR  delete order ").canonical())
            .isEqualTo(parser.parse("add OR delete order ").canonical());
        assertThat(parser.parse("order").canonical()).isNotEqualTo(parser.parse("order ").canonical());
    }

    private static Item word(String text) {
        return new Item(text, false, false);
    }

}
