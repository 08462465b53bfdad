package dev.sd101.render;

import dev.sd101.Sd101;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import dev.sd101.cli.Main;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two places sd101 differs from GitHub on purpose, each with its switch back to GitHub's rendering, from the
 * builder, the site config file and the command line (the Maven parameters are tested in the plugin): an image with
 * empty alt text takes its section's heading, and a page whose title is an {@code h2} has its headings moved up.
 */
class GitHubDifferencesTest {
    private static final String PAGE = "## Caching\n\n![](diagram.png)\n\n### Eviction\n\nText.\n";

    @TempDir
    Path dir;

    private Path docs() throws IOException {
        Path docs = dir.resolve("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("README.md"), "# Home\n");
        Files.writeString(docs.resolve("caching.md"), PAGE);
        return docs;
    }

    private static Element article(SiteBuild site) {
        return Jsoup.parse(new String(site.files().get("caching/index.html"), StandardCharsets.UTF_8)).selectFirst("article");
    }

    private SiteConfig.Builder builder(Path docs) {
        return SiteConfig.builder(docs).contentRoot(docs).outputDirectory(dir.resolve("site")).search(false);
    }

    @Test
    void byDefaultAltTextIsFilledAndHeadingsMoveUp() throws IOException {
        Element article = article(new Sd101().build(builder(docs()).build()));
        assertEquals("Caching", article.selectFirst(".image-unpublished").attr("aria-label"));
        assertEquals("h1", article.selectFirst("#caching").normalName());
        assertEquals("h2", article.selectFirst("#eviction").normalName());
    }

    @Test
    void theSwitchesGiveGitHubsRendering() throws IOException {
        Element article = article(new Sd101().build(builder(docs()).fillEmptyAlt(false).shiftHeadings(false).build()));
        assertGitHubs(article);
    }

    @Test
    void theSiteConfigFileSetsThem() throws IOException {
        Path docs = docs();
        Files.writeString(docs.resolve("sd101.yml"), "fillEmptyAlt: false\nshiftHeadings: false\n");
        SiteConfig config = builder(docs).build();
        assertEquals(false, config.fillEmptyAlt());
        assertEquals(false, config.shiftHeadings());
        assertGitHubs(article(new Sd101().build(config)));
        // An explicit value beats the file.
        assertEquals(true, builder(docs).fillEmptyAlt(true).build().fillEmptyAlt());
    }

    @Test
    void theCommandLineSetsThem() throws IOException {
        Path docs = docs();
        Path out = dir.resolve("cli-site");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[]{"generate", "--source", docs.toString(), "--root", docs.toString(),
                "--output", out.toString(), "--no-search", "--keep-empty-alt", "--keep-heading-levels"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertGitHubs(Jsoup.parse(Files.readString(out.resolve("caching/index.html"))).selectFirst("article"));
    }

    private static void assertGitHubs(Element article) {
        assertEquals("", article.selectFirst(".image-unpublished").attr("aria-label"));
        assertEquals("h2", article.selectFirst("#caching").normalName());
        assertEquals("h3", article.selectFirst("#eviction").normalName());
    }
}
