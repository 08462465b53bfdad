package dev.sd101.template;

import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default theme writes no whitespace-only lines and no empty attributes: on a 10,000-page site the
 * sidebar repeats on every page, so every byte the templates waste is written 10,000 times. Checked on the
 * real README-ko site (whole sidebar tree) and on a generated site past the full-sidebar limit (other
 * sections collapsed to plain links). The rendered Markdown body is the body renderer's business and is left
 * out of the check, as are {@code <pre>} and {@code <script>} contents. A collection site covers the list templates.
 */
class ThemeWhitespaceTest {
    /** What the body renderer and raw-text elements own; the template's own markup is everything else. */
    private static final Pattern NOT_THEME = Pattern.compile(
            "(?s)<article class=\"content\">.*?</article>|<pre[ >].*?</pre>|<script[ >].*?</script>");
    private static final Pattern BLANK_LINE = Pattern.compile("(?m)^[ \\t]*\\R");
    private static final Pattern EMPTY_CLASS = Pattern.compile("\\sclass=\"\\s*\"");

    @TempDir
    Path tmp;

    @Test
    void readmeKoSiteHasNoBlankLinesOrEmptyClasses() throws IOException {
        Path repo = Path.of(System.getProperty("sd101.repo", "..")).toAbsolutePath().normalize();
        Path site = tmp.resolve("site");
        new Sd101().generate(SiteConfig.builder(repo.resolve("content/README-ko.md"))
                .contentRoot(repo)
                .outputDirectory(site)
                .language("ko")
                .search(false)
                .build());
        List<Path> pages = pages(site);
        assertTrue(pages.size() > 80, "README-ko builds into its pages");
        for (Path page : pages) {
            assertLean(site, page);
        }
    }

    @Test
    void largeSiteWithCollapsedSectionsHasNoBlankLinesOrEmptyClasses() throws IOException {
        Path input = Files.createDirectories(tmp.resolve("input"));
        StringBuilder md = new StringBuilder("# Large\n\nIntro text.\n\n");
        for (int s = 1; s <= 30; s++) {
            md.append("## Section ").append(s).append("\n\n");
            for (int a = 1; a <= 20; a++) {
                md.append("### Article ").append(s).append('-').append(a).append("\n\nBody of `").append(a).append("`.\n\n");
            }
        }
        Files.writeString(input.resolve("README.md"), md);
        Path site = tmp.resolve("large");
        new Sd101().generate(SiteConfig.builder(input.resolve("README.md"))
                .contentRoot(input)
                .outputDirectory(site)
                .language("en")
                .splitLevel(3)
                .search(false)
                .build());
        List<Path> pages = pages(site);
        assertTrue(pages.size() > 600, "30 sections of 20 articles: " + pages.size());
        for (Path page : pages) {
            assertLean(site, page);
        }
        Document article = Jsoup.parse(site.resolve("article-2-3/index.html").toFile(), "UTF-8");
        // Past 500 entries a page carries its slice of the tree (NavSlice): 15 of the 30 sections, the rest one
        // "n more" entry that links the home page.
        List<Element> top = article.select("nav.sidebar > ul > li");
        assertEquals(16, top.size());
        assertEquals("active", top.get(1).attr("class"), "the current page's section");
        assertEquals("current", article.selectFirst("nav.sidebar li li a[aria-current=page]").parent().attr("class"));
        assertEquals("<li><a href=\"../\" data-nav-more data-nav-parent=\"\" data-nav-from=\"15\" data-nav-count=\"15\">15"
                + " more</a></li>", top.get(15).outerHtml().replace("\n", ""));
        // Another section is collapsed, its articles left to the shared file: no class attribute, one element a line.
        assertFalse(top.get(2).hasAttr("class"));
        String html = Files.readString(site.resolve("article-2-3/index.html"));
        assertTrue(html.contains("\n<li>\n<div class=\"nav-category\">\n<a href=\"../section-3/\">Section 3</a>\n<button"),
                "one sidebar entry per line");
        assertTrue(html.contains("</div>\n<ul id=\"sd101-nav-2\" hidden data-nav-lazy=\"section-3/\">\n</ul></li>\n"),
                "its list, empty until the sidebar fills it");
    }

    @Test
    void collectionSiteListTemplatesHaveNoBlankLinesOrEmptyClasses() throws IOException {
        Path fixture = Path.of("src/test/resources/collections/site").toAbsolutePath();
        Path site = tmp.resolve("collections");
        new Sd101().generate(SiteConfig.builder(fixture).outputDirectory(site).search(false).build());
        List<Path> pages = pages(site);
        assertTrue(pages.size() > 10, "home list, terms, term and item pages");
        for (Path page : pages) {
            assertLean(site, page);
        }
    }

    private static void assertLean(Path site, Path page) throws IOException {
        String html = Files.readString(page);
        String theme = NOT_THEME.matcher(html).replaceAll("(body)");
        String name = site.relativize(page).toString();
        assertFalse(BLANK_LINE.matcher(theme).find(), () -> name + ": a whitespace-only line near «"
                + around(theme, BLANK_LINE.matcher(theme).results().findFirst().orElseThrow().start()) + "»");
        assertFalse(EMPTY_CLASS.matcher(html).find(), name + ": an empty class attribute");
        for (Element li : Jsoup.parse(html).select("nav.sidebar li")) {
            boolean here = li.selectFirst("> a[aria-current], > div > a[aria-current]") != null
                    || li.classNames().contains("active");
            assertEquals(here, li.hasAttr("class"), () -> name + ": class only on the current or active item: " + li.outerHtml());
        }
    }

    private static String around(String s, int at) {
        return s.substring(Math.max(0, at - 80), Math.min(s.length(), at + 40));
    }

    private static List<Path> pages(Path site) throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return new ArrayList<>(walk.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList());
        }
    }
}
