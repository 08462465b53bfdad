package dev.sd101.site;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import dev.sd101.anchor.UniqueIds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * End to end on this repository's real document, content/README-ko.md: the split, every heading's
 * GitHub id on the page it belongs to, and image paths. The expected page of each heading is worked out
 * here from the source lines, independently of the engine's planner.
 */
class ReadmeKoSiteIT {
    static final String UPSTREAM_IMAGES =
            "https://raw.githubusercontent.com/ByteByteGoHq/system-design-101/fb0fc45374b3c159ccd82207ef02ece0dc755f14/images/";
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

    @TempDir
    static Path tmp;
    static Path repo;
    static Path site;
    static BuildResult result;

    record SourceHeading(int level, String id, int line) {
    }

    @BeforeAll
    static void build() {
        repo = Path.of(System.getProperty("sd101.repo", "..")).toAbsolutePath().normalize();
        site = tmp.resolve("site");
        result = new Sd101().generate(SiteConfig.builder(repo.resolve("content/README-ko.md"))
                .contentRoot(repo)
                .outputDirectory(site)
                .language("ko")
                .imageBaseUrl(UPSTREAM_IMAGES)
                .build());
    }

    /** Headings read straight from the Markdown lines (the README has no setext headings or fences with #). */
    static List<SourceHeading> sourceHeadings(Path file) throws IOException {
        List<SourceHeading> out = new ArrayList<>();
        UniqueIds ids = new UniqueIds();
        List<String> lines = Files.readAllLines(file);
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            Matcher m = HEADING.matcher(line);
            if (!fenced && m.matches()) {
                String text = m.group(2).replace("\\>", ">").replace("\\<", "<");
                out.add(new SourceHeading(m.group(1).length(), ids.next(text), i + 1));
            }
        }
        return out;
    }

    @Test
    void theHomePagesDescriptionIsItsFirstRealParagraphNotTheBadgeLine() throws IOException {
        Document home = Jsoup.parse(Files.readString(site.resolve("index.html")));
        // README-ko opens with a banner, a "YouTube | Newsletter" link bar and a badge; the first paragraph
        // that says something is the one under "# System Design 101".
        assertEquals("시각 자료와 간단한 용어를 사용하여 복잡한 시스템을 설명합니다.",
                home.selectFirst("meta[name=description]").attr("content"));
        assertEquals(home.selectFirst("meta[name=description]").attr("content"),
                home.selectFirst("meta[property=og:description]").attr("content"));
    }

    @Test
    void everyArticleOfTheTableOfContentsHasItsPage() throws IOException {
        List<SourceHeading> headings = sourceHeadings(repo.resolve("content/README-ko.md"));
        long articles = headings.stream().filter(h -> h.level() == 3).count();
        assertEquals(66, articles);
        for (SourceHeading h : headings) {
            if (h.level() == 2 || h.level() == 3) {
                assertTrue(Files.isRegularFile(site.resolve(h.id()).resolve("index.html")), "page for " + h.id());
            }
        }
        assertEquals(1 + 14 + 1 + 66, result.pages(), "home, 14 categories, License, 66 articles");
    }

    @Test
    void every83HeadingIdExistsExactlyOnceOnThePageItBelongsTo() throws IOException {
        List<SourceHeading> headings = sourceHeadings(repo.resolve("content/README-ko.md"));
        assertEquals(83, headings.size());
        Map<String, List<String>> found = new HashMap<>();
        try (Stream<Path> pages = Files.walk(site)) {
            for (Path page : (Iterable<Path>) pages.filter(p -> p.getFileName().toString().equals("index.html"))::iterator) {
                Document doc = Jsoup.parse(page.toFile(), "UTF-8");
                for (Element el : doc.select("main [id]")) {
                    if (el.normalName().matches("h[1-6]")) {
                        found.computeIfAbsent(el.id(), k -> new ArrayList<>()).add(site.relativize(page.getParent()).toString());
                    }
                }
            }
        }
        String page = "";
        for (SourceHeading h : headings) {
            if (h.level() == 2 || h.level() == 3) {
                page = h.id();
            }
            assertEquals(List.of(page), found.get(h.id()), "pages holding #" + h.id() + " (line " + h.line() + ")");
        }
        assertEquals(83, found.size());
    }

    @Test
    void noImageStillPointsIntoTheUpstreamLayout() throws IOException {
        try (Stream<Path> pages = Files.walk(site)) {
            for (Path page : (Iterable<Path>) pages.filter(p -> p.toString().endsWith(".html"))::iterator) {
                for (Element img : Jsoup.parse(page.toFile(), "UTF-8").select("img[src]")) {
                    assertFalse(img.attr("src").startsWith("../images/"), page + ": " + img);
                }
            }
        }
        Document grpc = Jsoup.parse(site.resolve("grpc는-어떻게-작동하나요/index.html").toFile(), "UTF-8");
        assertEquals(UPSTREAM_IMAGES + "grpc.jpg", grpc.selectFirst("article img").attr("src"));
    }

    @Test
    void homeKeepsTheTableOfContentsWithLinksToTheArticlePages() throws IOException {
        Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertEquals("grpc는-어떻게-작동하나요/#grpc는-어떻게-작동하나요",
                home.selectFirst("nav.document-toc a[href^=grpc]").attr("href"));
        // The old TOC's case-only link lands on the real id.
        assertTrue(home.select("nav.document-toc a").stream()
                .anyMatch(a -> a.attr("href").equals("sql-쿼리-시각화/#sql-쿼리-시각화")));
        String anchors = home.getElementById("sd101-anchors").data();
        assertTrue(anchors.contains("\"grpc는-어떻게-작동하나요\":\"grpc는-어떻게-작동하나요/\""), anchors);
    }

    @Test
    void imagesFromTheUpstreamLayoutAreCopiedWithTheirSizes(@TempDir Path work) throws IOException {
        Path shared = Path.of(System.getProperty("sd101.shared", "../../shared/sd101"));
        assumeTrue(Files.isDirectory(shared.resolve("images")),
                "skipped: the upstream images are not at " + shared.resolve("images") + " (test data absent)");
        Path root = work.resolve("upstream");
        Files.createDirectories(root.resolve("translations"));
        Files.copy(repo.resolve("content/README-ko.md"), root.resolve("translations/README-ko.md"));
        Files.createDirectories(root.resolve("images"));
        try (Stream<Path> images = Files.list(shared.resolve("images"))) {
            for (Path img : (Iterable<Path>) images::iterator) {
                Files.copy(img, root.resolve("images").resolve(img.getFileName().toString()));
            }
        }
        Path out = work.resolve("site");
        BuildResult r = new Sd101().generate(SiteConfig.builder(root.resolve("translations/README-ko.md"))
                .contentRoot(root).outputDirectory(out).language("ko").imageBaseUrl(UPSTREAM_IMAGES).search(false).build());
        // The shared data lacks one image of the upstream tree: it alone falls back to the upstream URL.
        assertEquals(List.of("cloud-dbs2.png"), r.problems().stream()
                .filter(p -> p.message().startsWith("image "))
                .map(p -> p.message().replaceAll(".*images/(\\S+) not found.*", "$1")).distinct().toList());
        Element img = Jsoup.parse(out.resolve("grpc는-어떻게-작동하나요/index.html").toFile(), "UTF-8").selectFirst("article img");
        assertEquals("../images/grpc.jpg", img.attr("src"));
        assertTrue(Files.isRegularFile(out.resolve("images/grpc.jpg")));
        assertTrue(Integer.parseInt(img.attr("width")) > 0 && Integer.parseInt(img.attr("height")) > 0, img.toString());
    }
}
