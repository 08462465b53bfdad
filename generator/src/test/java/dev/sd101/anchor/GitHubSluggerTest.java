package dev.sd101.anchor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GitHub's heading ids, checked against github-slugger's fixture set ({@code test/fixtures.json} of
 * Flet/github-slugger: 78 headings rendered by github.com, expected ids scraped from its anchors).
 *
 * <p>github-slugger's own test ({@code test/index.js}, "fixtures") runs every case, in file order,
 * through ONE slugger: {@code const slugger = new GithubSlugger(); gist.forEach(d =>
 * t.equals(slugger.slug(d.input), d.expected, d.name))}. The expectations depend on that (e.g.
 * "Repetition (2)" expects {@code echo-1}, "Other_Number" expects {@code a---…---b-1} because
 * "Math_Symbol" already took {@code a---…---b}), so this class shares one {@link UniqueIds} across the
 * parameterized invocations (PER_CLASS, invocations run in source order) and also replays the whole
 * sequence in a single test, which stays valid when only some invocations are selected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitHubSluggerTest {
    static final String FIXTURES = "/anchor/github-slugger-fixtures.json";

    private final UniqueIds shared = new UniqueIds();

    static List<Map<String, String>> fixtures() throws IOException {
        try (InputStream in = GitHubSluggerTest.class.getResourceAsStream(FIXTURES)) {
            if (in == null) {
                throw new IOException("missing test resource " + FIXTURES);
            }
            return MiniJson.parseArrayOfStringObjects(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Map<String, String>> all = fixtures();
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Map<String, String> d = all.get(i);
            out.add(Arguments.of(i + 1, d.get("name"), d.get("input"), d.get("expected")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("cases")
    void githubFixtureInSequence(int number, String name, String input, String expected) {
        assertEquals(expected, shared.next(input), () -> "fixture #" + number + " " + name);
    }

    @Test
    void wholeFixtureSequenceThroughOneSlugger() throws IOException {
        List<Map<String, String>> all = fixtures();
        assertEquals(78, all.size(), "github-slugger ships 78 GitHub-rendered cases");
        UniqueIds ids = new UniqueIds();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Map<String, String> d = all.get(i);
            String actual = ids.next(d.get("input"));
            if (!actual.equals(d.get("expected"))) {
                failures.add("#" + (i + 1) + " " + d.get("name") + ": expected " + escape(d.get("expected"))
                        + " but was " + escape(actual));
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void lowercasingIsLocaleIndependent() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            // JavaScript toLowerCase: I -> i, İ (U+0130) -> i + U+0307; never the Turkish dotless ı.
            assertEquals("i-i\u0307", GitHubSlugger.slug("I \u0130"));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format("\\u{%X}", cp));
            }
        });
        return b.toString();
    }
}
