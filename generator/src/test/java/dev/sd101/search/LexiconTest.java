package dev.sd101.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Aliases, glossary entries and mined pairs as the index ships them, on real pairs. */
class LexiconTest {
    private final TermAnalysis analysis = new TermAnalysis();

    @Test
    void minesThePairsTheTextWrites() {
        assertEquals(List.of(List.of("캐시", "cache")), Lexicon.mine("데이터는 캐시(cache)에 둡니다"));
        assertEquals(List.of(List.of("로드 밸런서", "load balancer")), Lexicon.mine("앞단의 로드 밸런서(load balancer)가"));
        assertEquals(List.of(List.of("circuit break", "서킷 브레이커")), Lexicon.mine("장애를 처리합니다 circuit break(서킷 브레이커)"));
        assertEquals(List.of(List.of("샤딩", "sharding")), Lexicon.mine("샤딩을(sharding) 합니다"));
    }

    @Test
    void keysMatchTheEnginesKeys() {
        assertEquals("로드밸런서", Lexicon.key("로드 밸런서"));
        assertEquals("load balancer", Lexicon.key("Load Balancers"));
        assertEquals("api 게이트웨이", Lexicon.key("API 게이트웨이"));
    }

    @Test
    void shipsSpellingsAndOnlyGlossaryWordsTheTextHolds() {
        // A site whose text has "Redis", "샤딩" and "로드 밸런서" (as bigrams), but not "부하 분산기".
        List<String> terms = new java.util.ArrayList<>(List.of("redis", "샤딩", "로드", "밸런", "런서"));
        java.util.Collections.sort(terms);
        Postings.Encoded base = new Postings.Encoded(terms.toArray(new String[0]), terms.stream().map(t -> "11").toArray(String[]::new));
        Lexicon lexicon = new Lexicon(new HangulSpelling(), List.of(
                List.of("sharding", "샤딩"), List.of("load balancer", "로드 밸런서", "부하 분산기"), List.of("consensus", "합의")));
        Postings.Encoded out = lexicon.extend(base, List.of(), analysis::surface);
        Map<String, String> entries = new java.util.TreeMap<>();
        for (int i = 0; i < out.terms().length; i++) {
            entries.put(out.terms()[i], out.lists()[i]);
        }
        assertEquals("=redis", entries.get(Lexicon.ALIAS + "레디스"));
        assertEquals("=샤딩", entries.get(Lexicon.GLOSS + "sharding"));
        assertEquals("=로드 밸런서", entries.get(Lexicon.GLOSS + "부하분산기"));
        assertEquals("=로드 밸런서", entries.get(Lexicon.GLOSS + "load balancer"));
        assertTrue(!entries.containsKey(Lexicon.GLOSS + "consensus"), "no member of the group is in the text");
        assertTrue(!entries.containsKey(Lexicon.GLOSS + "로드밸런서"), "a word is not its own expansion");
        // The lexicon sorts before every index term, and the terms keep their lists.
        assertEquals("11", entries.get("redis"));
        assertTrue(out.terms()[out.terms().length - 1].equals(terms.get(terms.size() - 1)));
    }
}
