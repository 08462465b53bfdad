package dev.sd101.markdown;

import dev.sd101.GoldenFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * GitHub's own parser as the oracle: every example of the CommonMark spec ({@link CommonMarkSpec}) and of GitHub's
 * extensions ({@code gfm/gfm-extensions.txt}) is built
 * by the real engine, as {@code generate} builds a page, and rendered by {@code cmark-gfm} with github.com's
 * extensions; the two are compared after {@link GitHubHtml}'s normalisation. The examples that still differ are
 * listed, each with its reason, in {@code gfm/differential-baseline.txt}: the test fails when an example not on the
 * list differs and when one on the list now matches, so the list only shrinks. Run with
 * {@code -Dsd101.update=true} ({@link GoldenFiles}) to rewrite the list (new entries say {@code TODO}: give each its reason).
 * Every difference is written to {@code target/differential/} for review.
 */
class GitHubDifferentialIT {
    static final Path BASELINE = Path.of("src/test/resources/gfm/differential-baseline.txt");
    static final Path BASELINE_DOCUMENTS = Path.of("src/test/resources/gfm/differential-documents-baseline.txt");
    static final Path EXTENSIONS = Path.of("src/test/resources/gfm/gfm-extensions.txt");
    static final Path REPORT = Path.of("target/differential");

    static CmarkGfm cmark;
    final GitHubHtml html = new GitHubHtml();

    @BeforeAll
    static void oracle() {
        boolean ci = "true".equals(System.getenv("CI"));
        var found = CmarkGfm.find();
        if (ci) {
            assertTrue(found.isPresent(), "cmark-gfm is not installed (apt-get install cmark-gfm)");
        }
        assumeTrue(found.isPresent(), "cmark-gfm not found on PATH; skipping");
        cmark = found.get();
    }

    static List<SpecExamples.Example> examples() throws IOException {
        List<SpecExamples.Example> all = new ArrayList<>(new SpecExamples("cm").read(CommonMarkSpec.file()));
        all.addAll(new SpecExamples("gfm").read(EXTENSIONS));
        return all;
    }

    @Test
    void specExamplesRenderAsGitHubDoes(@TempDir Path tmp) throws IOException {
        List<SpecExamples.Example> examples = examples();
        Map<String, String> markdown = new LinkedHashMap<>();
        for (SpecExamples.Example e : examples) {
            markdown.put(e.id(), e.markdown());
        }
        Map<String, String> ours = Sd101Bodies.render(markdown, tmp);
        Map<String, String> differing = new TreeMap<>(Baseline.ORDER);
        int matches = 0;
        Files.createDirectories(REPORT);
        StringBuilder report = new StringBuilder();
        for (SpecExamples.Example e : examples) {
            String expected = html.oracle(cmark.render(e.markdown()));
            String got = ours.get(e.id());
            String actual = got.startsWith(Sd101Bodies.ABORTED) ? got : html.sd101(got);
            if (expected.equals(actual)) {
                matches++;
            } else {
                differing.put(e.id(), e.section());
                report.append("=== ").append(e.id()).append(" (").append(e.section()).append(")\n--- markdown\n")
                        .append(e.markdown()).append("--- cmark-gfm\n").append(expected).append("\n--- sd101\n")
                        .append(actual).append("\n\n");
            }
        }
        Files.writeString(REPORT.resolve("spec.txt"), report.toString(), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "differential: sd101 matches cmark-gfm on %d/%d examples (%d CommonMark, %d GFM)%n",
                matches, examples.size(), examples.stream().filter(e -> e.id().startsWith("cm-")).count(),
                examples.stream().filter(e -> e.id().startsWith("gfm-")).count());
        new Baseline(BASELINE).check(differing, false);
    }

    /**
     * The same comparison on real documents: this repository's {@code content/README-ko.md}, and where the shared data
     * set is present, the upstream README, its translations and the guides of {@code upstream-main} (read where they
     * are, never copied into the repository). Front matter is taken out of cmark-gfm's input: github.com shows it as
     * a table, sd101 reads it as the page's settings (a documented difference). Each differing file is a baseline
     * entry like an example.
     */
    @Test
    void realDocumentsRenderAsGitHubDoes(@TempDir Path tmp) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        Path repo = Path.of(System.getProperty("sd101.repo", Path.of("").toAbsolutePath().getParent().toString()));
        files.put("content/README-ko.md", repo.resolve("content/README-ko.md"));
        String shared = System.getProperty("sd101.shared");
        Path data = shared != null ? Path.of(shared) : repo.resolve("../shared/sd101");
        for (String set : List.of("upstream", "upstream-main")) {
            Path dir = data.resolve(set);
            if (Files.isDirectory(dir)) {
                try (var walk = Files.walk(dir)) {
                    walk.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("LICENSE.md"))
                            .sorted().forEach(p -> files.put(set + "/" + dir.relativize(p).toString().replace('\\', '/'), p));
                }
            } else {
                System.out.println("differential: " + dir + " not found; comparing without it");
            }
        }
        Map<String, String> markdown = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, Path> f : files.entrySet()) {
            String name = String.format(Locale.ROOT, "doc-%04d", names.size() + 1);
            names.put(name, f.getKey());
            markdown.put(name, Files.readString(f.getValue(), StandardCharsets.UTF_8));
        }
        Map<String, String> ours = Sd101Bodies.render(markdown, tmp);
        Map<String, String> differing = new TreeMap<>(Baseline.ORDER);
        StringBuilder report = new StringBuilder();
        int matches = 0;
        for (Map.Entry<String, String> n : names.entrySet()) {
            String text = markdown.get(n.getKey());
            String expected = html.oracle(cmark.render(withoutFrontMatter(text)));
            String got = ours.get(n.getKey());
            String actual = got.startsWith(Sd101Bodies.ABORTED) ? got : html.sd101(got);
            if (expected.equals(actual)) {
                matches++;
            } else {
                differing.put("file:" + n.getValue(), "real document");
                report.append("=== ").append(n.getValue()).append("\n--- cmark-gfm\n").append(expected)
                        .append("\n--- sd101\n").append(actual).append("\n\n");
            }
        }
        Files.createDirectories(REPORT);
        Files.writeString(REPORT.resolve("documents.txt"), report.toString(), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "differential: sd101 matches cmark-gfm on %d/%d real documents%n", matches, names.size());
        new Baseline(BASELINE_DOCUMENTS).check(differing, !Files.isDirectory(data));
    }

    /** The text with its front matter blanked (lines kept), as sd101 reads it. */
    static String withoutFrontMatter(String text) {
        var fm = dev.sd101.content.FrontMatter.parse(text, "doc");
        if (fm.line() == 0) {
            return text;
        }
        int end = fm.endOffset();
        return text.substring(0, end).replaceAll("[^\n]", "") + text.substring(end);
    }
}
