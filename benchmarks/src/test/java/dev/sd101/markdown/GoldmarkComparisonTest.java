package dev.sd101.markdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How close sd101 and goldmark (Hugo's Markdown engine) each come to GitHub, on the examples of the differential
 * test: every CommonMark spec example and GFM extension example rendered by cmark-gfm (the oracle), by sd101 (as
 * {@code generate} builds a page) and by Hugo with GitHub-like goldmark settings, all three normalised by
 * {@link GitHubHtml} exactly as the differential does. Prints the two counts and writes goldmark's differences to {@code target/goldmark-differential.txt}; it asserts only that every example
 * was rendered, never a figure. Skips when {@code hugo} or {@code cmark-gfm} is not installed.
 */
class GoldmarkComparisonTest {
    /** The generator module's test data, where the differential reads it. */
    static final Path GENERATOR = Path.of("../generator");
    /** Where goldmark's differences are written for review. */
    static final Path REPORT = Path.of("target/goldmark-differential.txt");

    /** goldmark as GitHub renders: raw HTML kept, GitHub's extensions on, no typographer, no heading ids. */
    static final String HUGO_CONFIG = """
            baseURL = "https://example.invalid/"
            disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
            uglyURLs = true
            enableEmoji = false
            [markup]
            defaultMarkdownHandler = "goldmark"
            [markup.highlight]
            codeFences = false
            [markup.goldmark.renderer]
            unsafe = true
            [markup.goldmark.parser]
            autoHeadingID = false
            [markup.goldmark.parser.attribute]
            block = false
            title = false
            [markup.goldmark.extensions]
            table = true
            strikethrough = true
            linkify = true
            linkifyProtocol = "http"
            taskList = true
            footnote = true
            typographer = false
            definitionList = false
            """;

    /**
     * Starts every page, so that an example with no content (a lone definition) still gets a file: Hugo writes no
     * empty file. Plain text, as Go's html/template drops comments.
     */
    static final String PAGE = "example:";

    @Test
    void sd101IsCloserToGitHubThanGoldmark(@TempDir Path tmp) throws IOException, InterruptedException {
        assumeTrue(onPath("hugo"), "hugo not found on PATH (apt-get install hugo); skipping");
        var cmark = CmarkGfm.find();
        assumeTrue(cmark.isPresent(), "cmark-gfm not found on PATH; skipping");
        List<SpecExamples.Example> examples = new java.util.ArrayList<>(new SpecExamples("cm").read(CommonMarkSpec.file()));
        examples.addAll(new SpecExamples("gfm").read(GENERATOR.resolve(GitHubDifferentialIT.EXTENSIONS)));
        Map<String, String> markdown = new LinkedHashMap<>();
        examples.forEach(e -> markdown.put(e.id(), e.markdown()));

        Map<String, String> ours = Sd101Bodies.render(markdown, tmp.resolve("sd101"));
        Map<String, String> goldmark = hugo(markdown, tmp.resolve("hugo"));
        List<String> missing = markdown.keySet().stream().filter(id -> !goldmark.containsKey(id)).toList();
        assertEquals(List.of(), missing, "examples Hugo wrote no page for");

        GitHubHtml html = new GitHubHtml();
        int sd101 = 0;
        int hugo = 0;
        StringBuilder report = new StringBuilder();
        for (SpecExamples.Example e : examples) {
            String expected = html.oracle(cmark.get().render(e.markdown()));
            String got = ours.get(e.id());
            if (!got.startsWith(Sd101Bodies.ABORTED) && expected.equals(html.sd101(got))) {
                sd101++;
            }
            // goldmark's output is raw renderer HTML, like cmark-gfm's: normalised the same way.
            String theirs = html.oracle(goldmark.get(e.id()));
            if (expected.equals(theirs)) {
                hugo++;
            } else {
                report.append("=== ").append(e.id()).append(" (").append(e.section()).append(")\n--- markdown\n")
                        .append(e.markdown()).append("--- cmark-gfm\n").append(expected).append("\n--- goldmark\n")
                        .append(theirs).append("\n\n");
            }
        }
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report.toString(), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "GitHub spec examples rendered as cmark-gfm does: sd101 %d/%d, goldmark (%s) %d/%d%n",
                sd101, examples.size(), hugoVersion(), hugo, examples.size());
    }

    /** One Hugo site of one page per example, built once; each page's layout prints only its content. */
    static Map<String, String> hugo(Map<String, String> markdown, Path site) throws IOException, InterruptedException {
        Files.createDirectories(site.resolve("content/e"));
        Files.createDirectories(site.resolve("layouts/_default"));
        Files.writeString(site.resolve("hugo.toml"), HUGO_CONFIG, StandardCharsets.UTF_8);
        Files.writeString(site.resolve("layouts/_default/single.html"), PAGE + "{{ .Content }}", StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : markdown.entrySet()) {
            // Front matter of our own, so that an example starting with ---, +++ or { is content, as on GitHub.
            Files.writeString(site.resolve("content/e/" + e.getKey() + ".md"),
                    "---\ntitle: \"" + e.getKey() + "\"\n---\n" + e.getValue(), StandardCharsets.UTF_8);
        }
        Process p = new ProcessBuilder("hugo", "--quiet", "-s", site.toString(), "-d", "public")
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("hugo failed: " + log);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : markdown.keySet()) {
            Path page = site.resolve("public/e/" + name + ".html");
            if (Files.exists(page)) {
                out.put(name, Files.readString(page, StandardCharsets.UTF_8).replaceFirst("^" + PAGE, ""));
            }
        }
        return out;
    }

    static String hugoVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("hugo", "version").redirectErrorStream(true).start();
        String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        String[] words = v.split(" ");
        return words.length > 1 ? "Hugo " + words[1] : v;
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
