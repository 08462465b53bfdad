package dev.sd101.markdown;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A one-page site built from Markdown text, for tests that read what a page's body became. */
final class ExtrasSite {
    private ExtrasSite() {
    }

    /**
     * The body of the article built from {@code markdown} (a folder with one file, {@code page.md}), without the title
     * the theme prints for a text that has no heading.
     */
    static Element body(Path dir, String markdown) throws IOException {
        return body(dir, markdown, b -> b);
    }

    static Element body(Path dir, String markdown, UnaryOperator<SiteConfig.Builder> config) throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("page.md"), markdown);
        Path site = dir.resolve("site");
        BuildResult r = new Sd101().generate(config.apply(SiteConfig.builder(docs).contentRoot(docs)
                .outputDirectory(site).siteTitle("Extras").search(false)).build());
        assertTrue(r.written(), () -> "not written: " + r.problems());
        Element main = Jsoup.parse(Files.readString(site.resolve("index.html"))).selectFirst("main");
        if (main != null) {
            // The theme's own title for a text without a heading of its own: not part of the Markdown's rendering.
            main.select("article.content > h1.page-title").remove();
        }
        return main;
    }
}
