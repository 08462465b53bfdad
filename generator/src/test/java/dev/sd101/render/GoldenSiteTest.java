package dev.sd101.render;

import dev.sd101.BuildResult;
import dev.sd101.GoldenFiles;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden-site cases: each folder under {@code src/test/resources/golden/} holds an {@code input/} tree, an
 * optional {@code case.properties} (source, imageBaseUrl, splitLevel, language, problems) and the
 * reviewed {@code expected/} pages, compared on their {@code <main>} element. To regenerate after a
 * deliberate change, run with {@code -Dsd101.update=true} ({@link GoldenFiles}) and review the diff before committing.
 */
class GoldenSiteTest {
    private static final Path CASES = Path.of("src/test/resources/golden");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void site(String name, @TempDir Path tmp) throws IOException {
        Path dir = CASES.resolve(name);
        Properties props = new Properties();
        Path propsFile = dir.resolve("case.properties");
        if (Files.exists(propsFile)) {
            try (InputStream in = Files.newInputStream(propsFile)) {
                props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        Path input = dir.resolve("input").toAbsolutePath();
        Path out = tmp.resolve("site");
        SiteConfig config = SiteConfig.builder(input.resolve(props.getProperty("source", "README.md")))
                .contentRoot(input)
                .outputDirectory(out)
                .language(props.getProperty("language", "en"))
                .imageBaseUrl(props.getProperty("imageBaseUrl"))
                .splitLevel(Integer.parseInt(props.getProperty("splitLevel", "0")))
                .search(false)
                .build();
        BuildResult result = new Sd101().generate(config);

        String problems = result.problems().stream()
                .map(p -> p.format().replace(input.toString().replace('\\', '/') + "/", ""))
                .collect(Collectors.joining("\n"));
        Path expected = dir.resolve("expected");
        boolean update = GoldenFiles.update();
        if (update) {
            if (Files.exists(expected)) {
                try (Stream<Path> old = Files.walk(expected)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(expected);
            Files.writeString(expected.resolve("problems.txt"), problems.isEmpty() ? "" : problems + "\n");
        }
        assertEquals(Files.readString(expected.resolve("problems.txt")).strip(), problems.strip(), "problems of " + name);

        List<String> pages;
        try (Stream<Path> walk = Files.walk(out)) {
            pages = walk.filter(p -> p.getFileName().toString().equals("index.html"))
                    .map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        for (String page : pages) {
            String main = mainOf(out.resolve(page));
            Path golden = expected.resolve(page.replace("index.html", "main.html"));
            if (update) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, main);
            }
            assertEquals(Files.exists(golden) ? Files.readString(golden) : "(no expected file " + golden + ")", main, name + ": " + page);
        }
        TreeSet<String> expectedPages;
        try (Stream<Path> walk = Files.walk(expected)) {
            expectedPages = walk.filter(p -> p.getFileName().toString().equals("main.html"))
                    .map(p -> expected.relativize(p).toString().replace('\\', '/').replace("main.html", "index.html"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(expectedPages, new TreeSet<>(pages), name + ": the set of pages");
    }

    /** The {@code <main>} element, pretty-printed so that the golden files read well in review. */
    static String mainOf(Path page) throws IOException {
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        doc.outputSettings().prettyPrint(true).indentAmount(2);
        Element main = doc.selectFirst("main");
        return (main == null ? "(no <main>)" : main.outerHtml()) + "\n";
    }
}
