package dev.sd101.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each edition language's own morphemes, beside the surface terms every site has. */
class EditionAnalysisTest {
    @Test
    void languagesAreChosenByPrimaryTag() {
        assertEquals(TermAnalysis.Language.ENGLISH, TermAnalysis.Language.of("en-US"));
        assertEquals(TermAnalysis.Language.JAPANESE, TermAnalysis.Language.of("ja"));
        assertEquals(TermAnalysis.Language.CHINESE, TermAnalysis.Language.of("zh-Hans"));
        assertEquals(TermAnalysis.Language.DEFAULT, TermAnalysis.Language.of("ko"));
        assertEquals(TermAnalysis.Language.DEFAULT, TermAnalysis.Language.of("de"));
    }

    @Test
    void chineseWordsBySmartcn() {
        try (TermAnalysis a = new TermAnalysis(TermAnalysis.Language.CHINESE)) {
            List<String> m = a.morphemes("分布式系统的设计");
            assertTrue(m.containsAll(List.of("分布式", "系统", "设计")), m.toString());
            // The surface chain keeps the run whole: the word alone is found only through smartcn's terms.
            assertEquals(List.of("分布式系统的设计"), a.surface("分布式系统的设计"));
        }
    }

    @Test
    void japaneseWordsByKuromoji() {
        try (TermAnalysis a = new TermAnalysis(TermAnalysis.Language.JAPANESE)) {
            List<String> m = a.morphemes("システム設計の基本を学びました");
            assertTrue(m.containsAll(List.of("システム", "設計", "基本", "学ぶ")), m.toString());
            assertFalse(m.contains("の"), "a particle: " + m);
        }
    }

    @Test
    void japaneseAndChineseAlsoHoldTheBigramsTheBrowserLooksUp() {
        // A compound typed without spaces is looked up by its bigrams (search-engine.js cjkBigrams): the index holds
        // them beside the segmenter's words, each run of Han and kana on its own, a lone character as itself.
        try (TermAnalysis a = new TermAnalysis(TermAnalysis.Language.JAPANESE)) {
            List<String> m = a.morphemes("サーバー設計、図");
            assertTrue(m.containsAll(List.of("サー", "ーバ", "バー", "ー設", "設計", "図")), m.toString());
            assertTrue(m.contains("サーバー"), "Kuromoji's word is still there: " + m);
        }
        try (TermAnalysis a = new TermAnalysis(TermAnalysis.Language.CHINESE)) {
            List<String> m = a.morphemes("分布式系统设计");
            assertTrue(m.containsAll(List.of("分布", "布式", "式系", "系统", "统设", "设计")), m.toString());
        }
    }

    @Test
    void englishBaseFormsByKStemWithoutStopWords() {
        try (TermAnalysis a = new TermAnalysis(TermAnalysis.Language.ENGLISH)) {
            assertEquals(List.of("share"), a.morphemes("sharing"));
            assertEquals(List.of(), a.morphemes("the cache"), "no base form differs, and 'the' is a stop word");
            assertEquals(List.of(), a.morphemes("databases"), "the light stem (surface) already gives database");
        }
    }

    @Test
    void theDefaultAnalysisAddsNothingButNori() {
        try (TermAnalysis a = new TermAnalysis()) {
            assertEquals(List.of(), a.morphemes("sharing システム設計 分布式系统"));
        }
    }
}
