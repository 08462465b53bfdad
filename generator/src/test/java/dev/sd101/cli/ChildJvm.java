package dev.sd101.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI ({@code dev.sd101.cli.Main}) in a separate JVM on the test classpath. */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static Process start(Path log, String... args) throws IOException {
        return startWithHeap(log, "512m", args);
    }

    /** With a heap of {@code xmx} (a {@code -Xmx} value such as {@code 512m}). */
    public static Process startWithHeap(Path log, String xmx, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + xmx);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.sd101.cli.Main");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs to the end; returns the exit code. */
    public static int run(Path log, String... args) throws IOException, InterruptedException {
        return start(log, args).waitFor();
    }
}
