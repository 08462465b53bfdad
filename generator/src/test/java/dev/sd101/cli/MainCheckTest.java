package dev.sd101.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainCheckTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new Run(code, out.toString(), err.toString());
    }

    private Path readme(String text) throws IOException {
        Path f = dir.resolve("README.md");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void onGitHubActionsProblemsAreAlsoWorkflowAnnotations() throws IOException {
        Path f = readme("# T\n\n- [a](#Install)\n- [b](#instal)\n- [c](#a%,b)\n\n## Install\n");
        Run r = run(Map.of("GITHUB_ACTIONS", "true"), "check", "--source", f.toString());
        assertEquals(1, r.code());
        String shown = r.err().lines().findFirst().orElseThrow();
        String path = shown.substring(0, shown.indexOf(":3:"));
        assertTrue(r.out().contains("::warning file=" + path.replace(":", "%3A").replace(",", "%2C") + ",line=3,col=3::#Install works on github.com only"), r.out());
        assertTrue(r.out().contains("::error file=" + path + ",line=4,col=3::#instal matches no heading; did you mean #install (line 7, \"Install\")?"), r.out());
        assertTrue(r.out().contains("::error file=" + path + ",line=5,col=3::#a%25,b: the %25-escapes"), r.out());
        assertTrue(r.err().contains(":4:3: error: #instal matches no heading"), r.err());
    }

    @Test
    void withoutGitHubActionsThereAreNoAnnotations() throws IOException {
        Path f = readme("# T\n\n- [b](#instal)\n\n## Install\n");
        Run r = run(Map.of(), "check", "--source", f.toString());
        assertEquals(1, r.code());
        assertFalse(r.out().contains("::error"), r.out());
    }

    @Test
    void warningsFailOnlyWithStrict() throws IOException {
        Path f = readme("# T\n\n- [a](#Install)\n\n## Install\n");
        assertEquals(0, run(Map.of(), "check", "--source", f.toString()).code());
        assertEquals(1, run(Map.of(), "check", "--strict", "--source", f.toString()).code());
    }

    @Test
    void fixRewritesUnambiguousLinksPrintsThemAndLeavesAmbiguousOnes() throws IOException {
        Path f = readme("# T\r\n\r\n- [a](#Install)\r\n- [b](#instal)\r\n- [c](#setup-c)\r\n\r\n## Install\r\n\r\n## Setup A\r\n\r\n## Setup B\r\n");
        Run r = run(Map.of(), "check", "--fix", "--source", f.toString());
        assertTrue(r.out().contains("README.md:3: #Install → #install"), r.out());
        assertTrue(r.out().contains("README.md:4: #instal → #install"), r.out());
        assertTrue(r.out().contains("sd101 check --fix: 2 link(s) rewritten"), r.out());
        assertEquals("# T\r\n\r\n- [a](#install)\r\n- [b](#install)\r\n- [c](#setup-c)\r\n\r\n## Install\r\n\r\n## Setup A\r\n\r\n## Setup B\r\n",
                Files.readString(f));
        assertEquals(1, r.code(), "the ambiguous link is still an error");
        assertTrue(r.err().contains("#setup-c matches no heading; did you mean #setup-a (line 9, \"Setup A\") or #setup-b (line 11, \"Setup B\")?"), r.err());
    }

    @Test
    void aFolderWithoutMarkdownIsAClearMessage() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "x");
        Run r = run(Map.of(), "check", "--source", empty.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("no Markdown files (*.md) in this folder"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aTargetOutsideTheContentRootIsReportedAndNeverRead() throws IOException {
        Path docs = Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("secret.md"), "# Secret\n");
        Files.writeString(docs.resolve("README.md"), "# T\n\n[x](../../etc/passwd) [y](../../secret.md#secret)\n");
        Run r = run(Map.of(), "check", "--source", docs.resolve("README.md").toString(), "--root", docs.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(":3:1: error: ../../etc/passwd is outside the content root; it is not published"), r.err());
        assertTrue(r.err().contains(":3:23: error: ../../secret.md#secret is outside the content root; it is not published"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
