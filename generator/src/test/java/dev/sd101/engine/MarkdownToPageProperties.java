package dev.sd101.engine;

import dev.sd101.BuildException;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import dev.sd101.SiteFiles;
import dev.sd101.markdown.Heading;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzzing the Markdown-to-page path with Markdown-ish documents from a small grammar (headings of mixed
 * scripts and punctuation, tables of contents, lists, quotes, tables, raw HTML, links to earlier ids): a
 * build either writes a sane site or throws {@link BuildException}, never anything else, and every heading
 * id lands on exactly one page. Bounded by the number of tries so that CI time stays fixed. An input that
 * ever failed goes into {@code src/test/resources/bad-input/} as a case of its own.
 */
class MarkdownToPageProperties {
    private final Sd101 engine = new Sd101();
    private final Path tmp;

    MarkdownToPageProperties() throws IOException {
        tmp = Files.createTempDirectory("sd101-fuzz");
    }

    @AfterProperty
    void cleanUp() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ 가나다 _-.:!?()&'\"`*/%#é").ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("<script>alert(1)</script>", "<b>bold</b>", "&amp;", "&#0;", "\\*", "`code`", "**strong**",
                        "[x](#x)", "<img src=x onerror=alert(1)>", "%E0%A4%A", "같은 제목", "Same Title", "⚠️", "🎉", "👩‍💻 dev", "İstanbul"));
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> text = words().list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(" ", l));
        Arbitrary<String> heading = Combinators.combine(Arbitraries.integers().between(1, 4), text)
                .as((level, t) -> "#".repeat(level) + " " + t + "\n\n");
        Arbitrary<String> block = Arbitraries.oneOf(
                heading, heading, heading,
                text.map(t -> t + "\n\n"),
                text.list().ofMinSize(1).ofMaxSize(4).map(l -> "- " + String.join("\n  - ", l) + "\n\n"),
                text.map(t -> "> " + t + "\n> > " + t + "\n\n"),
                text.map(t -> "| a | " + t + " |\n|---|---|\n| 1 | " + t + " |\n\n"),
                text.map(t -> "<details><summary>" + t + "</summary>\n\n" + t + "\n\n</details>\n\n"),
                text.map(t -> "```\n" + t + "\n```\n\n"),
                text.map(t -> "[link](#" + t.toLowerCase().replace(' ', '-') + ") ![img](" + t + ")\n\n"));
        // Sections a table of contents points at, so that the planner splits the document into pages.
        Arbitrary<String> sections = Combinators.combine(text.list().ofMinSize(2).ofMaxSize(6), block.list().ofMaxSize(6),
                Arbitraries.of(true, false)).as((titles, blocks, withToc) -> {
            StringBuilder toc = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < titles.size(); i++) {
                String level = i % 3 == 0 ? "## " : "### ";
                toc.append(level.equals("## ") ? "- [" : "  - [").append(titles.get(i)).append("](#")
                        .append(dev.sd101.anchor.GitHubSlugger.slug(titles.get(i))).append(")\n");
                body.append(level).append(titles.get(i)).append("\n\n");
                if (i < blocks.size()) {
                    body.append(blocks.get(i));
                }
            }
            return (withToc ? toc + "\n" : "") + body;
        });
        return Combinators.combine(sections, block.list().ofMaxSize(15))
                .as((main, blocks) -> "# Fuzz\n\n" + main + String.join("", blocks));
    }

    @Property(tries = 200, shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void buildsOrFailsCleanlyAndEveryIdLandsOnExactlyOnePage(@ForAll("documents") String markdown) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "case");
        Path src = dir.resolve("README.md");
        Files.writeString(src, markdown);
        Path site = dir.resolve("site");
        try {
            engine.generate(SiteConfig.builder(src).outputDirectory(site).build());
        } catch (BuildException e) {
            return; // a clean, located error is an allowed outcome; anything else fails the property
        }
        SiteFiles.assertSane(site);
        List<Document> pages = new ArrayList<>();
        for (Path html : SiteFiles.files(site, ".html")) {
            if (!html.getFileName().toString().equals("404.html")) {
                pages.add(SiteFiles.parse(html));
            }
        }
        for (Heading h : engine.anchors(src)) {
            if (h.id().isEmpty()) {
                continue; // GitHub gives such a heading (emoji only, say) no anchor to link to
            }
            long on = pages.stream().filter(p -> p.getElementById(h.id()) != null).count();
            assertEquals(1, on, "id '" + h.id() + "' (line " + h.line() + ") is on " + on + " pages");
        }
    }

}
