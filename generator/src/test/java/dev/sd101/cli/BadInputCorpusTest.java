package dev.sd101.cli;

import dev.sd101.BuildException;
import dev.sd101.BuildResult;
import dev.sd101.Problem;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import dev.sd101.SiteFiles;
import dev.sd101.content.ContentRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every message a user can get, each triggered and checked word for word with its file, line and exit status.
 *
 * <p>Command lines: every {@code <case>.cli} of {@code src/test/resources/bad-input/} is a small file tree and a
 * command run through the CLI ({@link CliCase} has the format). Its stderr must be exactly the lines given, and its
 * exit status the one given; the Maven plugin's {@code MojoBadInputCorpusTest} runs the same files through the Mojos
 * and expects the same messages.
 *
 * <p>Single files: every {@code <case>.md} (bytes as committed) or
 * {@code <case>.gen} ({@link Recipe}, for big inputs) is built as a one-file site. To add a case, drop in
 * a file. A case builds unless {@code <case>.expect} says otherwise, one expectation per line:
 * <pre>
 * error LINE REGEX     the build stops with "path:LINE: …" (LINE "-" for a whole-file error) matching REGEX
 * problem LINE REGEX   the build succeeds and reports a problem at LINE matching REGEX
 * </pre>
 * No case may throw anything but {@link BuildException} (no StackOverflowError, no OutOfMemoryError), take
 * more than a minute, or write a page that breaks {@link SiteFiles#assertSane}. The corpus runs in its own
 * surefire execution with {@code -Xmx256m}, the heap a small CI runner gives.
 */
class BadInputCorpusTest {
    private static final long HEAP_LIMIT = 300L * 1024 * 1024;
    private static final Sd101 ENGINE = new Sd101();

    @BeforeAll
    static void smallHeap() {
        assumeTrue(Runtime.getRuntime().maxMemory() <= HEAP_LIMIT, "the bad-input corpus runs in the surefire"
                + " execution 'bad-input-256m' (-Xmx256m); this JVM has " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
    }

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.list(corpus())) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md") || n.endsWith(".gen"))
                    .sorted().toList().stream();
        }
    }

    static Path corpus() throws URISyntaxException {
        return Path.of(BadInputCorpusTest.class.getResource("/bad-input").toURI());
    }

    static Stream<String> cliCases() throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.list(corpus())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cli")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cliCases")
    void theCommandLineSaysWhatAndWhere(String name, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        CliCase c = CliCase.parse(Files.readString(corpus().resolve(name)));
        c.writeFiles(tmp);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> dev.sd101.cli.Main.run(c.args(tmp).toArray(String[]::new),
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                java.util.Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString())));
        String where = name + "\nstdout:\n" + out + "stderr:\n" + err;
        assertEquals(c.exit(), code, "exit status of " + where);
        List<String> lines = err.toString().lines().toList();
        List<String> expected = c.err(tmp);
        assertEquals(expected.size(), lines.size(), "stderr lines of " + where);
        for (int i = 0; i < expected.size(); i++) {
            String e = expected.get(i);
            if (e.startsWith("~")) {
                assertTrue(Pattern.compile(e.substring(1)).matcher(lines.get(i)).matches(), "stderr line " + (i + 1) + " of " + where
                        + " does not match " + e.substring(1));
            } else {
                assertEquals(e, lines.get(i), "stderr line " + (i + 1) + " of " + where);
            }
        }
        List<String> stdout = out.toString().lines().toList();
        for (String o : c.out(tmp)) {
            boolean found = o.startsWith("~") ? stdout.stream().anyMatch(l -> l.matches(o.substring(1))) : stdout.contains(o);
            assertTrue(found, "stdout of " + where + " lacks the line " + o);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildsOrSaysWhereItFails(String name, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path dir = corpus();
        String base = name.substring(0, name.lastIndexOf('.'));
        byte[] bytes = name.endsWith(".gen") ? Recipe.expand(Files.readString(dir.resolve(name))) : Files.readAllBytes(dir.resolve(name));
        Path expectFile = dir.resolve(base + ".expect");
        List<String> expect = Files.exists(expectFile) ? Files.readAllLines(expectFile) : List.of();

        Path source = tmp.resolve("content").resolve(base + ".md");
        Files.createDirectories(source.getParent());
        Files.write(source, bytes);
        Path site = tmp.resolve("site");
        SiteConfig config = SiteConfig.builder(source).outputDirectory(site).build();
        String shown = ContentRoot.display(source);

        Object outcome = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                return ENGINE.generate(config);
            } catch (BuildException e) {
                return e;
            } catch (Throwable t) {
                return fail(name + ": the build crashed with " + t.getClass().getName() + " instead of a file:line message", t);
            }
        }, name + " took more than 60 s");

        List<String> errors = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String line : expect) {
            if (line.startsWith("error ")) {
                errors.add(line.substring(6));
            } else if (line.startsWith("problem ")) {
                problems.add(line.substring(8));
            }
        }
        if (outcome instanceof BuildException e) {
            assertFalse(errors.isEmpty(), name + " should build but failed: " + e.getMessage());
            String message = e.getMessage();
            assertFalse(message.contains("Exception") || message.contains("\tat "), name + ": a stack trace in the message: " + message);
            for (String ex : errors) {
                String[] parts = ex.split(" ", 2);
                String prefix = parts[0].equals("-") ? shown + ": " : shown + ":" + parts[0] + ": ";
                assertTrue(message.startsWith(prefix), name + ": expected the message to start with '" + prefix + "': " + message);
                assertTrue(Pattern.compile(parts[1]).matcher(message).find(), name + ": '" + message + "' does not match " + parts[1]);
            }
            assertFalse(Files.exists(site), name + ": a failed build wrote the site");
            return;
        }
        BuildResult result = (BuildResult) outcome;
        assertTrue(errors.isEmpty(), name + " should fail with " + errors + " but built");
        assertTrue(result.written(), name + ": not written");
        for (String ex : problems) {
            String[] parts = ex.split(" ", 2);
            int line = Integer.parseInt(parts[0]);
            Pattern regex = Pattern.compile(parts[1]);
            assertTrue(result.problems().stream().anyMatch(p -> p.line() == line && regex.matcher(p.message()).find()),
                    name + ": no problem at line " + line + " matching " + parts[1] + " in " + result.problems());
        }
        for (Problem p : result.problems()) {
            assertEquals(shown, p.path(), name + ": a problem names another file");
            assertTrue(p.line() > 0, name + ": a problem without a line: " + p);
        }
        SiteFiles.assertSane(site);
        assertEquals(List.of(), SiteFiles.temporaryFolders(site), name + ": temporary folders left beside the site");
    }
}
