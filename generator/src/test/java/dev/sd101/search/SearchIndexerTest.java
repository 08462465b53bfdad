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
        assertTrue(index.files().containsKey("search/terms/0.json"));
        assertTrue(index.files().containsKey("search/f/1.json"));
        assertEquals(2, index.sections());
        assertTrue(index.terms() > 10);
        String meta = new String(index.files().get("search/meta.json"), StandardCharsets.UTF_8);
        assertTrue(meta.startsWith("{\"v\":1,\"n\":2,\"chunks\":[\""), meta);
    }

    @Test
    void markupInContentIsEscapedInTheJson() {
        String fragment = new String(new SearchIndexer().build(PAGES).files().get("search/f/1.json"), StandardCharsets.UTF_8);
        assertFalse(fragment.contains("<"), fragment);
        assertTrue(fragment.contains("\\u003cscript\\u003e"), fragment);
    }

    @Test
    void noPagesGiveAnEmptyButValidIndex() {
        SearchIndex index = new SearchIndexer().build(List.of());
        assertEquals("{\"v\":1,\"n\":0,\"chunks\":[]}\n", new String(index.files().get("search/meta.json"), StandardCharsets.UTF_8));
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
