package dev.sd101.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class ClientIndexWriterTest {
    @Test
    void aChunksFileIsNamedByItsKeyInHexAsTheBrowserNamesIt() {
        // The same names as engine.test.mjs expects of search-engine.js's chunkPath.
        assertEquals("search/terms/61.json", ClientIndexWriter.chunkPath("a"));
        assertEquals("search/terms/01ecba90.json", ClientIndexWriter.chunkPath("\u0001캐"));
    }

    @Test
    void aListThatGrowsMovesNoChunkButItsOwnAndChunksStayNearTheirSize() {
        Random random = new Random(25);
        TreeSet<String> sorted = new TreeSet<>();
        while (sorted.size() < 20_000) {
            sorted.add(Integer.toString(random.nextInt(1_000_000), 36));
        }
        String[] terms = sorted.toArray(new String[0]);
        String[] lists = new String[terms.length];
        for (int i = 0; i < lists.length; i++) {
            lists[i] = list(1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 8));
        }
        List<int[]> before = ClientIndexWriter.cut(terms, lists);
        for (int[] c : before.subList(0, before.size() - 1)) {
            long bytes = 0;
            for (int i = c[0]; i < c[1]; i++) {
                bytes += terms[i].length() + lists[i].length() + 6;
            }
            assertTrue(bytes < ClientIndexWriter.CHUNK_BYTES * 6 / 5 + 2_000, "a chunk of " + bytes + " bytes");
        }
        int changes = 0;
        for (int round = 0; round < 50; round++) {
            int at = random.nextInt(terms.length);
            String[] grown = lists.clone();
            grown[at] = lists[at] + "1" + "2".repeat(random.nextInt(3)) + "A"; // one more posting or two
            List<String> a = ends(before);
            List<String> b = ends(ClientIndexWriter.cut(terms, grown));
            List<String> moved = new ArrayList<>(b);
            moved.removeAll(a);
            changes += moved.size();
            assertTrue(moved.size() <= 2, "chunk ends moved: " + moved);
        }
        assertTrue(changes < 25, "most edits move no chunk end at all: " + changes);
    }

    @Test
    void lexiconEntriesEndAChunkOfTheirOwn() {
        String[] keys = {Lexicon.ALIAS + "캐시", Lexicon.ALIAS + "큐", Lexicon.GLOSS + "cdn", "api", "cache", "queue"};
        String[] lists = {"1", "2", "3", "4", "5", "6"};
        assertEquals(List.of("0-3", "3-6"), ends(ClientIndexWriter.cut(keys, lists)));
        assertEquals(List.of("0-3"), ends(ClientIndexWriter.cut(java.util.Arrays.copyOf(keys, 3), lists)));
        assertEquals(List.of("0-3"), ends(ClientIndexWriter.cut(java.util.Arrays.copyOfRange(keys, 3, 6), lists)));
    }

    private static List<String> ends(List<int[]> chunks) {
        return chunks.stream().map(c -> c[0] + "-" + c[1]).toList();
    }
    @Test
    void aChunkKeyIsTheShortestPrefixOfItsFirstTermAfterTheTermBefore() {
        assertEquals("b", ClientIndexWriter.separator("apple", "banana"));
        assertEquals("데이", ClientIndexWriter.separator("데모", "데이터"));
        assertEquals("cache", ClientIndexWriter.separator("cach", "cache"), "a term that extends the one before: all of it");
        assertEquals("\u0002", ClientIndexWriter.separator("\u0001zz", "\u0002bx"), "glossary keys after the aliases");
        // Never half a surrogate pair: the JavaScript side compares code units, but a key must stay a string.
        assertEquals("a\uD83D\uDE00", ClientIndexWriter.separator("a", "a\uD83D\uDE00z"));
    }

    @Test
    void everyTermFindsItsChunkByTheKeysAsTheBrowserSearchesThem() {
        Random random = new Random(7);
        TreeSet<String> sorted = new TreeSet<>();
        String alphabet = "ab데이터\u0001\u0002z";
        while (sorted.size() < 2000) {
            StringBuilder t = new StringBuilder();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                t.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            sorted.add(t.toString());
        }
        List<String> terms = new ArrayList<>(sorted);
        List<String> keys = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < terms.size(); i += 1 + random.nextInt(20)) {
            keys.add(starts.isEmpty() ? terms.get(i) : ClientIndexWriter.separator(terms.get(i - 1), terms.get(i)));
            starts.add(i);
        }
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            int chunk = Math.max(0, upperBound(keys, term) - 1); // search-engine.js _chunkRange
            int end = chunk + 1 < starts.size() ? starts.get(chunk + 1) : terms.size();
            assertTrue(starts.get(chunk) <= i && i < end, term + " looked up in chunk " + chunk);
        }
    }

    @Test
    void stopBigramsAreHangulBigramsInAnEighthOfTheSectionsOnALargeSiteRarestFirst() {
        // 20,000 sections: an eighth is 2,500.
        String[] terms = {"cache", "데이", "마이", "서비", "이크", "캐시", "캐시를"};
        String[] lists = {list(20_000), list(2_500), list(19_000), list(9_000), list(2_499), list(15_000), list(18_000)};
        assertEquals(List.of("데이", "서비", "캐시", "마이"), ClientIndexWriter.stopBigrams(terms, lists, 20_000),
                "fewest sections first; never a Latin term or a longer Hangul one");
        assertEquals(List.of(), ClientIndexWriter.stopBigrams(new String[] {"니다"}, new String[] {list(1_999)}, 2_000),
                "on a small site, none: every list is cheap there");
        assertEquals(2_500, PostingCodec.count(lists[1]));
    }

    /** Postings of {@code n} sections, gaps and impacts of several digits among them. */
    private static String list(int n) {
        int[] packed = new int[n];
        for (int i = 0; i < n; i++) {
            packed[i] = PostingCodec.pack(i * 3, i % 400, i % 2 == 1);
        }
        return PostingCodec.encode(packed);
    }

    private static int upperBound(List<String> sorted, String key) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).compareTo(key) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
