package dev.sd101.anchor;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fuzzing the slugger: properties that hold for GitHub's rule whatever the heading text. */
class GitHubSluggerProperties {

    /** Any UTF-16 string, lone surrogates included, and text mixing the scripts headings use. */
    @Provide
    Arbitrary<String> headings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withChars("aZ _-.:!?()[]<>&'\"`*#/%é İıßΣς가힣ㄱ1٣Ⅻ²🎉\u200d\ufe0f\u0301\t\n").ofMaxLength(40));
    }

    @Property(tries = 2000)
    void neverThrowsAndIsIdempotent(@ForAll("headings") String text) {
        String id = GitHubSlugger.slug(text);
        assertEquals(id, GitHubSlugger.slug(id), "slug(slug(x)) == slug(x) for " + escape(text));
    }

    @Property(tries = 2000)
    void keepsOnlyWhatGitHubKeeps(@ForAll("headings") String text) {
        String id = GitHubSlugger.slug(text);
        assertFalse(id.contains(" "), "a space survived");
        assertEquals(id.toLowerCase(Locale.ROOT), id, "not lower case");
        id.codePoints().forEach(cp -> assertTrue(cp == '-' || GitHubSlugger.keeps(cp),
                "U+" + Integer.toHexString(cp) + " is a character GitHub removes, in " + escape(text)));
        long spaces = text.toLowerCase(Locale.ROOT).chars().filter(c -> c == ' ').count();
        assertTrue(id.chars().filter(c -> c == '-').count() >= spaces, "every space becomes a dash");
    }

    @Property(tries = 500)
    void uniqueIdsAreUnique(@ForAll("headingLists") List<String> texts) {
        UniqueIds ids = new UniqueIds();
        Set<String> seen = new HashSet<>();
        for (String t : texts) {
            String id = ids.next(t);
            assertTrue(seen.add(id), "duplicate id " + id);
            assertTrue(ids.taken(id));
        }
    }

    @Provide
    Arbitrary<List<String>> headingLists() {
        return Arbitraries.strings().withChars("a -1").ofMaxLength(4).list().ofMaxSize(40);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }
}
