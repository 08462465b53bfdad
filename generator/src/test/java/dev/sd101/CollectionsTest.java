package dev.sd101;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Collections and taxonomies end to end on the small invented site in {@code collections/site}: drafts,
 * term pages with and without term files, tag normalisation, links to the site's own URL, feeds, aliases.
 */
class CollectionsTest {
    @TempDir
    static Path out;
    static Path site;
    static BuildResult result;

    @BeforeAll
    static void build() throws Exception {
        site = fixture("site");
        result = new Sd101().generate(SiteConfig.builder(site).outputDirectory(out.resolve("site")).build());
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(CollectionsTest.class.getResource("/collections/" + name).toURI());
    }

    private static String read(String path) throws IOException {
        return Files.readString(out.resolve("site").resolve(path), StandardCharsets.UTF_8);
    }

    /** The hrefs of the page's item list, in order. */
    private static List<String> listed(String path) throws IOException {
        String html = read(path);
        int at = html.indexOf("<ul class=\"item-list\">");
        String list = html.substring(at, html.indexOf("</ul>", at));
        Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(list);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void draftsAreLeftOutUnlessAskedFor(@TempDir Path other) {
        assertTrue(Files.exists(out.resolve("site/guides/alpha/index.html")));
        assertFalse(Files.exists(out.resolve("site/guides/beta")), "a draft is not published");
        BuildResult withDrafts = new Sd101().generate(SiteConfig.builder(site).outputDirectory(other).drafts(true).build());
        assertTrue(Files.exists(other.resolve("guides/beta/index.html")));
        assertEquals(result.pages() + 1, withDrafts.pages());
    }

    @Test
    void categoryPagesListExactlyTheirGuidesInDateOrder() throws IOException {
        assertEquals(List.of("../../guides/gamma/", "../../guides/alpha/"), listed("guides/basics/index.html"));
        assertEquals(List.of("../../guides/gamma/"), listed("guides/advanced/index.html"));
        assertTrue(read("guides/basics/index.html").contains("Basics explained with small pictures."), "term file text");
    }

    @Test
    void aCategoryWithoutTermFileGetsAPageAndAWarningAtItsLine() throws IOException {
        assertEquals(List.of("../../guides/delta/"), listed("guides/unknown-category/index.html"));
        Problem p = result.problems().stream().filter(x -> x.message().contains("unknown-category")).findFirst().orElseThrow();
        assertTrue(p.path().endsWith("data/guides/delta.md"), p.path());
        assertEquals(5, p.line());
        assertEquals(Severity.WARNING, p.severity());
    }

    @Test
    void tagsAreNormalisedAndSluggedTheGitHubWay() throws IOException {
        // "System Design", '"System Design"' and " system   design " are one tag.
        assertEquals(List.of("../../guides/gamma/", "../../guides/alpha/"), listed("tags/system-design/index.html"));
        assertTrue(read("tags/system-design/index.html").contains("<h1>System Design</h1>"));
        // C++ and C# both slug to "c": the second one gets GitHub's -1.
        assertTrue(Files.exists(out.resolve("site/tags/c/index.html")));
        assertTrue(Files.exists(out.resolve("site/tags/c-1/index.html")));
        String index = read("tags/index.html");
        assertTrue(index.contains("System Design</a> <span class=\"count\">2</span>"), index);
        int at = index.indexOf("<ul class=\"term-list\">");
        String terms = index.substring(at, index.indexOf("</ul>", at));
        assertEquals(4, terms.split("<li>", -1).length - 1, "Caching, C#, C++, System Design: " + terms);
    }

    @Test
    void breadcrumbsGoHomeCategoryGuide() throws IOException {
        String gamma = read("guides/gamma/index.html");
        assertTrue(gamma.contains("<ol><li><a href=\"../../\">Fixture Guides</a></li><li><a href=\"../../guides/advanced/\">Advanced</a></li><li aria-current=\"page\">Gamma</li></ol>"), gamma);
    }

    @Test
    void linksToTheSitesOwnUrlBecomeLocalAndAreChecked() throws IOException {
        String home = read("index.html");
        assertTrue(home.contains("href=\"guides/alpha/\""), home);
        assertTrue(home.contains("href=\"guides/basics/\""));
        assertTrue(home.contains("href=\"guides/gamma/#details\""));
        assertTrue(home.contains("href=\"https://example.org/guides/alpha\""), "another host stays absolute");
        Problem missing = result.problems().stream().filter(x -> x.message().contains("alpah-typo")).findFirst().orElseThrow();
        assertEquals(6, missing.line());
        assertEquals("https://example.com/guides/alpha", missing.suggestion());
        BuildResult check = new Sd101().check(SiteConfig.builder(site).build());
        assertTrue(check.problems().stream().anyMatch(x -> x.severity() == Severity.ERROR && x.message().contains("alpah-typo")));
    }

    @Test
    void bodyProblemsKeepTheFilesLineNumbers() {
        Problem p = result.problems().stream().filter(x -> x.message().contains("#nowhere")).findFirst().orElseThrow();
        assertTrue(p.path().endsWith("data/guides/alpha.md"));
        assertEquals(18, p.line());
    }

    @Test
    void titlesComeFromFrontMatterAndTheImageIsTheOpenGraphImage() throws IOException {
        String delta = read("guides/delta/index.html");
        assertTrue(delta.contains("<title>Delta · Fixture Guides</title>"));
        // Its text has an h1 of its own: the page keeps that one (as MkDocs Material and Docusaurus do), not two.
        assertEquals(1, delta.split("<h1", -1).length - 1, delta);
        assertTrue(delta.contains("<h1 id=\"not-the-title\">Not the title</h1>"), delta);
        String alpha = read("guides/alpha/index.html");
        assertTrue(alpha.contains("<h1 class=\"page-title\">Alpha</h1>"), "the theme prints the front matter title the text lacks");
        assertEquals(1, alpha.split("<h1", -1).length - 1, alpha);
        assertTrue(alpha.contains("<meta property=\"og:image\" content=\"https://cdn.example.com/alpha.png\">"));
        assertTrue(alpha.contains("<meta name=\"description\" content=\"The first guide.\">"));
        assertTrue(alpha.contains("src=\"https://cdn.example.com/alpha.png\""), "remote images stay remote");
        assertTrue(alpha.contains("width=\"1200\" height=\"800\""), "size from front matter");
        assertTrue(alpha.contains("loading=\"lazy\""));
    }

    @Test
    void homeListsCategoriesInSortOrderWithTheirNewestGuides() throws IOException {
        String home = read("index.html");
        int advanced = home.indexOf("<h2><a href=\"guides/advanced/\">Advanced</a>");
        int basics = home.indexOf("<h2><a href=\"guides/basics/\">Basics</a>");
        assertTrue(advanced > 0 && basics > advanced, "sort 100 before sort 200");
    }

    @Test
    void feedsHoldTheNewestGuidesAndNoBuildTime() throws IOException {
        String feed = read("feed.xml");
        assertEquals(2, feed.split("<entry>", -1).length - 1, "feed: 2");
        assertTrue(feed.indexOf("<title>Gamma</title>") < feed.indexOf("<title>Alpha</title>"));
        assertFalse(feed.contains("Beta"), "drafts stay out of feeds");
        assertTrue(feed.contains("  <updated>2024-02-01T00:00:00Z</updated>"), feed);
        assertTrue(feed.contains("<id>https://example.com/guides/gamma/</id>"));
        String category = read("guides/basics/feed.xml");
        assertTrue(category.contains("<title>Alpha</title>") && category.contains("<title>Gamma</title>"));
        assertTrue(read("guides/basics/index.html").contains("type=\"application/atom+xml\""));
    }

    @Test
    void withoutSiteUrlFeedsUseRelativeLinksAndUuidIds(@TempDir Path other) throws IOException {
        new Sd101().generate(SiteConfig.builder(site).configFile(site.resolve("sd101-no-url.yml")).outputDirectory(other).build());
        String feed = Files.readString(other.resolve("guides/basics/feed.xml"));
        assertTrue(feed.contains("<id>urn:uuid:"), feed);
        assertTrue(feed.contains("href=\"../../guides/gamma/\""), feed);
    }

    @Test
    void aliasesRedirect() throws IOException {
        assertTrue(read("old/delta/index.html").contains("url=../../guides/delta/"));
    }

    @Test
    void searchCoversGuidesWithTheirTags() throws IOException {
        try (var files = Files.list(out.resolve("site/search/f"))) {
            // A fragment file bundles several sections' fragments, each with its result URL "u".
            Set<String> urls = files.flatMap(f -> {
                try {
                    return java.util.regex.Pattern.compile("\"u\":\"([^\"]*)\"").matcher(Files.readString(f)).results().map(m -> m.group(1));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
            assertTrue(urls.contains("guides/alpha/"), urls.toString());
            assertTrue(urls.contains("guides/gamma/"), "the intro is the page's own section");
        }
    }

    @Test
    void outputIsDeterministic(@TempDir Path other) throws IOException {
        new Sd101().generate(SiteConfig.builder(site).outputDirectory(other).build());
        for (String f : List.of("index.html", "feed.xml", "guides/gamma/index.html", "tags/index.html", "search/meta.json")) {
            assertEquals(read(f), Files.readString(other.resolve(f)), f);
        }
    }

    @Test
    void badInputIsAnErrorNamingFileAndLine() throws Exception {
        // The flow sequence opened on line 3 is never closed: the fault is there, not where the parser noticed it.
        assertError("bad-yaml", "data/guides/broken.md:3", "invalid YAML");
        assertError("bad-date", "data/guides/dated.md:4", "'2024-13-45' is not a date");
        assertError("empty-title", "data/guides/untitled.md:2", "title is empty");
        assertError("unclosed", "data/guides/open.md:1", "never closed");
        BuildException dup = assertThrows(BuildException.class, () -> new Sd101().check(SiteConfig.builder(fixture("dup-slug")).build()));
        assertTrue(dup.getMessage().contains("one.md") && dup.getMessage().contains("two.md"), dup.getMessage());
        assertTrue(dup.getMessage().contains("guides/same/"), dup.getMessage());
    }

    private static void assertError(String fixture, String where, String what) throws Exception {
        BuildException e = assertThrows(BuildException.class, () -> new Sd101().check(SiteConfig.builder(fixture(fixture)).build()));
        assertTrue(e.getMessage().contains(where + ": ") && e.getMessage().contains(what), e.getMessage());
    }
}
