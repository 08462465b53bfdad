package dev.sd101.link;

import dev.sd101.BuildResult;
import dev.sd101.GoldenFiles;
import dev.sd101.Problem;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One folder per behaviour under {@code check/}: its Markdown files are checked as one site (the folder
 * is the source and the content root) and the complete sorted problem list, paths relative to the
 * folder, must equal {@code expected.txt}. A new case is a new folder. With
 * {@code -Dsd101.update=true} ({@link GoldenFiles}) the expected files are rewritten from the output, for review.
 */
class CheckFixturesTest {

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(CheckFixturesTest.class.getResource("/check").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void problemsAreExactlyTheExpectedOnes(Path dir) throws IOException {
        BuildResult r = new Sd101().check(SiteConfig.builder(dir).contentRoot(dir).outputDirectory(dir.resolveSibling("unused-site")).build());
        List<String> actual = new ArrayList<>();
        for (Problem p : r.problems()) {
            String rel = dir.relativize(Path.of(p.path()).toAbsolutePath().normalize()).toString().replace('\\', '/');
            actual.add(new Problem(rel, p.line(), p.column(), p.severity(), p.message(), p.suggestion()).format());
        }
        Path expectedFile = dir.resolve("expected.txt");
        if (GoldenFiles.update()) {
            Path src = Path.of("src/test/resources/check").resolve(dir.getFileName()).resolve("expected.txt");
            Files.write(src, actual, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.exists(expectedFile) ? Files.readAllLines(expectedFile, StandardCharsets.UTF_8) : List.of();
        assertEquals(String.join("\n", expected), String.join("\n", actual), dir.getFileName().toString());
    }
}
