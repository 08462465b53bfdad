package dev.sd101.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;

import dev.sd101.anchor.UniqueIds;

/**
 * Test scaffolding standing in for the engine: renders {@code content/README-ko.md} with flexmark and splits it
 * into one {@link SearchPage} per {@code ###} article (category = the enclosing {@code ##}), with GitHub heading
 * ids. The home page (title and table of contents) is left out: its TOC repeats every title and is navigation,
 * not content.
 */
final class ReadmeKoPages {
    private ReadmeKoPages() {
    }

    /** The repository root (surefire sets {@code sd101.repo}; otherwise the working directory's parent). */
    static Path repo() {
        String p = System.getProperty("sd101.repo");
        return p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
    }

    /** The shared data folder, or a skipped test when it is absent. */
    static Path shared() {
        String p = System.getProperty("sd101.shared");
        Path dir = p != null ? Path.of(p) : repo().resolve("../shared/sd101");
        assumeTrue(Files.isDirectory(dir), "shared test data not found at " + dir + " (../shared/sd101); skipping");
        return dir;
    }

    static List<SearchPage> load() throws IOException {
        return pages(Files.readString(repo().resolve("content/README-ko.md")));
    }

    static List<SearchPage> pages(String markdown) {
        MutableDataSet options = new MutableDataSet().set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        String html = HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(markdown));
        Element body = Jsoup.parseBodyFragment(html).body();
        UniqueIds ids = new UniqueIds();
        List<SearchPage> pages = new ArrayList<>();
        String category = "";
        StringBuilder current = null;
        String url = null;
        String title = null;
        String pageCategory = null;
        for (Element el : body.children()) {
            if (el.normalName().matches("h[1-6]")) {
                el.attr("id", ids.next(el.text()));
            }
            if (el.normalName().equals("h1") || el.normalName().equals("h2") || el.normalName().equals("h3")) {
                if (current != null) {
                    pages.add(new SearchPage(url, title, List.of(pageCategory), current.toString()));
                    current = null;
                }
                if (el.normalName().equals("h2")) {
                    category = el.text();
                } else if (el.normalName().equals("h3")) {
                    current = new StringBuilder();
                    url = el.id() + "/";
                    title = el.text();
                    pageCategory = category;
                }
            }
            if (current != null) {
                current.append(el.outerHtml()).append('\n');
            }
        }
        if (current != null) {
            pages.add(new SearchPage(url, title, List.of(pageCategory), current.toString()));
        }
        return pages;
    }
}
