package dev.sd101.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command and measures it from outside: wall time including process start, and the peak resident set
 * (GNU {@code /usr/bin/time -f %M}, when installed) so that a JVM and a Go binary are measured the same way.
 */
final class Proc {
    private static final Path TIME = Path.of("/usr/bin/time");

    /** What a run did: wall nanoseconds, peak RSS in bytes ({@code -1} unknown), exit code, output. */
    record Run(long wallNanos, long peakRss, int exit, String output) {
    }

    private Proc() {
    }

    static Run run(List<String> command, Path dir) throws IOException {
        Path rss = Files.createTempFile("sd101-bench-rss", ".txt");
        try {
            List<String> cmd = new ArrayList<>();
            boolean measured = Files.isExecutable(TIME);
            if (measured) {
                cmd.addAll(List.of(TIME.toString(), "-q", "-f", "%M", "-o", rss.toString()));
            }
            cmd.addAll(command);
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            int exit = p.waitFor();
            long wall = System.nanoTime() - start;
            long peak = -1;
            if (measured) {
                String text = Files.readString(rss).strip();
                String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1).strip();
                if (last.matches("\\d+")) {
                    peak = Long.parseLong(last) * 1024;
                }
            }
            return new Run(wall, peak, exit, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(rss);
        }
    }

    static Run checked(List<String> command, Path dir) throws IOException {
        Run r = run(command, dir);
        if (r.exit() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + r.exit() + "):\n" + r.output());
        }
        return r;
    }

    static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
