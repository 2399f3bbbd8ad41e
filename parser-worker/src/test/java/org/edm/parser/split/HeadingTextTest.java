package org.edm.parser.split;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The heading text rules, alone: each decides from one line (and its neighbours) what a
 * heading looks like.
 */
class HeadingTextTest {

    @Test
    void givenShortTitleLines_whenChecked_thenTheyReadAsUnnumberedHeadings() {
        assertThat(HeadingText.isUnnumberedHeadingText(line("Session Management"))).isTrue();
        assertThat(HeadingText.isUnnumberedHeadingText(line("Order Entry Messages"))).isTrue();
    }

    @Test
    void givenCaptionsDatesSentencesAndTableRows_whenChecked_thenNoneReadsAsAHeading() {
        assertThat(HeadingText.isUnnumberedHeadingText(line("Figure 3: Message flow"))).isFalse();
        assertThat(HeadingText.isUnnumberedHeadingText(line("March 12, 2024"))).isFalse();
        assertThat(HeadingText.isUnnumberedHeadingText(line("The server sends a heartbeat every second."))).isFalse();
        assertThat(HeadingText.isUnnumberedHeadingText(line("Price 8 4 Integer"))).isFalse();
        assertThat(HeadingText.isUnnumberedHeadingText(line("\u2022 First item"))).isFalse();
    }

    @Test
    void givenRunningText_whenChecked_thenItLooksLikeASentence() {
        assertThat(HeadingText.looksLikeSentence("the client must send a login request before any other message"))
            .isTrue();
        assertThat(HeadingText.looksLikeSentence("Add Order Message with Market Participant Attribution")).isFalse();
    }

    @Test
    void givenALineWellBelowItsPredecessor_whenChecked_thenItIsSpacedAbove() {
        BodyStyle body = new BodyStyle(10, false, 2);
        TextLine previous = new TextLine(1, "running text", 72, 300, 100, 110, 10, false, "F", 0, 0, 0);
        TextLine close = new TextLine(1, "next line", 72, 300, 112, 122, 10, false, "F", 0, 0, 0);
        TextLine apart = new TextLine(1, "Heading", 72, 300, 130, 142, 12, true, "F", 0, 0, 0);

        assertThat(HeadingText.isSpacedAbove(close, previous, body)).isFalse();
        assertThat(HeadingText.isSpacedAbove(apart, previous, body)).isTrue();
    }

    private static TextLine line(String text) {
        return new TextLine(1, text, 72, 72 + text.length() * 5, 100, 110, 10, false, "F", 0.3f, 0, 0.3f);
    }

}
