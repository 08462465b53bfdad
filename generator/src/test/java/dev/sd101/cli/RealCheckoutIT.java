package dev.sd101.cli;

import dev.sd101.cli.Main;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A new user's first run on a real checkout of System Design 101 (its layout: {@code translations/README-ko.md}
 * beside {@code images/}, the seed and diagrams read from the shared data, never committed), through the CLI
 * with no option but the source: the repository is the content root, so every diagram GitHub shows is
 * published and shown on its article page; the one the snapshot lacks is reported and shown as its alt text.
 */
class RealCheckoutIT {
    private static final String MISSING = "cloud-dbs2.png";

    @TempDir
    Path tmp;
    Path repo;
    Path source;
    Path images;
    List<String> diagrams;

    record Run(int exit, String out, String err) {
        List<String> problems() {
            // Paths are shown relative to the working folder when below it, else in full: keep the part in the repository.
            return (out + err).lines().map(l -> l.replaceFirst("^\\S*?(translations/README-ko\\.md:\\d+:\\d+: )", "$1"))
                    .filter(l -> l.matches("translations/README-ko\\.md:\\d+:\\d+: (error|warning): .*")).sorted().toList();
        }
    }

    @BeforeEach
    void checkout() throws IOException, InterruptedException {
        String p = System.getProperty("sd101.shared");
        Path shared = p != null ? Path.of(p) : Path.of("../../shared/sd101");
        assumeTrue(Files.isRegularFile(shared.resolve("README-ko.seed.md")) && Files.isDirectory(shared.resolve("images")),
                "shared test data not found at " + shared + " (../shared/sd101); skipping");
        repo = Files.createDirectories(tmp.resolve("system-design-101"));
        gitInit(repo);
        source = Files.createDirectories(repo.resolve("translations")).resolve("README-ko.md");
        Files.copy(shared.resolve("README-ko.seed.md"), source);
        images = Files.createDirectories(repo.resolve("images"));
        diagrams = new ArrayList<>();
        try (Stream<Path> files = Files.list(shared.resolve("images"))) {
            for (Path f : files.sorted().toList()) {
                Files.copy(f, images.resolve(f.getFileName().toString()));
                diagrams.add(f.getFileName().toString());
            }
        }
        assertEquals(67, diagrams.size(), "the shared snapshot holds 67 of the 68 diagrams");
    }

    /** A real {@code git init} where git is installed; else the {@code .git} folder it would make. */
    private static void gitInit(Path dir) throws IOException, InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "init", "-q", dir.toString()).redirectErrorStream(true).start();
            git.getInputStream().readAllBytes();
            if (git.waitFor() == 0 && Files.isDirectory(dir.resolve(".git"))) {
                return;
            }
        } catch (IOException e) {
            // no git on this machine
        }
        Files.createDirectories(dir.resolve(".git"));
    }

    private static Run sd101(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err), Map.copyOf(System.getenv()));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void generateWithNoOptionPublishesEveryDiagramOnItsArticlePage() throws IOException {
        Run run = sd101("generate", "--source", source.toString());
        assertEquals(0, run.exit(), run.err());
        Path site = repo.resolve("site");
        for (String name : diagrams) {
            assertArrayEquals(Files.readAllBytes(images.resolve(name)), Files.readAllBytes(site.resolve("images").resolve(name)), name);
        }
        TreeSet<String> shown = new TreeSet<>();
        int placeholders = 0;
        try (Stream<Path> pages = Files.walk(site)) {
            for (Path page : pages.filter(f -> f.getFileName().toString().equals("index.html")).toList()) {
                Document dom = Jsoup.parse(page.toFile(), "UTF-8");
                for (Element img : dom.select("main img")) {
                    String src = img.attr("src");
                    assertTrue(!src.isBlank(), page + ": an <img> without src");
                    if (!src.contains("://")) {
                        Path file = page.getParent().resolve(URLDecoder.decode(src, StandardCharsets.UTF_8)).normalize();
                        assertTrue(Files.isRegularFile(file), page + ": " + src + " is not in the site");
                        shown.add(file.getFileName().toString());
                    }
                }
                for (Element missing : dom.select("main .image-unpublished")) {
                    placeholders++;
                    assertTrue(missing.attr("title").endsWith("../images/" + MISSING), missing.outerHtml());
                    assertTrue(!missing.attr("aria-label").isBlank() && missing.attr("aria-label").equals(missing.attr("data-alt")));
                }
            }
        }
        assertEquals(new TreeSet<>(diagrams), shown, "every diagram is shown on a page");
        assertEquals(1, placeholders, "only the diagram the snapshot lacks is a placeholder");
        assertEquals(List.of("translations/README-ko.md:591:8: warning: image ../images/" + MISSING + ": no such file; it is"
                        + " shown as its alt text until the file is added or --image-base-url (imageBaseUrl) names a URL that serves"
                        + " missing images"),
                run.problems().stream().filter(l -> l.contains("image")).toList());
    }

    @Test
    void checkWithNoOptionReportsTheBrokenLinkTheTwoCaseOnlyAnchorsAndTheMissingDiagram() {
        Run run = sd101("check", "--source", source.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        List<String> lines = run.problems().stream().map(l -> l.replaceFirst("^(\\S+: \\w+): .*", "$1")).toList();
        assertEquals(List.of("translations/README-ko.md:46:5: error", "translations/README-ko.md:51:5: warning",
                "translations/README-ko.md:54:5: warning", "translations/README-ko.md:591:8: warning"), lines);
    }

    @Test
    void outsideGitTheDiagramsOneFolderUpAreReportedWithTheFixAndShownAsPlaceholders() throws IOException {
        deleteTree(repo.resolve(".git"));
        Run run = sd101("generate", "--source", source.toString(), "--output", tmp.resolve("site").toString());
        assertEquals(0, run.exit(), run.err());
        List<String> outside = run.problems().stream().filter(l -> l.contains("is outside the content root")).toList();
        assertEquals(68, outside.size(), "each of the 68 references, the missing diagram's too: " + run.err());
        assertTrue(outside.get(0).contains("pass --root (contentRoot) a folder that holds it, or --image-base-url (imageBaseUrl)"),
                outside.get(0));
        int placeholders = 0;
        try (Stream<Path> pages = Files.walk(tmp.resolve("site"))) {
            for (Path page : pages.filter(f -> f.getFileName().toString().endsWith(".html")).toList()) {
                Document dom = Jsoup.parse(page.toFile(), "UTF-8");
                for (Element img : dom.select("img")) {
                    assertTrue(!img.attr("src").isBlank(), page + ": an <img> without src: " + img);
                }
                placeholders += dom.select("main .image-unpublished").size();
            }
        }
        assertEquals(68, placeholders);
        // --root still wins, and --strict makes an unpublished image fail the build.
        assertEquals(0, sd101("generate", "--source", source.toString(), "--root", repo.toString(),
                "--output", tmp.resolve("site2").toString()).exit());
        Run strict = sd101("generate", "--strict", "--source", source.toString(), "--output", tmp.resolve("site3").toString());
        assertEquals(1, strict.exit());
        assertTrue(Files.notExists(tmp.resolve("site3")));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
