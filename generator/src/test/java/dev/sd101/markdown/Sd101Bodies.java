package dev.sd101.markdown;

import dev.sd101.Sd101;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Page bodies as {@code generate} writes them: each Markdown text is a file of one folder, the folder is built by the
 * real engine in memory (pages never split, and GitHub's behaviour where sd101 differs on purpose: empty alt text kept, heading levels kept), and each page's
 * {@code <article>} is cut out (without the title the theme prints for a text that has no heading). A build that aborts is retried file by file, so that one aborting example is marked
 * {@link #ABORTED} and does not hide the others.
 */
final class Sd101Bodies {
    static final String ABORTED = "ABORTED: ";
    private static final int CHUNK = 100;

    private Sd101Bodies() {
    }

    static Map<String, String> render(Map<String, String> markdown, Path tmp) throws IOException {
        return render(markdown, tmp, b -> b);
    }

    /** Name → body HTML, for Markdown texts keyed by a file name without {@code .md}. */
    static Map<String, String> render(Map<String, String> markdown, Path tmp, UnaryOperator<SiteConfig.Builder> options)
            throws IOException {
        Sd101 engine = new Sd101();
        Map<String, String> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(markdown.keySet());
        int run = 0;
        for (int from = 0; from < names.size(); from += CHUNK) {
            List<String> chunk = names.subList(from, Math.min(names.size(), from + CHUNK));
            try {
                out.putAll(build(engine, markdown, chunk, tmp.resolve("b" + run++), options));
            } catch (RuntimeException e) {
                System.out.println("differential: a build of " + chunk.size() + " examples aborted, building each alone: " + e);
                for (String name : chunk) {
                    try {
                        out.putAll(build(engine, markdown, List.of(name), tmp.resolve("b" + run++), options));
                    } catch (RuntimeException one) {
                        out.put(name, ABORTED + one);
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, String> build(Sd101 engine, Map<String, String> markdown, List<String> names, Path dir,
                                             UnaryOperator<SiteConfig.Builder> options) throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        // The home page, so that every example is a page of its own even when built alone.
        Files.writeString(content.resolve("README.md"), "Examples\n", StandardCharsets.UTF_8);
        for (String name : names) {
            Files.writeString(content.resolve(name + ".md"), markdown.get(name), StandardCharsets.UTF_8);
        }
        SiteConfig config = options.apply(SiteConfig.builder(content).contentRoot(content).outputDirectory(dir.resolve("site"))
                .language("en").splitLevel(-1).search(false).fillEmptyAlt(false).shiftHeadings(false)).build();
        SiteBuild site = engine.build(config);
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            byte[] page = site.files().get(name + "/index.html");
            if (page == null) {
                out.put(name, ABORTED + "no page " + name + "/index.html; problems: " + site.result().problems());
                continue;
            }
            org.jsoup.nodes.Document dom = Jsoup.parse(new String(page, StandardCharsets.UTF_8));
            dom.outputSettings().prettyPrint(false);
            Element article = dom.selectFirst("article.content");
            if (article != null) {
                // The theme's own title for a text without a heading of its own: not part of the Markdown's rendering.
                article.select("> h1.page-title").remove();
            }
            out.put(name, article == null ? ABORTED + "no <article>" : article.html());
        }
        return out;
    }
}
