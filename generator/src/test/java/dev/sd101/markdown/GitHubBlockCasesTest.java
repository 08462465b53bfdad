package dev.sd101.markdown;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Block-structure corner cases where flexmark alone differs from GitHub, beyond the spec examples that show them:
 * link reference definitions above a setext underline (CommonMark 215, 216) and list markers indented four columns
 * past their list's container (312, 313), each in containers and variants. Every case is rendered by cmark-gfm
 * (GitHub's parser) and by sd101 and compared after {@link GitHubHtml}'s normalisation.
 */
class GitHubBlockCasesTest {
    static CmarkGfm cmark;

    @BeforeAll
    static void oracle() {
        var found = CmarkGfm.find();
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(found.isPresent(), "cmark-gfm is not installed (apt-get install cmark-gfm)");
        }
        assumeTrue(found.isPresent(), "cmark-gfm not found on PATH; skipping");
        cmark = found.get();
    }

    @Test
    void definitionsComeOutOfTheHeadingFirst(@TempDir Path tmp) throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("two-definitions", "[a]: /a\n[b]: /b 'B'\nHeading [a] [b]\n===\n");
        cases.put("dash-underline", "[a]: /a\nTitle [a]\n---\n");
        cases.put("only-definition-dashes", "[a]: /a\n---\n[a]\n");
        cases.put("only-definition-two-dashes", "[a]: /a\n--\n[a]\n");
        cases.put("only-definition-last", "text\n\n[a]: /a\n===\n\nafter [a]\n");
        cases.put("in-quote", "> [a]: /a\n> ===\n> [a]\n");
        cases.put("in-quote-heading", "> [a]: /a\n> Quote [a]\n> ===\n");
        cases.put("in-list", "- [a]: /a\n  Item [a]\n  ---\n- next\n");
        cases.put("defined-twice", "[a]: /first\nHeading [a]\n===\n\n[a]: /second\n");
        cases.put("defined-before", "[a]: /first\n\n[a]: /second\nHeading [a]\n===\n");
        cases.put("no-definition", "[a] is a link text\n===\n\n[a]: /a\n");
        assertAsGitHub(cases, tmp);
    }

    @Test
    void aMarkerIndentedFourColumnsPastTheListIsNoItem(@TempDir Path tmp) throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("wide-number", "100. a\n    - b\n");
        cases.put("wide-number-blank", "100. a\n\n    - b\n");
        cases.put("wide-number-sub", "100. a\n     - b\n");
        cases.put("three-then-four", "   - a\n    - b\n");
        cases.put("nested", "- a\n\n  100. b\n      - c\n      - d\n");
        cases.put("in-quote", "> 1. a\n>\n>   2. b\n>\n>     3. c\n");
        cases.put("tab", "   - a\n\t- b\n");
        cases.put("siblings-kept", "- a\n - b\n  - c\n   - d\n");
        cases.put("code-in-item", "1.  a\n\n        code\n");
        assertAsGitHub(cases, tmp);
    }

    private static void assertAsGitHub(Map<String, String> cases, Path tmp) throws IOException {
        GitHubHtml html = new GitHubHtml();
        Map<String, String> ours = Sd101Bodies.render(cases, tmp);
        assertAll(cases.keySet().stream().map(name -> () -> assertEquals(
                html.oracle(cmark.render(cases.get(name))), html.sd101(ours.get(name)), name)));
    }
}
