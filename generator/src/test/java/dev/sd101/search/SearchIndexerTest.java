package dev.sd101.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SearchIndexerTest {
    static final List<SearchPage> PAGES = List.of(
            new SearchPage("redis는-왜-빠른가요/", "Redis는 왜 빠른가요?", List.of("캐시"),
                    "<h3 id=\"redis는-왜-빠른가요\">Redis는 왜 빠른가요?</h3><p>Redis는 RAM 기반 데이터 스토리지입니다. "
                            + "IO 멀티플렉싱과 싱글 스레드 익스큐션 루프를 활용합니다.</p>"),
            new SearchPage("xss/", "<script>alert(1)</script>", List.of(),
                    "<h3 id=\"xss\">&lt;script&gt;alert(1)&lt;/script&gt;</h3><p>&lt;img src=x onerror=alert(2)&gt;</p>"));

    @Test
    void sameInputGivesByteIdenticalFiles() {
        SearchIndex a = new SearchIndexer().build(PAGES);
        SearchIndex b = new SearchIndexer().build(PAGES);
        assertEquals(a.files().keySet(), b.files().keySet());
        a.files().forEach((path, bytes) -> assertArrayEquals(bytes, b.files().get(path), path));
    }

    @Test
    void filesLiveUnderSearchAndHaveMetaChunksAndFragments() {
        SearchIndex index = new SearchIndexer().build(PAGES);
        assertTrue(index.files().keySet().stream().allMatch(p -> p.startsWith("search/")), index.files().keySet()::toString);
        assertTrue(index.files().containsKey("search/meta.json"));
        String meta = new String(index.files().get("search/meta.json"), StandardCharsets.UTF_8);
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("\"chunks\":\\[\"([^\"]+)\"").matcher(meta);
        assertTrue(first.find(), meta);
        String key = java.util.regex.Pattern.compile("\\\\u([0-9a-f]{4})").matcher(first.group(1))
                .replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)));
        assertTrue(index.files().containsKey(ClientIndexWriter.chunkPath(key)), "the first chunk's file, by its key " + key);
        assertTrue(index.files().containsKey("search/f/0.json")); // both sections share the first bundle
        assertFalse(index.files().containsKey("search/f/1.json"));
        assertEquals(2, index.sections());
        assertTrue(index.terms() > 10);
        assertTrue(meta.matches("(?s)\\{\"v\":3,\"n\":2,\"l\":\\d+,\"g\":" + ClientIndexWriter.SECTIONS_PER_FILE + ",\"chunks\":\\[\".*"), meta);
    }

    @Test
    void markupInContentIsEscapedInTheJson() {
        String fragment = new String(new SearchIndexer().build(PAGES).files().get(ClientIndexWriter.fileOf(1)), StandardCharsets.UTF_8);
        assertFalse(fragment.contains("<"), fragment);
        assertTrue(fragment.contains("\\u003cscript\\u003e"), fragment);
    }

    @Test
    void noPagesGiveAnEmptyButValidIndex() {
        SearchIndex index = new SearchIndexer().build(List.of());
        assertEquals("{\"v\":3,\"n\":0,\"l\":0,\"g\":" + ClientIndexWriter.SECTIONS_PER_FILE + ",\"chunks\":[]}\n",
                new String(index.files().get("search/meta.json"), StandardCharsets.UTF_8));
        assertTrue(index.files().keySet().stream().noneMatch(p -> p.startsWith("search/f/")), index.files().keySet()::toString);
    }

    @Test
    void aBundleHoldsExactlyTheSectionsItsNumberSays() {
        int g = ClientIndexWriter.SECTIONS_PER_FILE;
        // 2G+1 sections over pages of G-1, G and 2 sections: the first bundle ends inside the second page, the
        // last holds one section.
        List<SearchPage> pages = List.of(page("a", g - 1), page("b", g), page("c", 2));
        List<String> expected = new java.util.ArrayList<>();
        for (SearchPage p : pages) {
            new Sectioner().split(p).forEach(s -> expected.add(s.url()));
        }
        assertEquals(2 * g + 1, expected.size(), expected::toString);
        SearchIndex index = new SearchIndexer().build(pages);
        assertEquals(2 * g + 1, index.sections());
        assertEquals(List.of("search/f/0.json", "search/f/1.json", "search/f/2.json"),
                index.files().keySet().stream().filter(p -> p.startsWith("search/f/")).toList());
        for (int k = 0; k < 3; k++) {
            assertEquals(expected.subList(k * g, Math.min(expected.size(), (k + 1) * g)), urls(index, "search/f/" + k + ".json"), "bundle " + k);
        }
        assertEquals(List.of(expected.get(2 * g)), urls(index, ClientIndexWriter.fileOf(2 * g)));
        assertEquals(expected.get(g - 1), urls(index, ClientIndexWriter.fileOf(g - 1)).get(g - 1)); // last of a full bundle
        assertEquals(expected.get(g), urls(index, ClientIndexWriter.fileOf(g)).get(0)); // first of the next
        // The streamed collector lays out the same files.
        SearchIndexer.Collector c = new SearchIndexer().collector(pages.size());
        for (int i = pages.size() - 1; i >= 0; i--) {
            c.add(i, pages.get(i));
        }
        SearchIndex streamed = c.build();
        assertEquals(index.files().keySet(), streamed.files().keySet());
        index.files().forEach((path, bytes) -> assertArrayEquals(bytes, streamed.files().get(path), path));
    }

    private static SearchPage page(String name, int sections) {
        StringBuilder html = new StringBuilder("<h2 id=\"" + name + "\">Page " + name + "</h2><p>intro of " + name + "</p>");
        for (int j = 1; j < sections; j++) {
            html.append("<h3 id=\"").append(name).append('-').append(j).append("\">Part ").append(j)
                    .append("</h3><p>text ").append(name).append(' ').append(j).append("</p>");
        }
        return new SearchPage(name + "/", "Page " + name, List.of(), html.toString());
    }

    /** The result URLs of a bundle's fragments, in order. */
    private static List<String> urls(SearchIndex index, String file) {
        String json = new String(index.files().get(file), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("[{") && json.endsWith("}]\n"), json);
        List<String> out = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile("\\{\"u\":\"([^\"]*)\"").matcher(json);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void absoluteUrlsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SearchPage("/abs/", "t", List.of(), ""));
    }

    @Test
    void postingsAreDeltaEncodedInBase32() {
        assertEquals("1A" + "2B", PostingCodec.encode(List.of(new Postings.Posting(0, 5, false), new Postings.Posting(2, 5, true))));
        StringBuilder big = new StringBuilder();
        PostingCodec.number(big, 32 * 3 + 7);
        assertEquals("Z7", big.toString());
    }
}
