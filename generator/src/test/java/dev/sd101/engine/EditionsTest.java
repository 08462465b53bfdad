package dev.sd101.engine;

import dev.sd101.BuildException;
import dev.sd101.BuildResult;
import dev.sd101.Problem;
import dev.sd101.Sd101;
import dev.sd101.Severity;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three editions of one short site (src/test/resources/editions: Korean at the root, English and Japanese under
 * their prefixes), written as three separate READMEs that share their diagrams.
 */
class EditionsTest {
    private static final Path FIXTURE = Path.of("src/test/resources/editions").toAbsolutePath();

    private static SiteConfig config(Path out) {
        return SiteConfig.builder(FIXTURE).configFile(FIXTURE.resolve("sd101.yml")).outputDirectory(out).build();
    }

    private static String page(SiteBuild site, String file) {
        byte[] b = site.files().get(file);
        assertNotNull(b, file + " is not in the site: " + site.files().keySet());
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void configListsEditionsWithTheirPrefixes(@TempDir Path tmp) {
        SiteConfig c = config(tmp.resolve("site"));
        assertEquals(List.of("ko", "en", "ja"), c.editions().stream().map(SiteConfig.Edition::language).toList());
        assertEquals(List.of("", "en/", "ja/"), c.editions().stream().map(SiteConfig.Edition::prefix).toList());
        assertEquals("시스템 설계 노트", c.editions().get(0).title());
        assertEquals(FIXTURE.resolve("en/README.md"), c.editions().get(1).source());
    }

    @Test
    void badEditionsNameTheConfigFileAndLine(@TempDir Path tmp) throws Exception {
        Path yml = tmp.resolve("sd101.yml");
        Files.writeString(yml, "editions:\n  - language: ko\n    source: a.md\n  - language: en\n    source: b.md\n    prefix: \"\"\n");
        BuildException e = assertThrows(BuildException.class, () -> SiteConfig.builder(tmp).configFile(yml).build());
        assertTrue(e.getMessage().contains("sd101.yml:1") && e.getMessage().contains("two editions are published under '/'"), e.getMessage());
        Files.writeString(yml, "editions:\n  - language: ko\n    source: a.md\n  - language: english\n    source: b.md\n");
        e = assertThrows(BuildException.class, () -> SiteConfig.builder(tmp).configFile(yml).build());
        assertTrue(e.getMessage().contains("sd101.yml:4") && e.getMessage().contains("BCP 47"), e.getMessage());
        Files.writeString(yml, "editions:\n  - language: ko\n    source: a.md\n  - language: en\n    prefix: search/\n    source: b.md\n");
        e = assertThrows(BuildException.class, () -> SiteConfig.builder(tmp).configFile(yml).build());
        assertTrue(e.getMessage().contains("folder the engine writes itself"), e.getMessage());
    }

    @Test
    void eachEditionIsPublishedUnderItsPrefixWithItsLanguage(@TempDir Path tmp) {
        SiteBuild site = new Sd101().build(config(tmp.resolve("site")));
        assertEquals("ko", Jsoup.parse(page(site, "index.html")).selectFirst("html").attr("lang"));
        assertEquals("en", Jsoup.parse(page(site, "en/index.html")).selectFirst("html").attr("lang"));
        assertEquals("ja", Jsoup.parse(page(site, "ja/index.html")).selectFirst("html").attr("lang"));
        assertTrue(site.files().containsKey("en/how-does-a-cdn-work/index.html"));
        assertTrue(site.files().containsKey("ja/cdnはどのように動くのか/index.html"));
        // Each edition has its own search index; only the root has the 404 page and robots.txt.
        for (String prefix : List.of("", "en/", "ja/")) {
            assertTrue(site.files().containsKey(prefix + "search/meta.json"), prefix);
        }
        assertFalse(site.files().containsKey("en/404.html"));
        assertFalse(site.files().containsKey("en/robots.txt"));
        assertEquals("System Design Notes", Jsoup.parse(page(site, "en/index.html")).selectFirst(".site-title span").text());
        assertEquals("시스템 설계 노트", Jsoup.parse(page(site, "index.html")).selectFirst(".site-title span").text());
    }

    @Test
    void theSwitcherLeadsToTheSameArticleInEveryEdition(@TempDir Path tmp) {
        SiteBuild site = new Sd101().build(config(tmp.resolve("site")));
        // By diagram (cdn.svg), by position (the queue article has none), and the home pages.
        assertSwitcher(site, "cdn은-어떻게-작동하나요/index.html", Map.of(
                "ko", "./", "en", "../en/how-does-a-cdn-work/", "ja", "../ja/cdnはどのように動くのか/"));
        assertSwitcher(site, "en/what-is-a-message-queue/index.html", Map.of(
                "en", "./", "ko", "../../메시지-큐란-무엇인가요/", "ja", "../../ja/メッセージキューとは/"));
        assertSwitcher(site, "ja/index.html", Map.of("ja", "./", "ko", "../", "en", "../en/"));
        // An article without a twin leads to the other editions' home pages, marked as such.
        Document rate = Jsoup.parse(page(site, "en/rate-limiting/index.html"));
        Element toKo = rate.selectFirst(".lang-menu a[data-lang=ko]");
        assertEquals("../../", toKo.attr("href"));
        assertTrue(toKo.hasAttr("data-home"));
    }

    private static void assertSwitcher(SiteBuild site, String file, Map<String, String> expected) {
        Document d = Jsoup.parse(page(site, file));
        Map<String, String> found = new TreeMap<>();
        for (Element a : d.select(".lang-switch .lang-menu a")) {
            found.put(a.attr("data-lang"), a.attr("href"));
            assertEquals(a.attr("data-lang"), a.attr("hreflang"));
            assertFalse(a.hasAttr("data-home"), file + ": " + a);
        }
        assertEquals(new TreeMap<>(expected), found, file);
        assertEquals(1, d.select(".lang-menu a[aria-current=page]").size());
        assertEquals(d.selectFirst("html").attr("lang"), d.selectFirst(".lang-menu a[aria-current=page]").attr("data-lang"));
        // hreflang alternates: absolute (a site URL is configured), one per edition and x-default to the root edition.
        List<String> langs = d.select("link[rel=alternate][hreflang]").eachAttr("hreflang");
        assertEquals(List.of("ko", "x-default", "en", "ja"), langs, file);
        for (Element link : d.select("link[rel=alternate][hreflang]")) {
            assertTrue(link.attr("href").startsWith("https://notes.example.org/"), link.toString());
        }
    }

    @Test
    void everyPageHasHreflangAndTheSitemapListsAlternates(@TempDir Path tmp) {
        SiteBuild site = new Sd101().build(config(tmp.resolve("site")));
        int pages = 0;
        for (Map.Entry<String, byte[]> f : site.files().entrySet()) {
            if (!f.getKey().endsWith("index.html")) {
                continue;
            }
            pages++;
            Document d = Jsoup.parse(new String(f.getValue(), StandardCharsets.UTF_8));
            assertFalse(d.select("link[rel=alternate][hreflang]").isEmpty(), f.getKey());
            assertEquals(3, d.select(".lang-menu a").size(), f.getKey());
        }
        assertEquals(8 + 9 + 8, pages); // home, contents, 2 categories, 4 articles (English: 5)
        String sitemap = page(site, "sitemap.xml");
        assertTrue(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
        assertTrue(sitemap.contains("<loc>https://notes.example.org/en/how-does-a-cdn-work/</loc>\n"
                + "    <xhtml:link rel=\"alternate\" hreflang=\"ko\" href=\"https://notes.example.org/cdn%EC%9D%80-%EC%96%B4%EB%96%BB%EA%B2%8C-%EC%9E%91%EB%8F%99%ED%95%98%EB%82%98%EC%9A%94/\"/>\n"
                + "    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://notes.example.org/en/how-does-a-cdn-work/\"/>\n"), sitemap);
        assertTrue(sitemap.contains("<loc>https://notes.example.org/en/rate-limiting/</loc></url>"), sitemap);
        assertEquals(25, sitemap.split("<loc>").length - 1);
    }

    @Test
    void checkReportsTheArticleWithoutATwinAndTheRules(@TempDir Path tmp) {
        BuildResult r = new Sd101().check(config(tmp.resolve("site")));
        List<Problem> warnings = r.problems().stream().filter(p -> p.severity() == Severity.WARNING).toList();
        assertEquals(2, warnings.size(), warnings.toString()); // Rate limiting: no Korean twin, no Japanese twin
        for (Problem p : warnings) {
            assertTrue(p.path().endsWith("editions/en/README.md"), p.toString());
            assertEquals(45, p.line(), p.toString());
            assertTrue(p.message().contains("'Rate limiting' has no twin"), p.toString());
        }
        assertTrue(r.problems().stream().anyMatch(p -> p.isNote() && p.message().equals(
                "editions ko and en: 8 pages matched (1 home, 0 by translationKey, 3 by diagram, 4 by position), 1 without a twin")),
                r.problems().toString());
        SiteConfig strict = config(tmp.resolve("site")).toBuilder().strict(true).build();
        BuildResult s = new Sd101().generate(strict);
        assertFalse(s.written());
        assertTrue(s.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR && p.message().contains("no twin")));
    }

    @Test
    void theSiteReportsEveryTwinAndItsRule(@TempDir Path tmp) {
        SiteBuild site = new Sd101().build(config(tmp.resolve("site")));
        String json = page(site, "editions.json");
        assertTrue(json.contains("{\"lang\":\"en\",\"prefix\":\"en/\",\"title\":\"System Design Notes\"},"
                + "{\"lang\":\"ja\",\"prefix\":\"ja/\",\"title\":\"システム設計ノート\"}"), json);
        assertTrue(json.contains("\"path\":\"en/database-replication/\",\"source\":\"src/test/resources/editions/en/README.md\","
                + "\"twins\":{\"ko\":{\"path\":\"데이터베이스-복제/\",\"rule\":\"diagram\"},\"ja\":{\"path\":\"ja/データベースのレプリケーション/\",\"rule\":\"diagram\"}}"), json);
        assertTrue(json.contains("\"path\":\"en/rate-limiting/\",\"source\":\"src/test/resources/editions/en/README.md\",\"twins\":{\"ko\":null,\"ja\":null}"), json);
    }

    @Test
    void oldReadmeAnchorsOfEachEditionLeadToTheirPage(@TempDir Path tmp) {
        SiteBuild site = new Sd101().build(config(tmp.resolve("site")));
        String enHome = Jsoup.parse(page(site, "en/index.html")).getElementById("sd101-anchors").data();
        assertTrue(enHome.contains("\"database-replication\":\"database-replication/\""), enHome);
        String koHome = Jsoup.parse(page(site, "index.html")).getElementById("sd101-anchors").data();
        assertTrue(koHome.contains("\"데이터베이스-복제\":\"데이터베이스-복제/\""), koHome);
        // A missed en/README.md#… lands on the root's 404 page, whose map sends it on within the en edition.
        String notFound = Jsoup.parse(page(site, "404.html")).getElementById("sd101-anchors").data();
        assertTrue(notFound.contains("\"en/#database-replication\":\"en/database-replication/\""), notFound);
        assertTrue(notFound.contains("\"ja/#データベースのレプリケーション\":\"ja/データベースのレプリケーション/\""), notFound);
        assertTrue(notFound.contains("\"데이터베이스-복제\":\"데이터베이스-복제/\""), notFound);
    }

    /**
     * The three READMEs show the same diagrams (../images/…): each is published once, at the top where the Korean
     * edition has it, and every edition's pages link that copy; an image of one edition only (the English rate
     * limiting diagram) stays under its prefix. The site's own check of every link passes (build() verifies).
     */
    @Test
    void imagesSharedByEditionsArePublishedOnce(@TempDir Path tmp) {
        SiteBuild site = new Sd101().build(config(tmp.resolve("site")));
        String dir = "generator/src/test/resources/editions/images/";
        List<String> svgs = site.copies().keySet().stream().filter(p -> p.endsWith(".svg")).sorted().toList();
        assertEquals(List.of("en/" + dir + "rate-limit.svg", dir + "cdn.svg", dir + "eviction.svg", dir + "replication.svg"), svgs);
        // Page-relative links to the one copy, from every edition (the Korean and Japanese pages are one level
        // deeper for their own folder, the English and Japanese ones for their prefix).
        assertEquals("../" + dir + "cdn.svg", Jsoup.parse(page(site, "cdn은-어떻게-작동하나요/index.html")).selectFirst("main img[alt]:not(.logo)").attr("src"));
        assertEquals("../../" + dir + "cdn.svg", Jsoup.parse(page(site, "en/how-does-a-cdn-work/index.html")).selectFirst("main img[alt]:not(.logo)").attr("src"));
        assertEquals("../../" + dir + "cdn.svg", Jsoup.parse(page(site, "ja/cdnはどのように動くのか/index.html")).selectFirst("main img[alt]:not(.logo)").attr("src"));
        assertEquals("../" + dir + "rate-limit.svg", Jsoup.parse(page(site, "en/rate-limiting/index.html")).selectFirst("main img[alt]:not(.logo)").attr("src"));
        // An old link to an edition's copy (en/…/cdn.svg) lands on the 404 page, whose map sends it to the one copy.
        String moved = Jsoup.parse(page(site, "404.html")).getElementById("sd101-moved").data();
        assertTrue(moved.contains("\"en/" + dir + "cdn.svg\":\"" + dir + "cdn.svg\""), moved);
        assertTrue(moved.contains("\"ja/" + dir + "replication.svg\":\"" + dir + "replication.svg\""), moved);
        assertFalse(moved.contains("rate-limit"), "an image of one edition has not moved: " + moved);
    }

    @Test
    void generateWritesTheWholeSite(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        BuildResult r = new Sd101().generate(config(out));
        assertTrue(r.written());
        assertTrue(Files.isRegularFile(out.resolve("en/how-does-a-cdn-work/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("ja/search/meta.json")));
        assertTrue(Files.isRegularFile(out.resolve("sitemap.xml")));
    }

    /**
     * serve's rebuild of a site of editions (built whole, written as what changed): the folder holds what generate
     * writes; a rebuild with nothing changed writes nothing, and an edit of one edition's file writes that edition's
     * page among others, not the whole site.
     */
    @Test
    void serveRebuildsWriteWhatGenerateWritesAndOnlyWhatChanged(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        try (var walk = Files.walk(FIXTURE)) {
            for (Path p : walk.toList()) {
                Path to = content.resolve(FIXTURE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        SiteConfig config = SiteConfig.builder(content).configFile(content.resolve("sd101.yml"))
                .outputDirectory(tmp.resolve("site")).build();
        Sd101 serve = new Sd101();
        dev.sd101.Rebuild first = serve.rebuild(config, null);
        assertTrue(first.result().written());
        Path fresh = tmp.resolve("generated");
        new Sd101().generate(config.toBuilder().outputDirectory(fresh).build());
        dev.sd101.SiteFiles.assertSameFiles(dev.sd101.SiteFiles.read(fresh), dev.sd101.SiteFiles.read(tmp.resolve("site")));
        assertEquals(java.util.Set.of(), serve.rebuild(config, null).changed(), "nothing changed, nothing written");

        Path english;
        try (var walk = Files.walk(content)) {
            english = walk.filter(p -> p.toString().endsWith(".md") && p.toString().contains("en")).findFirst().orElseThrow();
        }
        Files.writeString(english, Files.readString(english) + "\nOne more paragraph.\n");
        dev.sd101.Rebuild edited = serve.rebuild(config, java.util.Set.of(english));
        assertTrue(edited.changed().stream().anyMatch(p -> p.startsWith("en/") && p.endsWith(".html")), edited.changed().toString());
        assertTrue(edited.changed().size() < dev.sd101.SiteFiles.read(fresh).size() / 2, edited.changed().toString());
        new Sd101().generate(config.toBuilder().outputDirectory(fresh).build());
        dev.sd101.SiteFiles.assertSameFiles(dev.sd101.SiteFiles.read(fresh), dev.sd101.SiteFiles.read(tmp.resolve("site")));
    }
}
