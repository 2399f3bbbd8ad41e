package org.edm.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetHtmlTest {

    @Test
    void marksAndTheEntitiesSearchApiWritesPassUnchanged() {
        String fromApi = "the <mark>login</mark> request &lt;SoupBinTCP&gt; &amp; &quot;x&quot; &#39;y&#39;";

        assertThat(SnippetHtml.safe(fromApi)).isEqualTo(fromApi);
    }

    @Test
    void anyOtherMarkupIsEscaped() {
        String hostile = "<script>alert(1)</script><mark onclick=\"x\">a</mark><img src=x onerror=y>&copy;";

        assertThat(SnippetHtml.safe(hostile)).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;&lt;mark onclick="
                + "&quot;x&quot;&gt;a</mark>&lt;img src=x onerror=y&gt;&amp;copy;");
    }

}
