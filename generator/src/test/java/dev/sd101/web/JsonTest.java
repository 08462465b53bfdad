package dev.sd101.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JSON string literals that stay inert inside {@code <script>} and HTML: what must be escaped, and how. */
class JsonTest {
    @Test
    void escapesQuotesControlsMarkupAndLineSeparators() {
        assertEquals("\"a\\\"b\\\\c\\n\\r\\t\"", Json.string("a\"b\\c\n\r\t"));
        assertEquals("\"\\u003c/script\\u003e \\u0026amp; \\u0001\\u001f \\u2028\\u2029\"",
                Json.string("</script> &amp; \u0001\u001f \u2028\u2029"));
        assertEquals("\"캐시 Redis는 ü é\"", Json.string("캐시 Redis는 ü é"), "other characters as they are");
    }
}
