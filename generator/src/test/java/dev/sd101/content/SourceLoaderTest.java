package dev.sd101.content;

import dev.sd101.BuildException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A folder of sources is read side by side, and comes back (or fails) as a read in path order would. */
class SourceLoaderTest {
    @Test
    void manyFilesInPathOrder(@TempDir Path docs) throws IOException {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String rel = String.format("part-%d/page-%03d.md", i % 7, i);
            Files.createDirectories(docs.resolve(rel).getParent());
            Files.writeString(docs.resolve(rel), "---\ntitle: Page " + i + "\n---\n# Page " + i + "\n");
            expected.add(rel);
        }
        expected.sort(null);
        List<Source> sources = new SourceLoader(new ContentRoot(docs)).load(docs);
        assertEquals(expected, sources.stream().map(Source::path).toList());
        assertEquals("Page 7", sources.stream().filter(s -> s.path().endsWith("page-007.md")).findFirst().orElseThrow()
                .frontMatter().title());
    }

    @Test
    void theFirstBadFileInPathOrderIsReported(@TempDir Path docs) throws IOException {
        for (int i = 0; i < 50; i++) {
            Files.writeString(docs.resolve(String.format("page-%02d.md", i)), "# Page\n");
        }
        Files.write(docs.resolve("page-49.md"), new byte[] {'#', ' ', (byte) 0xC3, '\n'});
        Files.write(docs.resolve("page-30.md"), new byte[] {'o', 'k', '\n', (byte) 0xFF, '\n'});
        BuildException e = assertThrows(BuildException.class, () -> new SourceLoader(new ContentRoot(docs)).load(docs));
        assertTrue(e.getMessage().contains("page-30.md:2:"), e.getMessage());
    }
}
