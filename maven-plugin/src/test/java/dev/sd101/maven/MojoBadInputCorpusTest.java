package dev.sd101.maven;

import dev.sd101.cli.CliCase;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The engine's bad-input corpus of command lines ({@code generator/src/test/resources/bad-input/*.cli}) run through
 * the Mojos: each case that names a goal gives the same messages as the command line, word for word, as the goal's
 * failure or its log. Exit status 1 (a content problem) and 2 (a bad option) are both the user's fault, a
 * {@link MojoFailureException} (for 2 naming the parameter and its user property); 0 a goal that passes. The tool's
 * own faults ({@link MojoExecutionException}) are not in the corpus.
 */
class MojoBadInputCorpusTest {
    static Path corpus() {
        return Path.of(System.getProperty("sd101.repo", "..")).resolve("generator/src/test/resources/bad-input");
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(corpus())) {
            List<String> out = new ArrayList<>();
            for (Path p : s.filter(p -> p.toString().endsWith(".cli")).sorted().toList()) {
                if (CliCase.parse(Files.readString(p)).mojo() != null) {
                    out.add(p.getFileName().toString());
                }
            }
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theGoalSaysWhatTheCommandLineSays(String name, @TempDir Path tmp) throws Exception {
        CliCase c = CliCase.parse(Files.readString(corpus().resolve(name)));
        c.writeFiles(tmp);
        AbstractSd101Mojo mojo = mojo(c.mojo(), c.args(tmp));
        mojo.cacheDirectory = tmp.resolve("cache").toFile();
        List<String> logged = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override public void error(CharSequence s) { logged.add(s.toString()); }
            @Override public void warn(CharSequence s) { logged.add(s.toString()); }
            @Override public void info(CharSequence s) { logged.add(s.toString()); }
        });
        Exception thrown = null;
        try {
            mojo.execute();
        } catch (MojoFailureException | MojoExecutionException e) {
            thrown = e;
        }
        String where = name + ": log " + logged + ", failure " + (thrown == null ? "none" : thrown.getMessage());
        switch (c.exit()) {
            case 0 -> assertNull(thrown, where);
            case 1 -> assertInstanceOf(MojoFailureException.class, thrown, where);
            case 2 -> assertInstanceOf(MojoFailureException.class, thrown, where); // a bad option: the user's fault too
            default -> fail("exit " + c.exit() + " in " + name);
        }
        for (String line : c.err(tmp)) {
            if (line.startsWith("error: ") && line.contains(" problem(s) in strict mode")) {
                continue; // the command line's summary; the goal's failure says it in its own words
            }
            String expected = line.startsWith("error: ") ? line.substring("error: ".length()) : line;
            boolean regex = expected.startsWith("~error: ") || expected.startsWith("~");
            Pattern p = regex ? Pattern.compile(expected.replaceFirst("^~(error: )?", "")) : null;
            String message = thrown == null ? "" : thrown.getMessage();
            if (c.exit() == 2) {
                // "--lang (language) must be …" on the command line; "parameter language (property sd101.language):
                // language must be …" from the goal: the same words after the name.
                String words = expected.replaceFirst("^\\S+ \\((\\w+)\\) ", "$1 ");
                assertTrue(regex ? p.matcher(message).find() : message.endsWith(words), where + "\n  expected to end with: " + words);
                continue;
            }
            boolean found = regex ? (p.matcher(message).matches() || logged.stream().anyMatch(l -> p.matcher(l).matches()))
                    : message.equals(expected) || logged.contains(expected);
            assertTrue(found, where + "\n  expected the message: " + expected);
        }
    }

    /** The goal with the parameters the command line's options stand for. */
    private static AbstractSd101Mojo mojo(String goal, List<String> args) {
        AbstractSd101Mojo m = switch (goal) {
            case "generate" -> new GenerateMojo();
            case "check" -> new CheckMojo();
            default -> throw new IllegalArgumentException("no goal " + goal);
        };
        m.cache = true;
        assertEquals(goal, args.get(0), "the case's command is the goal's");
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--strict" -> m.strict = true;
                case "--no-search" -> m.search = false;
                case "-s", "--source" -> m.source = new File(args.get(++i));
                case "-o", "--output" -> m.outputDirectory = new File(args.get(++i));
                case "--root" -> m.contentRoot = new File(args.get(++i));
                case "--theme" -> m.themeDirectory = new File(args.get(++i));
                case "--config" -> m.configFile = new File(args.get(++i));
                case "--title" -> m.siteTitle = args.get(++i);
                case "--lang" -> m.language = args.get(++i);
                case "--site-url" -> m.siteUrl = args.get(++i);
                case "--repo-url" -> m.repositoryUrl = args.get(++i);
                case "--image-base-url" -> m.imageBaseUrl = args.get(++i);
                case "--split-level" -> m.splitLevel = Integer.valueOf(args.get(++i));
                default -> throw new IllegalArgumentException("no parameter for the option " + a);
            }
        }
        return m;
    }

}
