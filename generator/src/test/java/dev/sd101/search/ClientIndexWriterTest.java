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
