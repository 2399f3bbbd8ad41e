package org.edm.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void escapesTextAndKeepsOnlyTheHeadlineMarks() {
        assertThat(Snippets.toHtml("a <b> & \"c\" 'd' \uE000order\uE001 <mark>x</mark>"))
            .isEqualTo("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; <mark>order</mark> &lt;mark&gt;x&lt;/mark&gt;");
        assertThat(Snippets.toHtml(null)).isEmpty();
    }

}
