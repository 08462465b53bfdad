package dev.sd101.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The command line's contract: exit codes, one clear message per bad input, the previous site untouched. */
class MainTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path doc(String text) throws IOException {
        Path md = dir.resolve("docs/README.md");
        Files.createDirectories(md.getParent());
        Files.writeString(md, text);
        return md;
    }

    private Path goodSite() throws IOException {
        Path md = doc("# Title\n\nText with [a link](#title).\n");
        Path out = dir.resolve("site");
        Run r = run("generate", "--source", md.toString(), "--output", out.toString(), "--no-search");
        assertEquals(0, r.code(), r.err());
        return out;
    }

    static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    @Test
    void generateWritesTheSiteAndSaysSo() throws IOException {
        Path out = goodSite();
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertTrue(Files.isRegularFile(out.resolve("assets/site.css")));
    }

    @Test
    void helpListsEveryOption() {
        Run r = run("generate", "--help");
        assertEquals(0, r.code());
        for (String option : new String[]{"--source", "--output", "--root", "--theme", "--title", "--lang", "--site-url",
                "--repo-url", "--image-base-url", "--split-level", "--strict", "--no-sanitize", "--no-search", "--config",
                "--drafts", "--keep-empty-alt", "--keep-heading-levels", "--cache-dir", "--no-cache", "--verbose", "--help", "--version"}) {
            assertTrue(r.out().contains(option), option + " in\n" + r.out());
        }
    }

    @Test
    void eachCommandsHelpListsOnlyTheOptionsItTakes() {
        String check = run("check", "--help").out();
        for (String option : new String[]{"--source", "--root", "--site-url", "--image-base-url", "--split-level",
                "--strict", "--config", "--drafts", "--fix", "--verbose", "--help", "--version"}) {
            assertTrue(check.contains(option), option + " in\n" + check);
        }
        for (String option : new String[]{"--output", "--theme", "--title", "--lang", "--repo-url", "--edit-branch",
                "--no-sanitize", "--no-search", "--cache-dir", "--no-cache", "--port"}) {
            assertTrue(!check.contains(option), option + " is not check's, in\n" + check);
        }
        Run wrong = run("check", "--source", "README.md", "--output", "site");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().startsWith("error: Unknown option: '--output'"), wrong.err());

        String generate = run("generate", "--help").out();
        assertTrue(!generate.contains("--fix") && !generate.contains("--port"), generate);
        String serve = run("serve", "--help").out();
        assertTrue(serve.contains("--port") && !serve.contains("--fix"), serve);
        String anchors = run("anchors", "--help").out();
        assertTrue(!anchors.contains("--source") && anchors.contains("<file.md>"), anchors);
    }

    @Test
    void contentProblemsAreWarningsAndTheSiteIsStillBuilt() throws IOException {
        Path md = doc("# Title\n\nA [broken](#nowhere) link and ![img](missing.png).\n");
        Path out = dir.resolve("site");
        Run r = run("generate", "--source", md.toString(), "--output", out.toString(), "--no-search");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("README.md:3:3: warning: #nowhere matches no heading"), r.err());
        assertTrue(r.err().contains("README.md:3:31: warning: image missing.png: no such file"), r.err());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
    }

    @Test
    void strictTurnsContentProblemsIntoAFailedBuildAndKeepsThePreviousSite() throws Exception {
        Path out = goodSite();
        Map<String, String> before = hashes(out);
        Path md = doc("# Title\n\nA [broken](#nowhere) link.\n");
        Run r = run("generate", "--source", md.toString(), "--output", out.toString(), "--strict");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("README.md:3:3: error: #nowhere matches no heading"), r.err());
        assertEquals(before, hashes(out));
    }

    @Test
    void missingSourceIsOneClearMessage() {
        Run r = run("generate", "--source", dir.resolve("nope.md").toString(), "--output", dir.resolve("site").toString());
        assertEquals(1, r.code());
        assertEquals("error: " + dir.resolve("nope.md") + ": no such file or directory", r.err().strip().replace(dir + "/", dir + "/"));
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void sd101ItselfListsItsCommandsAndSaysItsVersion() {
        Run help = run("--help");
        assertEquals(0, help.code());
        for (String command : new String[]{"generate", "check", "anchors", "serve"}) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " in\n" + help.out());
        }
        String commands = help.out().substring(help.out().indexOf("Commands:\n"), help.out().indexOf("\n\n", help.out().indexOf("Commands:")));
        assertEquals(5, commands.lines().count(), "one line a command (a command's own help says more):\n" + commands);
        Run version = run("-V");
        assertEquals(0, version.code());
        assertTrue(version.out().matches("sd101 \\S+\\R"), version.out());
        Run none = run();
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("Usage: sd101 "), none.err());
        Run unknown = run("generat", "--source", "x.md");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: Unknown command: 'generat' (commands: generate, check, anchors, serve)"),
                unknown.err());
        Run port = run("serve", "--source", "x.md", "--port", "70000");
        assertEquals(2, port.code());
        assertTrue(port.err().startsWith("error: --port must be 0..65535, not 70000"), port.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("generate", "--source", "x.md", "--colour");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: Unknown option: '--colour'\nRun 'sd101 generate --help' for the options."), r.err());
    }

    @Test
    void badOptionValueNamesTheOption() {
        Run r = run("generate", "--source", "x.md", "--split-level", "deep");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--split-level"), r.err());
        Run r2 = run("generate", "--source", "x.md", "--split-level", "9");
        assertEquals(2, r2.code());
        assertTrue(r2.err().contains("splitLevel"), r2.err());
    }

    @Test
    void invalidUtf8NamesFileAndLineAndKeepsThePreviousSite() throws Exception {
        Path out = goodSite();
        Map<String, String> before = hashes(out);
        Path md = dir.resolve("docs/README.md");
        Files.write(md, "# Title\n\nfine\nbad \u00ff here\n".getBytes(StandardCharsets.ISO_8859_1));
        Run r = run("generate", "--source", md.toString(), "--output", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().matches("(?s)error: .*docs/README.md:4: invalid UTF-8 \\(byte 0xFF at column 5\\).*"), r.err());
        assertEquals(before, hashes(out));
    }

    @Test
    void unreadableFileIsOneClearMessage() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "skipped: root can read any file");
        Path md = doc("# Title\n");
        Files.setPosixFilePermissions(md, PosixFilePermissions.fromString("-w-------"));
        Run r = run("generate", "--source", md.toString(), "--output", dir.resolve("site").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("README.md: cannot read"), r.err());
    }

    @Test
    void templateErrorNamesTemplateAndLineAndKeepsThePreviousSite() throws Exception {
        Path out = goodSite();
        Map<String, String> before = hashes(out);
        Path theme = dir.resolve("theme");
        Files.createDirectories(theme);
        Files.writeString(theme.resolve("page.peb"), "<html>\n<body>\n{{ page.nosuchfield }}\n</body></html>\n");
        Run r = run("generate", "--source", dir.resolve("docs/README.md").toString(), "--output", out.toString(),
                "--theme", theme.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: " + theme.resolve("page.peb") + ":3: "), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
        assertEquals(before, hashes(out));
        Run verbose = run("--verbose", "generate", "--source", dir.resolve("docs/README.md").toString(), "--output", out.toString(),
                "--theme", theme.toString());
        assertTrue(verbose.err().contains("\tat "), "stack trace with --verbose");
    }

    @Test
    void verboseGeneratePrintsEachStagesTimeAndQuietDoesNot() throws IOException {
        Path md = doc("# Title\n\nText.\n");
        Path out = dir.resolve("site");
        Run quiet = run("generate", "--source", md.toString(), "--output", out.toString(), "--no-search");
        assertEquals(0, quiet.code(), quiet.err());
        assertFalse(quiet.err().contains("stage times"), quiet.err());
        Run verbose = run("-v", "generate", "--source", md.toString(), "--output", out.toString(), "--no-search");
        assertEquals(0, verbose.code(), verbose.err());
        assertTrue(verbose.err().matches("(?s).*sd101: stage times: load=\\d+ms parse=\\d+ms .*render=\\d+ms .*write=\\d+ms.*"),
                verbose.err());
    }

    @Test
    void checkExitsOneOnAnErrorAndZeroWhenClean() throws IOException {
        Path md = doc("# Title\n\n[ok](#title) [bad](#titel)\n");
        Run bad = run("check", "--source", md.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("README.md:3:14: error: #titel matches no heading"), bad.err());
        doc("# Title\n\n[ok](#title)\n");
        assertEquals(0, run("check", "--source", md.toString()).code());
    }

    @Test
    void anchorsPrintsLineLevelIdText() throws IOException {
        Path md = doc("# gRPC는 어떻게 작동하나요?\n\n## CI/CD 파이프라인\n\n## CI/CD 파이프라인\n");
        Run r = run("anchors", md.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("1\t1\tgrpc는-어떻게-작동하나요\tgRPC는 어떻게 작동하나요?\n"
                + "3\t2\tcicd-파이프라인\tCI/CD 파이프라인\n"
                + "5\t2\tcicd-파이프라인-1\tCI/CD 파이프라인\n", r.out());
    }
}
