package dev.sd101.engine;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import dev.sd101.SiteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code generate} streams pages to disk and drops each document's tree after its last page; {@code build}
 * (serve's path) keeps the site in memory. Both must give the same bytes, also when the second build reuses
 * the first one's cached (released) documents.
 */
class StreamedGenerateTest {
    @Test
    void streamedSiteEqualsTheInMemorySiteAndReleasedDocumentsRenderAgain(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("docs/README.md");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "# Guide\n\n- [One](#one)\n- [Two](#two)\n\n## One\n\nFirst, see [two](#two).\n\n"
                + "## Two\n\nSecond, back to [one](#one).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        Path site = tmp.resolve("site");
        SiteConfig config = SiteConfig.builder(src).outputDirectory(site).splitLevel(2).build();
        Sd101 engine = new Sd101();

        BuildResult streamed = engine.generate(config);
        SiteBuild inMemory = engine.build(config); // the parse cache hands back the documents generate released

        Map<String, byte[]> onDisk = SiteFiles.read(site);
        Map<String, byte[]> expected = new TreeMap<>(inMemory.files());
        inMemory.copies().forEach((k, v) -> expected.put(k, read(v)));
        SiteFiles.assertSameFiles(expected, onDisk);
        assertEquals(inMemory.result().pages(), streamed.pages());
        assertEquals(inMemory.result().files(), streamed.files());
        assertEquals(inMemory.result().outputBytes(), streamed.outputBytes());
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
