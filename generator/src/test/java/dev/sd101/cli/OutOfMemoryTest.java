package dev.sd101.cli;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import dev.sd101.SiteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build that runs out of heap, in a child JVM with a heap far too small for its site: one sentence that says so
 * and which setting raises the heap, exit status 1, no stack trace, and the previous site byte for byte as it was.
 */
class OutOfMemoryTest {
    /** Many pages of small sections, as a large docs site has: more than a few megabytes of heap can build. */
    private static Path corpus(Path dir) throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("README.md"), "# Handbook\n\nEverything about running the service.\n");
        for (int s = 1; s <= 40; s++) {
            Path section = Files.createDirectories(docs.resolve(String.format(Locale.ROOT, "area-%03d", s)));
            Files.writeString(section.resolve("README.md"), "---\ntitle: \"Area " + s + "\"\nweight: " + s + "\n---\n\n"
                    + "What area " + s + " is about.\n");
            for (int a = 1; a <= 5; a++) {
                StringBuilder md = new StringBuilder("---\ntitle: \"Runbook " + s + "." + a + "\"\n---\n\n");
                for (int p = 0; p < 8; p++) {
                    md.append("## Step ").append(p + 1).append("\n\nCheck the queue depth, the error rate and the latency"
                            + " of the gateway before and after each change; roll back when any of them moves.\n\n"
                            + "| metric | before | after |\n|---|---|---|\n| p99 | 120 ms | 95 ms |\n\n");
                }
                Files.writeString(section.resolve("runbook-" + a + ".md"), md);
            }
        }
        return docs;
    }

    @Test
    void runningOutOfHeapIsOneSentenceThatNamesTheSettingAndThePreviousSiteStays(@TempDir Path tmp) throws Exception {
        Path docs = corpus(tmp);
        Path site = tmp.resolve("site");
        BuildResult first = new Sd101().generate(SiteConfig.builder(docs).contentRoot(docs).outputDirectory(site)
                .search(false).build());
        assertTrue(first.written(), first::toString);
        Map<String, String> before = SiteFiles.hashes(site);
        Files.writeString(docs.resolve("area-001/runbook-1.md"), "\nChanged.\n", java.nio.file.StandardOpenOption.APPEND);

        Path log = tmp.resolve("log.txt");
        Process p = ChildJvm.startWithHeap(log, "16m", "generate", "--source", docs.toString(), "--root", docs.toString(),
                "--output", site.toString(), "--lang", "en", "--no-cache");
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the build ends");
        String out = Files.readString(log);
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("error: out of memory while "), out);
        assertTrue(out.contains("(the Java heap is limited to 16 MB); raise the heap: SD101_JAVA_OPTS=-Xmx256m"), out);
        assertTrue(out.contains("java -Xmx256m -jar sd101.jar"), out);
        assertFalse(out.contains("\tat ") || out.contains("Exception in thread") || out.contains("Error:"),
                "no stack trace:\n" + out);
        assertEquals(before, SiteFiles.hashes(site), "the previous site, byte for byte");
        try (Stream<Path> beside = Files.list(tmp)) {
            List<String> left = beside.map(f -> f.getFileName().toString()).filter(n -> n.contains(".sd101-")).toList();
            assertEquals(List.of(), left, "no staging folder left beside the site");
        }
    }
}
