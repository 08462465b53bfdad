package dev.sd101.anchor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * De-duplication exactly as github-slugger's {@code BananaSlug.prototype.slug} (index.js, Flet/github-slugger):
 *
 * <pre>
 *   let result = slug(value)                 // the per-heading id
 *   const originalSlug = result
 *   while (own.call(self.occurrences, result)) {
 *     self.occurrences[originalSlug]++
 *     result = originalSlug + '-' + self.occurrences[originalSlug]
 *   }
 *   self.occurrences[result] = 0
 *   return result
 * </pre>
 *
 * (occurrences starts as {@code Object.create(null)}, so {@code __proto__} etc. are ordinary keys.) Every
 * expectation below is that loop traced by hand; the traces are in the comments.
 */
class UniqueIdsTest {
    private static List<String> run(String... headings) {
        UniqueIds ids = new UniqueIds();
        List<String> out = new ArrayList<>();
        for (String h : headings) {
            out.add(ids.next(h));
        }
        return out;
    }

    @Test
    void secondOccurrenceGetsMinusOne() {
        // foo: free -> occ{foo:0}. foo: taken -> occ[foo]=1 -> "foo-1" free -> occ{foo:1, foo-1:0}.
        assertEquals(List.of("foo", "foo-1"), run("foo", "foo"));
    }

    @Test
    void literalFooMinusOneIsSkipped() {
        // foo -> foo {foo:0}; "foo-1" (literal heading) free -> foo-1 {foo-1:0};
        // foo: taken -> occ[foo]=1 -> "foo-1" taken -> occ[foo]=2 -> "foo-2" free.
        assertEquals(List.of("foo", "foo-1", "foo-2"), run("foo", "foo-1", "foo"));
    }

    @Test
    void literalAfterGeneratedGetsItsOwnSuffix() {
        // foo, foo -> foo, foo-1 {foo:1, foo-1:0}; "foo-1": taken -> occ[foo-1]=1 -> "foo-1-1" free.
        assertEquals(List.of("foo", "foo-1", "foo-1-1"), run("foo", "foo", "foo-1"));
    }

    @Test
    void githubFixtureEchoSequence() {
        // The "Repetition" fixtures: echo, echo, "echo 1", "echo-1", echo.
        // 3rd: slug "echo-1" taken -> occ[echo-1]=1 -> echo-1-1. 4th: "echo-1" taken -> occ[echo-1]=2 ->
        // echo-1-2. 5th: echo taken -> occ[echo]=2 -> echo-2.
        assertEquals(List.of("echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2"),
                run("echo", "echo", "echo 1", "echo-1", "echo"));
    }

    @Test
    void githubFixtureFoxtrotSequence() {
        // foxtrot-1, foxtrot, foxtrot: the 3rd tries foxtrot-1 (taken, occ[foxtrot]=1) then foxtrot-2.
        assertEquals(List.of("foxtrot-1", "foxtrot", "foxtrot-2"), run("foxtrot-1", "foxtrot", "foxtrot"));
    }

    @Test
    void counterIsPerOriginalSlug() {
        // a, a, a-1, a: a; a-1 (occ[a]=1); "a-1" taken -> occ[a-1]=1 -> a-1-1; a: occ[a]=2 -> a-2.
        assertEquals(List.of("a", "a-1", "a-1-1", "a-2"), run("a", "a", "a-1", "a"));
    }

    @Test
    void emptyIdsAreDeduplicatedToo() {
        // "?" and "" both slug to "": first "" {"":0}; second: occ[""]=1 -> "-1"; third: occ[""]=2 -> "-2".
        assertEquals(List.of("", "-1", "-2"), run("?", "", "!!"));
    }

    @Test
    void objectPrototypeNamesAreOrdinary() {
        assertEquals(List.of("__proto__", "__proto__-1", "hasownproperty", "constructor"),
                run("__proto__", "__proto__", "hasOwnProperty", "constructor"));
    }

    @Test
    void uniqueOfPreSluggedIdAndTaken() {
        UniqueIds ids = new UniqueIds();
        assertFalse(ids.taken("x"));
        assertEquals("x", ids.unique("x"));
        assertEquals("x-1", ids.unique("x"));
        assertTrue(ids.taken("x"));
        assertTrue(ids.taken("x-1"));
        assertFalse(ids.taken("x-2"));
    }

    @Test
    void instancesAreIndependent() {
        // One UniqueIds per document: a fresh instance starts over (github-slugger's reset()).
        assertEquals(List.of("foo"), run("foo"));
        assertEquals(List.of("foo"), run("foo"));
    }
}
