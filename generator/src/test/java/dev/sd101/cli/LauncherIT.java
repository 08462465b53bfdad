package dev.sd101.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged launcher ({@code target/sd101}, beside {@code target/sd101.jar} and its archive) as a user runs it:
 * the same commands, output and exit codes as {@code java -jar}, also without the archive, through a symbolic link
 * and with a JDK named by {@code JAVA_HOME}. Runs after {@code package} (failsafe).
 */
class LauncherIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final String DOC = "# Guide\n\n- [One](#one)\n- [Two](#two)\n\n## One\n\nFirst.\n\n## Two\n\nSecond, 한국어.\n";

    @BeforeAll
    static void packaged() {
        assertTrue(Files.isExecutable(TARGET.resolve("sd101")), "package writes the launcher target/sd101");
        assertTrue(Files.isRegularFile(TARGET.resolve("sd101.jar")));
    }

    @Test
    void generatesTheSameSiteAsJavaJar(@TempDir Path tmp) throws Exception {
        Path doc = Files.writeString(Files.createDirectories(tmp.resolve("docs")).resolve("README.md"), DOC);
        Run viaLauncher = run(List.of(TARGET.resolve("sd101").toString(), "generate", "--source", doc.toString(),
                "--output", tmp.resolve("a").toString(), "--split-level", "2"), Map.of());
        Run viaJar = run(List.of(java(), "-jar", TARGET.resolve("sd101.jar").toString(), "generate", "--source",
                doc.toString(), "--output", tmp.resolve("b").toString(), "--split-level", "2"), Map.of());
        assertEquals(0, viaLauncher.exit(), viaLauncher.output());
        assertEquals(0, viaJar.exit(), viaJar.output());
        Map<String, byte[]> a = dev.sd101.SiteFiles.read(tmp.resolve("a"));
        Map<String, byte[]> b = dev.sd101.SiteFiles.read(tmp.resolve("b"));
        dev.sd101.SiteFiles.assertSameFiles(b, a);
        assertTrue(a.containsKey("two/index.html"), a.keySet().toString());
    }

    @Test
    void worksWithoutTheArchiveThroughASymlinkAndWithJavaHome(@TempDir Path tmp) throws Exception {
        Path doc = Files.writeString(tmp.resolve("a.md"), DOC);
        Path link = Files.createSymbolicLink(tmp.resolve("sd101"), TARGET.resolve("sd101"));
        String javaHome = System.getProperty("java.home");
        for (Map<String, String> env : List.of(Map.of("SD101_CDS", "off"), Map.of("JAVA_HOME", javaHome), Map.<String, String>of())) {
            Run r = run(List.of(link.toString(), "anchors", doc.toString()), env);
            assertEquals(0, r.exit(), env + ": " + r.output());
            assertTrue(r.output().contains("one") && r.output().contains("two"), r.output());
            assertTrue(!r.output().contains("cds") && !r.output().contains("CDS"), "the archive stays silent: " + r.output());
        }
    }

    @Test
    void passesExitCodesAndJvmOptionsThrough(@TempDir Path tmp) throws Exception {
        Run usage = run(List.of(TARGET.resolve("sd101").toString(), "generate"), Map.of());
        assertEquals(2, usage.exit(), usage.output());
        Run version = run(List.of(TARGET.resolve("sd101").toString(), "--version"), Map.of("SD101_JAVA_OPTS", "-Xmx64m -Dx=\"*\""));
        assertEquals(0, version.exit(), version.output());
    }

    @Test
    void dryRunPrintsTheJavaCommandAndRunsNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("never");
        Run build = run(List.of(TARGET.resolve("sd101").toString(), "generate", "--source", "no such file.md", "--output",
                out.toString()), Map.of("SD101_DRY_RUN", "1", "SD101_JAVA_OPTS", "-Xmx64m"));
        assertEquals(0, build.exit(), build.output());
        List<String> args = build.output().lines().toList();
        int jar = args.indexOf("-jar");
        assertTrue(jar > 0, build.output());
        List<String> jvm = args.subList(1, jar);
        assertTrue(jvm.contains("-XX:TieredStopAtLevel=1") && jvm.contains("-XX:+UseSerialGC"), jvm.toString());
        assertEquals("-Xmx64m", jvm.get(jvm.size() - 1), "the user's options come last, so they win: " + jvm);
        // The launcher names the jar by its folder's physical path (symbolic links resolved).
        assertEquals(List.of(TARGET.toRealPath().resolve("sd101.jar").toString(), "generate", "--source", "no such file.md", "--output",
                out.toString()), args.subList(jar + 1, args.size()), "arguments pass through as words, spaces kept");
        assertTrue(!Files.exists(out));

        Run serve = run(List.of(TARGET.resolve("sd101").toString(), "serve"), Map.of("SD101_DRY_RUN", "1"));
        assertTrue(serve.output().lines().anyMatch("-XX:+TieredCompilation"::equals)
                && serve.output().lines().noneMatch("-XX:TieredStopAtLevel=1"::equals), serve.output());
        // A long-lived server keeps G1: each rebuild's site lives until the next, which a young-only collector copies.
        assertTrue(serve.output().lines().anyMatch("-XX:+UseG1GC"::equals)
                && serve.output().lines().noneMatch("-XX:+UseSerialGC"::equals), serve.output());
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("SD101_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
