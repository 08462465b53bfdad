package dev.sd101.bench;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One build of a site of two language editions in a fresh JVM: the upstream English README of the shared test
 * data (published under {@code en/}) and the Korean edition {@code content/README-ko.md} (at the root), laid out as
 * one project in the work folder, both showing the same diagrams. Prints a {@code PROBE} line as {@link BuildProbe}.
 *
 * <pre>{@code java -cp … dev.sd101.bench.EditionsProbe <shared data dir> <repo> <work dir>}</pre>
 */
public final class EditionsProbe {
    private EditionsProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args[0]);
        Path repo = Path.of(args[1]);
        Path work = Path.of(args[2]);
        Path src = work.resolve("editions-src");
        CorpusGenerator.deleteTree(src);
        Files.createDirectories(src.resolve("ko"));
        Files.copy(shared.resolve("upstream/README.md"), src.resolve("README.md"));
        Files.copy(repo.resolve("content/README-ko.md"), src.resolve("ko/README.md"));
        Path images = Files.createDirectories(src.resolve("images"));
        try (Stream<Path> files = Files.list(shared.resolve("images"))) {
            for (Path f : files.toList()) {
                Files.copy(f, images.resolve(f.getFileName().toString()));
            }
        }
        SiteConfig config = SiteConfig.builder(src).contentRoot(src).outputDirectory(work.resolve("site-editions"))
                .editions(List.of(new SiteConfig.Edition("ko", src.resolve("ko/README.md"), null, null),
                        new SiteConfig.Edition("en", src.resolve("README.md"), null, "en/")))
                .build();
        long start = System.nanoTime();
        BuildResult r = new Sd101().generate(config);
        long wall = System.nanoTime() - start;
        StringBuilder line = new StringBuilder("PROBE pages=").append(r.pages()).append(" files=").append(r.files())
                .append(" bytes=").append(r.outputBytes()).append(" wall=").append(wall)
                .append(" problems=").append(r.problems().size());
        for (Map.Entry<String, Long> e : r.stageNanos().entrySet()) {
            line.append(" stage.").append(e.getKey()).append('=').append(e.getValue());
        }
        System.out.println(line);
    }
}
