package dev.sd101.search;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Node for the JavaScript side of search from JUnit, so {@code mvn test} covers it with only a JDK and Maven.
 * Without {@code node} on the PATH the calling test is skipped, unless {@code CI=true}, where it fails: CI must
 * not silently lose the JS tests.
 */
final class NodeRunner {
    /** Output and exit code of one Node run. */
    record Result(int exitCode, String output) {
    }

    private NodeRunner() {
    }

    static Path node() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                for (String name : List.of("node", "node.exe")) {
                    Path candidate = Path.of(dir, name);
                    if (Files.isExecutable(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("node is not on the PATH, and CI=true: the JavaScript search tests cannot be skipped on CI");
        }
        assumeTrue(false, "node is not on the PATH; skipping the JavaScript search tests (install Node 20 to run them)");
        throw new AssertionError("unreachable");
    }

    static Result run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(node().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process = pb.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("node did not finish within 5 minutes: " + command);
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Writes index files under {@code siteDir}. */
    static void write(SearchIndex index, Path siteDir) throws IOException {
        for (Map.Entry<String, byte[]> e : index.files().entrySet()) {
            Path file = siteDir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }
}
