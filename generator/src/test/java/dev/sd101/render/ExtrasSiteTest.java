package dev.sd101.render;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import dev.sd101.SiteFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The theme's optional scripts (highlighting and copy buttons, KaTeX, Mermaid) are referenced only by the pages
 * that need them, and their vendored files are written only into sites that use them; a plain page loads nothing
 * extra. Prints the gzip size of what each kind of page loads.
 */
class ExtrasSiteTest {
    private static final Path EXTRAS = Path.of("src/test/resources/golden/extras/input").toAbsolutePath();
    /** What a page may load beyond the theme's own site.css/site.js/search files. */
    private static final List<String> OPTIONAL = List.of("assets/code.css", "assets/code.js", "assets/math.js",
            "assets/mermaid.js", "assets/vendor/");

    @TempDir
    Path tmp;

    private Path build(Path source, Path root, String name) {
        Path out = tmp.resolve(name);
        BuildResult r = new Sd101().generate(SiteConfig.builder(source).contentRoot(root).outputDirectory(out)
                .language("en").search(false).build());
        assertTrue(r.written(), r.problems().toString());
        return out;
    }

    /** The {@code src}/{@code href} of every script and style sheet the page loads. */
    private static List<String> loads(Path page) throws IOException {
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        List<String> out = new ArrayList<>();
        doc.select("script[src]").forEach(s -> out.add(s.attr("src")));
        doc.select("link[rel=stylesheet]").forEach(l -> out.add(l.attr("href")));
        return out;
    }

    private static List<String> optional(List<String> loads) {
        return loads.stream().filter(u -> OPTIONAL.stream().anyMatch(u::contains)).toList();
    }

    @Test
    void aPageLoadsTheScriptsOfWhatItHoldsAndAPlainPageNone() throws IOException {
        Path site = build(EXTRAS, EXTRAS, "extras");
        assertEquals(List.of("assets/vendor/highlight/highlight.min.js", "assets/code.js",
                        "assets/vendor/katex/katex.min.js", "assets/math.js", "assets/mermaid.js",
                        "assets/code.css", "assets/vendor/katex/katex.min.css"),
                optional(loads(site.resolve("index.html"))));
        assertEquals(List.of(), optional(loads(site.resolve("plain/index.html"))));
        assertEquals(List.of(), optional(loads(site.resolve("404.html"))));
        for (String folder : List.of("highlight", "katex", "mermaid")) {
            assertTrue(Files.isDirectory(site.resolve("assets/vendor").resolve(folder)), folder);
        }
        assertTrue(Files.exists(site.resolve("assets/vendor/mermaid/LICENSE")), "each vendored script ships its licence");
        assertTrue(Files.exists(site.resolve("assets/vendor/NOTICE")));
    }

    @Test
    void aSiteOfPlainPagesHasNoVendoredScripts() throws IOException {
        Path site = build(EXTRAS.resolve("plain.md"), EXTRAS, "plain");
        assertFalse(Files.exists(site.resolve("assets/vendor")), "no vendor folder");
        assertEquals(List.of(), optional(loads(site.resolve("index.html"))));
    }

    @Test
    void aPageWithOnlyUnnamedCodeGetsTheCopyButtonButNoHighlighter() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("unnamed"));
        Files.writeString(dir.resolve("README.md"), "# Unnamed\n\n    indented code\n\n```\nfenced, no language\n```\n");
        Path site = build(dir.resolve("README.md"), dir, "unnamed-site");
        assertEquals(List.of("assets/code.js", "assets/code.css"), optional(loads(site.resolve("index.html"))));
        assertFalse(Files.exists(site.resolve("assets/vendor/highlight")));
    }

    @Test
    void theReadmeKoSiteLoadsNoneOfThem() throws IOException {
        Path repo = Path.of(System.getProperty("sd101.repo", "..")).toAbsolutePath().normalize();
        Path site = build(repo.resolve("content/README-ko.md"), repo, "readme-ko");
        List<String> pagesWithExtras = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(site)) {
            for (Path p : (Iterable<Path>) pages.filter(f -> f.toString().endsWith(".html"))::iterator) {
                if (!optional(loads(p)).isEmpty()) {
                    pagesWithExtras.add(site.relativize(p).toString());
                }
            }
        }
        assertEquals(List.of(), pagesWithExtras);
        assertFalse(Files.exists(site.resolve("assets/vendor")));
    }

    /**
     * The gzip size of what each kind of page loads, printed; the caps only catch a heavier build swapped in (the
     * single-file mermaid.min.js is 1.6 MB gzipped), they are not speed targets.
     */
    @Test
    void assetSizes() throws IOException {
        Path site = build(EXTRAS, EXTRAS, "sizes");
        long code = report(site, "code blocks", "assets/code.css", "assets/code.js", "assets/vendor/highlight/highlight.min.js");
        long math = report(site, "math (fonts apart)", "assets/vendor/katex/katex.min.css", "assets/vendor/katex/katex.min.js", "assets/math.js");
        long mermaid = report(site, "mermaid entry (its diagram chunks apart)", "assets/mermaid.js", "assets/vendor/mermaid/mermaid.esm.min.mjs");
        long fonts = folder(site.resolve("assets/vendor/katex/fonts"));
        long chunks = folder(site.resolve("assets/vendor/mermaid/chunks"));
        System.out.printf("assets: katex fonts %d KB (woff2, each fetched only when a glyph needs it); mermaid chunks"
                + " %d KB gzip in all (a page fetches those of its diagram types)%n", fonts / 1024, chunks / 1024);
        assertTrue(code < 60 * 1024, "code: " + code);
        assertTrue(math < 100 * 1024, "math: " + math);
        assertTrue(mermaid < 60 * 1024, "mermaid entry: " + mermaid);
    }

    private static long report(Path site, String what, String... files) throws IOException {
        long raw = 0;
        long gz = 0;
        for (String f : files) {
            byte[] bytes = Files.readAllBytes(site.resolve(f));
            raw += bytes.length;
            gz += SiteFiles.gzipSize(bytes);
        }
        System.out.printf("assets: a page with %s loads %d KB, %d KB gzip (%s)%n", what, raw / 1024, gz / 1024,
                String.join(", ", files));
        return gz;
    }

    /** Gzip size of a folder's files (woff2 fonts are compressed already: their size as is). */
    private static long folder(Path dir) throws IOException {
        long sum = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] bytes = Files.readAllBytes(f);
                sum += f.toString().endsWith(".woff2") ? bytes.length : SiteFiles.gzipSize(bytes);
            }
        }
        return sum;
    }
}
