package dev.sd101.engine;

import dev.sd101.Sd101;
import dev.sd101.SiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upstream English README and our Korean edition laid out as one project in a temporary folder (nothing of
 * the shared data is kept): {@code README.md} (English, images at {@code images/}) and {@code ko/README.md}
 * (Korean, images at {@code ../images/}), both reading the same image files. Korean is the root edition.
 */
public final class UpstreamEditions {
    private UpstreamEditions() {
    }

    /** The project's config; {@code tmp} receives the copies. */
    public static SiteConfig config(Path shared, Path repo, Path tmp) throws IOException {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("ko"));
        Files.copy(shared.resolve("upstream/README.md"), src.resolve("README.md"));
        Files.copy(repo.resolve("content/README-ko.md"), src.resolve("ko/README.md"));
        Path images = Files.createDirectories(src.resolve("images"));
        try (Stream<Path> files = Files.list(shared.resolve("images"))) {
            for (Path f : files.toList()) {
                Files.copy(f, images.resolve(f.getFileName().toString()));
            }
        }
        Path yml = Files.writeString(tmp.resolve("sd101.yml"), "siteUrl: https://sd101.example.org/\n");
        return SiteConfig.builder(src).contentRoot(src).configFile(yml).outputDirectory(tmp.resolve("site"))
                .editions(List.of(new SiteConfig.Edition("ko", src.resolve("ko/README.md"), null, null),
                        new SiteConfig.Edition("en", src.resolve("README.md"), null, "en/")))
                .build();
    }

    /** Generates the site and returns its folder. */
    public static Path generate(Path shared, Path repo, Path tmp) throws IOException {
        SiteConfig config = config(shared, repo, tmp);
        assertTrue(new Sd101().generate(config).written());
        return config.outputDirectory();
    }
}
