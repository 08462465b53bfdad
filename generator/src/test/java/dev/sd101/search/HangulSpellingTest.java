package dev.sd101.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Hangul spellings of English words, checked against real pairs ({@code hangul-spelling-pairs.tsv}). */
class HangulSpellingTest {
    private final HangulSpelling spelling = new HangulSpelling();
    /** The rules alone, without the exceptions file: a "rules" pair must not depend on it. */
    private final HangulSpelling rulesOnly = new HangulSpelling(HangulSpelling.read("hangul-rules.tsv"), List.of());

    @Test
    void realPairsAreAmongTheSpellings() throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/search/hangul-spelling-pairs.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            HangulSpelling by = f[2].equals("exception") ? spelling : rulesOnly;
            List<String> got = by.spellings(f[0]);
            checked++;
            if (!got.contains(f[1])) {
                failures.add(f[0] + " → " + f[1] + " (" + f[2] + "), got " + got);
            }
        }
        assertTrue(checked >= 45, "pairs read: " + checked);
        assertEquals(List.of(), failures);
    }

    @Test
    void acronymsAreReadAsLetters() {
        assertEquals("에스큐엘", HangulSpelling.letters("sql"));
        assertTrue(spelling.spellings("cdn").contains("씨디엔"));
    }

    @Test
    void nonLatinWordsHaveNoSpelling() {
        assertEquals(List.of(), spelling.spellings("캐시"));
        assertEquals(List.of(), spelling.spellings("v1"));
        assertTrue(spelling.spellings("k8s").contains("쿠버네티스"), "an exception names a word with a digit");
    }
}
