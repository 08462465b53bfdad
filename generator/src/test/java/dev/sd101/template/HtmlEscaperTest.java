package dev.sd101.template;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Our escaper must write exactly what Pebble's default {@code html} strategy (unbescape) writes. */
class HtmlEscaperTest {
    private final HtmlEscaper escaper = new HtmlEscaper();

    @Test
    void everyCharacterAsPebblesStrategy() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            assertEquals(HtmlEscape.escapeHtml4Xml(one), escaper.escape(one), "U+" + Integer.toHexString(c));
            all.append((char) c);
        }
        assertEquals(HtmlEscape.escapeHtml4Xml(all.toString()), escaper.escape(all.toString()));
    }

    @Test
    void supplementaryCharactersAndMarkup() {
        String s = "<a href=\"x?a=1&b='2'\">한국어 😀 \uD83D\uDE00 lone \uD800 end</a> >";
        assertEquals(HtmlEscape.escapeHtml4Xml(s), escaper.escape(s));
        assertEquals("&lt;b&gt; &amp; &quot;q&quot; &#39;s&#39;", escaper.escape("<b> & \"q\" 's'"));
    }

    @Test
    void nothingToEscapeReturnsTheSameString() {
        String s = "plain 텍스트";
        assertSame(s, escaper.escape(s));
        assertNull(escaper.escape(null));
    }

    @Property
    void anyStringAsPebblesStrategy(@ForAll String s) {
        assertEquals(HtmlEscape.escapeHtml4Xml(s), escaper.escape(s));
    }
}
