package dev.sd101.markdown;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GitHub's extras on a built page. Expected markup is cmark-gfm's (0.29.0.gfm.6, {@code cmark-gfm -e footnotes
 * -e tasklist}, pasted as it printed it) with the classes github.com adds, or github.com's own as documented
 * (alerts: rehype-github-alert's readme, written against github.com; heading ids: github-slugger's fixtures).
 * Both sides are parsed by Jsoup before comparing, which only evens out attribute quoting and {@code <br />}.
 */
class GitHubExtrasTest {
    @TempDir
    Path dir;

    private Element page(String markdown) throws IOException {
        return ExtrasSite.body(dir, markdown).selectFirst("article");
    }

    private static String norm(String html) {
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html);
        // XML syntax: every attribute as name="value", however it was written.
        doc.outputSettings().syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml).prettyPrint(false);
        // <path/> and <path></path> alike.
        doc.body().select("*").forEach(e -> {
            if (e.childNodeSize() == 0 && !e.tag().isEmpty()) {
                e.appendText("");
            }
        });
        return doc.body().html().replaceAll(">\\s*\n\\s*<", "><").strip();
    }

    private static void assertSameHtml(String expected, Element actual) {
        actual.ownerDocument().outputSettings().prettyPrint(false);
        assertEquals(norm(expected), norm(actual.outerHtml()));
    }

    // ---- footnotes

    @Test
    void footnotesAsCmarkGfmWritesThem() throws IOException {
        Element article = page("""
                Here is a footnote[^1] and another[^note] and again[^1].

                [^1]: My reference.
                [^note]: Named
                    with more.
                [^unused]: never
                """);
        // cmark-gfm -e footnotes, same input:
        assertSameHtml("<p>Here is a footnote<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup> and another<sup class=\"footnote-ref\"><a href=\"#fn-note\" id=\"fnref-note\" data-footnote-ref>2</a></sup> and again<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1-2\" data-footnote-ref>1</a></sup>.</p>",
                article.selectFirst("p"));
        assertSameHtml("""
                <section class="footnotes" data-footnotes>
                <ol>
                <li id="fn-1">
                <p>My reference. <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a> <a href="#fnref-1-2" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩<sup class="footnote-ref">2</sup></a></p>
                </li>
                <li id="fn-note">
                <p>Named
                with more. <a href="#fnref-note" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
                </li>
                </ol>
                </section>""", article.selectFirst("section"));
    }

    @Test
    void footnoteLabelsBlocksAndUndefinedReferences() throws IOException {
        Element article = page("""
                A[^note] c[^é] d[^x&y] e[^1] f[^nope].

                [^NOTE]: N
                [^é]: E
                [^x&y]: XY
                [^1]: one
                    > quote

                    ```
                    code
                    ```
                """);
        // cmark-gfm: the definition's label as written, escaped as a URL; a note that ends with a block
        // gets its back-link after it; an undefined reference stays text.
        assertSameHtml("<p>A<sup class=\"footnote-ref\"><a href=\"#fn-NOTE\" id=\"fnref-NOTE\" data-footnote-ref>1</a></sup> c<sup class=\"footnote-ref\"><a href=\"#fn-%C3%A9\" id=\"fnref-%C3%A9\" data-footnote-ref>2</a></sup> d<sup class=\"footnote-ref\"><a href=\"#fn-x&amp;y\" id=\"fnref-x&amp;y\" data-footnote-ref>3</a></sup> e<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>4</a></sup> f[^nope].</p>",
                article.selectFirst("p"));
        assertSameHtml("""
                <li id="fn-1">
                <p>one</p>
                <blockquote>
                <p>quote</p>
                </blockquote>
                <pre><code>code
                </code></pre>
                <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a>
                </li>""", article.selectFirst("li#fn-1"));
    }

    @Test
    void footnotesStayWithTheArticleThatReferencesThemAndPassTheCheck(@TempDir Path tree) throws IOException {
        Path readme = tree.resolve("README.md");
        Files.writeString(readme, """
                # Guide

                - [Part](#part)
                  - [First](#first)
                  - [Second](#second)

                ## Part

                ### First

                One[^a] and the [shared note](#fn-shared)[^shared].

                ### Second

                Two[^b], again[^shared], as GitHub writes the [link](#user-content-fn-b).

                [^a]: Only first.
                [^b]: Only second.
                [^shared]: In both.
                """);
        Sd101 engine = new Sd101();
        SiteConfig config = SiteConfig.builder(readme).contentRoot(tree).outputDirectory(tree.resolve("site"))
                .siteTitle("Guide").search(false).build();
        assertTrue(engine.check(config).problems().isEmpty(), () -> engine.check(config).problems().toString());
        BuildResult r = engine.generate(config);
        assertTrue(r.written() && r.problems().isEmpty(), r::toString);
        Element first = Jsoup.parse(Files.readString(tree.resolve("site/first/index.html"))).selectFirst("article");
        Element second = Jsoup.parse(Files.readString(tree.resolve("site/second/index.html"))).selectFirst("article");
        assertEquals("[fn-a, fn-shared]", first.select("section.footnotes li").eachAttr("id").toString());
        // In number order: the shared note is 2, the second page's own is 3.
        assertEquals("[fn-shared, fn-b]", second.select("section.footnotes li").eachAttr("id").toString());
        // Numbers are the document's, as on GitHub's one page.
        assertEquals("[1, 2]", first.select("sup.footnote-ref a").eachText().toString());
        assertEquals("[3, 2]", second.select("sup.footnote-ref a").eachText().toString());
        // A note listed on both pages links to the page's own copy; its back-links reach each reference.
        assertEquals("#fn-shared", first.selectFirst("a:contains(shared note)").attr("href"));
        assertEquals("#fn-shared", second.selectFirst("a#fnref-shared-2").attr("href"));
        assertEquals("#fn-b", second.selectFirst("a:contains(link)").attr("href"), "GitHub's user-content- prefix");
        assertEquals("[#fnref-shared, ../second/#fnref-shared-2]",
                first.select("li#fn-shared a.footnote-backref").eachAttr("href").toString());
        assertEquals("[../first/#fnref-shared, #fnref-shared-2]",
                second.select("li#fn-shared a.footnote-backref").eachAttr("href").toString());
    }

    // ---- task lists

    @Test
    void taskListsAreDisabledCheckboxesInGitHubsMarkup() throws IOException {
        Element article = page("""
                - [ ] todo
                - [x] done
                - plain

                1. [ ] ordered

                - [ ] loose

                - [X] items
                """);
        // cmark-gfm -e tasklist gives <li><input type="checkbox" disabled="" aria-label="todo" /> todo</li>; github.com adds
        // the classes (task-list-item, task-list-item-checkbox, contains-task-list). One deliberate addition: the
        // item's text as the box's aria-label (a form field without a name fails axe-core and WCAG 4.1.2).
        assertSameHtml("""
                <ul class="contains-task-list">
                <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="" aria-label="todo" /> todo</li>
                <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" checked="" disabled="" aria-label="done" /> done</li>
                <li>plain</li>
                </ul>""", article.child(0));
        assertSameHtml("""
                <ol class="contains-task-list">
                <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="" aria-label="ordered" /> ordered</li>
                </ol>""", article.child(1));
        // A loose item: cmark-gfm writes the box before the item's paragraph.
        assertSameHtml("""
                <ul class="contains-task-list">
                <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="" aria-label="loose" /> 
                <p>loose</p>
                </li>
                <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" checked="" disabled="" aria-label="items" /> 
                <p>items</p>
                </li>
                </ul>""", article.child(2));
    }

    // ---- alerts

    private static final String NOTE_ICON = "<svg class=\"octicon octicon-info mr-2\" viewBox=\"0 0 16 16\" version=\"1.1\" width=\"16\" height=\"16\" aria-hidden=\"true\"><path d=\"M0 8a8 8 0 1 1 16 0A8 8 0 0 1 0 8Zm8-6.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM6.5 7.75A.75.75 0 0 1 7.25 7h1a.75.75 0 0 1 .75.75v2.75h.25a.75.75 0 0 1 0 1.5h-2a.75.75 0 0 1 0-1.5h.25v-2h-.25a.75.75 0 0 1-.75-.75ZM8 6a1 1 0 1 1 0-2 1 1 0 0 1 0 2Z\"></path></svg>";

    @Test
    void anAlertAsGitHubWritesIt() throws IOException {
        Element article = page("""
                > [!NOTE]
                > Useful information.
                """);
        // github.com's markup (rehype-github-alert's readme), with the dir="auto" github.com writes on each.
        assertSameHtml("<div class=\"markdown-alert markdown-alert-note\" dir=\"auto\"><p class=\"markdown-alert-title\" dir=\"auto\">"
                + NOTE_ICON + "Note</p><p>Useful information.</p></div>", article.child(0));
    }

    @Test
    void theFiveKindsAndTheirOcticonsInAnyCase() throws IOException {
        Element article = page("""
                > [!note]
                > a

                > [!Tip]
                > b

                > [!IMPORTANT]
                > c

                > [!WARNING]
                > d

                > [!caution]
                > e
                """);
        assertEquals("[markdown-alert markdown-alert-note, markdown-alert markdown-alert-tip, markdown-alert markdown-alert-important, "
                + "markdown-alert markdown-alert-warning, markdown-alert markdown-alert-caution]", article.children().eachAttr("class").toString());
        assertEquals("[Note, Tip, Important, Warning, Caution]", article.select(".markdown-alert-title").eachText().toString());
        assertEquals("[octicon octicon-info mr-2, octicon octicon-light-bulb mr-2, octicon octicon-report mr-2, "
                + "octicon octicon-alert mr-2, octicon octicon-stop mr-2]", article.select("svg").eachAttr("class").toString());
        assertEquals("[a, b, c, d, e]", article.select(".markdown-alert > p:not(.markdown-alert-title)").eachText().toString());
    }

    @Test
    void githubsRulesForWhatIsAnAlert() throws IOException {
        Element article = page("""
                > [!TIP] Text after the marker on its line

                > [!WARNING]

                > [!IMPORTANT]
                >
                > A paragraph after a blank line.

                > [!NOTE]\\
                > After a hard break.

                > [!FOO]
                > Unknown kind.

                - > [!NOTE]
                  > In a list: no alert.

                > Quote
                > > [!NOTE]
                > > Nested: no alert.

                > [!CAUTION]\s
                > A space after the marker.
                """);
        var kids = article.children();
        assertEquals("blockquote", kids.get(0).normalName(), "text after the marker");
        assertEquals("[!TIP] Text after the marker on its line", kids.get(0).text());
        assertEquals("blockquote", kids.get(1).normalName(), "nothing after the marker");
        assertEquals("markdown-alert markdown-alert-important", kids.get(2).className());
        assertEquals("A paragraph after a blank line.", kids.get(2).child(1).text());
        assertEquals(2, kids.get(2).childrenSize());
        assertEquals("markdown-alert markdown-alert-note", kids.get(3).className());
        assertEquals("After a hard break.", kids.get(3).child(1).text());
        assertNull(kids.get(3).selectFirst("br"));
        assertEquals("blockquote", kids.get(4).normalName(), "unknown kind");
        assertEquals(0, article.select("ul .markdown-alert, blockquote .markdown-alert").size(), "alerts do not nest");
        assertEquals("markdown-alert markdown-alert-caution", kids.get(7).className(), "a trailing space is no text");
        assertEquals("A space after the marker.", kids.get(7).child(1).text());
        assertEquals(3, article.select(".markdown-alert").size(), article::html);
    }

    @Test
    void noContentForgesAnAlert() throws IOException {
        Element article = page("""
                <div class="markdown-alert markdown-alert-note"><p class="markdown-alert-title">Forged</p></div>

                <svg><path d="M0"/></svg>
                """);
        assertNull(article.selectFirst("*:not(article)[class]"));
        assertNull(article.selectFirst("svg"));
    }

    // ---- emoji

    @Test
    void emojiShortcodesFromGitHubsList() throws IOException {
        Element article = page("""
                :memo: :+1: :artist: :warning: :nosuchcode: `:memo:` :octocat:

                ```
                :memo:
                ```
                """);
        // gemoji's characters: 📝 👍, 🧑‍🎨 (with its zero-width joiner), ⚠️ (with its variation selector).
        assertEquals("\uD83D\uDCDD \uD83D\uDC4D \uD83E\uDDD1\u200D\uD83C\uDFA8 \u26A0\uFE0F :nosuchcode: :memo: :octocat:",
                article.child(0).text());
        assertEquals(":memo:", article.child(0).selectFirst("code").text());
        assertEquals(":memo:", article.selectFirst("pre").text().strip());
    }

    @Test
    void headingIdsSlugTheShortcodeAsGitHubDoes() throws IOException {
        Element article = page("""
                # :smile: - a gemoji

                ## :memo: Notes
                """);
        // github-slugger's fixture "Non-ascii: :smile:", scraped from github.com: ":smile: - a gemoji" → smile---a-gemoji.
        assertEquals("smile---a-gemoji", article.child(0).id());
        assertEquals("\uD83D\uDE04 - a gemoji", article.child(0).text());
        assertEquals("memo-notes", article.child(1).id());
    }

    // ---- raw HTML

    @Test
    void theTagsGitHubKeepsAndTheOnesItDrops() throws IOException {
        Element article = page("""
                <details open><summary>More</summary>

                Hidden **text**.

                </details>

                <p>Done: <input type="checkbox" checked> <progress value="3" max="10">3</progress> <span class="x" progress="1">s</span></p>

                <section id="s"><p>in a section</p></section>

                <table><colgroup><col span="2"></colgroup><tr><td>cell</td></tr></table>

                <div><li>stray item</li></div>

                <pre><code class="language-js">raw();</code></pre>

                ```js
                fenced();
                ```
                """);
        Element details = article.selectFirst("details");
        assertNotNull(details);
        assertTrue(details.hasAttr("open"));
        assertEquals("More", details.selectFirst("summary").text());
        assertEquals("text", details.selectFirst("strong").text());
        assertNull(article.selectFirst("input"), "GitHub drops raw <input>");
        assertNull(article.selectFirst("progress"), "and <progress>");
        assertEquals("[language-js]", article.select("*:not(article)[class]").eachAttr("class").toString(),
                "class attributes go, but for the fenced block's language");
        assertEquals("fenced();", article.selectFirst("code.language-js").text());
        assertEquals("1", article.selectFirst("span").attr("progress"), "the progress attribute is on GitHub's list");
        assertNull(article.selectFirst("section"), "no <section> from raw HTML");
        assertEquals("in a section", article.selectFirst("p:contains(in a section)").text());
        assertNull(article.selectFirst("colgroup, col"));
        assertEquals("cell", article.selectFirst("td").text());
        assertNull(article.selectFirst("li"), "a list item outside a list is unwrapped, as html-pipeline's filter does");
        assertEquals("stray item", article.selectFirst("div").text());
        assertFalse(article.html().contains("data-sd101-own"));
    }
}
