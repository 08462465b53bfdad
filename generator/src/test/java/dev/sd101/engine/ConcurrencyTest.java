package dev.sd101.engine;

import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import dev.sd101.SiteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two builds at once in one JVM (as a Maven reactor with -T2 runs them) write exactly what each writes
 * alone: they share no mutable state, through one engine instance or two.
 */
class ConcurrencyTest {

    private static SiteConfig korean(Path tmp, String out) {
        Path repo = Path.of(System.getProperty("sd101.repo", Path.of("").toAbsolutePath().getParent().toString()));
        return SiteConfig.builder(repo.resolve("content/README-ko.md")).contentRoot(repo).outputDirectory(tmp.resolve(out))
                .language("ko").siteUrl("https://example.org/ko/")
                .imageBaseUrl("https://raw.githubusercontent.com/ByteByteGoHq/system-design-101/fb0fc45374b3c159ccd82207ef02ece0dc755f14/images/")
                .build();
    }

    private static SiteConfig english(Path tmp, String out) throws IOException {
        Path docs = tmp.resolve("en-docs");
        if (!Files.exists(docs)) {
            Files.createDirectories(docs.resolve("guide"));
            Files.writeString(docs.resolve("README.md"), "# Handbook\n\n<a id=\"top\"></a>See [the guide](guide/README.md#install).\n");
            StringBuilder guide = new StringBuilder("# Guide\n\n");
            for (int i = 0; i < 40; i++) {
                guide.append("## Install ").append(i == 0 ? "" : i).append("\n\nStep ").append(i).append(" of the guide, [home](../README.md#top).\n\n");
            }
            Files.writeString(docs.resolve("guide/README.md"), guide.toString().replace("## Install \n", "## Install\n"));
            Files.writeString(docs.resolve("guide/faq.md"), "# FAQ\n\n- [one](#one)\n- [two](#two)\n- [three](#three)\n\n## One\n\nA.\n\n## Two\n\nB.\n\n## Three\n\nC.\n");
        }
        return SiteConfig.builder(docs).outputDirectory(tmp.resolve(out)).language("en").siteTitle("Handbook")
                .repositoryUrl("https://github.com/example/handbook").build();
    }

    @Test
    void twoBuildsAtOnceWriteWhatEachWritesAlone(@TempDir Path tmp) throws Exception {
        Sd101 alone = new Sd101();
        alone.generate(korean(tmp, "ko-alone"));
        alone.generate(english(tmp, "en-alone"));
        Map<String, String> ko = SiteFiles.hashes(tmp.resolve("ko-alone"));
        Map<String, String> en = SiteFiles.hashes(tmp.resolve("en-alone"));

        Sd101 shared = new Sd101();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                boolean oneEngine = round % 2 == 0;
                CyclicBarrier start = new CyclicBarrier(2);
                SiteConfig k = korean(tmp, "ko-" + round);
                SiteConfig e = english(tmp, "en-" + round);
                List<Future<?>> both = List.of(
                        pool.submit(build(start, () -> oneEngine ? shared : new Sd101(), k)),
                        pool.submit(build(start, () -> oneEngine ? shared : new Sd101(), e)));
                for (Future<?> f : both) {
                    f.get();
                }
                assertEquals(ko, SiteFiles.hashes(tmp.resolve("ko-" + round)), "round " + round);
                assertEquals(en, SiteFiles.hashes(tmp.resolve("en-" + round)), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.util.concurrent.Callable<Void> build(CyclicBarrier start, Supplier<Sd101> engine, SiteConfig config) {
        return () -> {
            Sd101 e = engine.get();
            start.await();
            e.generate(config);
            return null;
        };
    }
}
