package dev.faultline.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTextAndAttributeValuesAlike() {
        Html html = new Html(64);

        html.element("td", "<b>\"x\" & 'y'</b>", "title", "\"><script>");

        assertThat(html.toString()).isEqualTo("<td title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;&quot;x&quot; &amp; "
                + "&#39;y&#39;&lt;/b&gt;</td>");
    }

    @Test
    void dropsControlCharactersButKeepsLineBreaksAndUnicode() {
        assertThat(Html.escape("a\u0000b\u0007c\nd\te\u007f – ü")).isEqualTo("abc\nd\te – ü");
    }

    @Test
    void leavesOutAttributesWithoutAValue() {
        assertThat(new Html(16).open("tr", "class", null).toString()).isEqualTo("<tr>");
        assertThatThrownBy(() -> new Html(16).open("tr", "class")).isInstanceOf(IllegalArgumentException.class);
    }
}
