package dev.sd101.output;

import dev.sd101.SiteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SiteWriter#update}: the site a whole write gives, with only the files that differ touched. */
class SiteWriterUpdateTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @Test
    void replacesChangedFilesDeletesGoneOnesAndLeavesTheRestAlone(@TempDir Path dir) throws IOException {
        Path site = dir.resolve("site");
        SiteWriter writer = new SiteWriter(site);
        Map<String, byte[]> before = files("index.html", "home v1", "a/index.html", "page a", "b/index.html", "page b",
                "old/deep/index.html", "going away", "search/1.json", "[1]");
        writer.write(before, Map.of());
        Files.setLastModifiedTime(site.resolve("a/index.html"), LONG_AGO);
        Files.setLastModifiedTime(site.resolve("search/1.json"), LONG_AGO);

        Map<String, byte[]> after = files("index.html", "home v2", "a/index.html", "page a", "b/index.html", "page b v2",
                "new/index.html", "a new page", "search/1.json", "[1]");
        writer.update(after, Map.of(), before, Map.of());

        SiteFiles.assertSameFiles(after, SiteFiles.read(site));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(site.resolve("a/index.html")), "an unchanged file is not written");
        assertEquals(LONG_AGO, Files.getLastModifiedTime(site.resolve("search/1.json")), "equal bytes, another array");
        assertFalse(Files.exists(site.resolve("old")), "folders left empty go with their files");
        assertTrue(Files.exists(site.resolve(SiteWriter.MARKER)), "still marked as sd101's");
        assertEquals(List.of("site"), siblings(dir), "no staging folder left beside the site");
    }

    @Test
    void copiesAgainOnlyWhatChanged(@TempDir Path dir) throws IOException {
        Path site = dir.resolve("site");
        Path images = Files.createDirectories(dir.resolve("images"));
        Path kept = Files.writeString(images.resolve("kept.png"), "kept");
        Path edited = Files.writeString(images.resolve("edited.png"), "v1");
        Path dropped = Files.writeString(images.resolve("dropped.png"), "dropped");
        Map<String, byte[]> pages = files("index.html", "home");
        Map<String, Path> copies = Map.of("img/kept.png", kept, "img/edited.png", edited, "img/dropped.png", dropped);
        SiteWriter writer = new SiteWriter(site);
        writer.write(pages, copies);
        Files.setLastModifiedTime(site.resolve("img/kept.png"), FileTime.from(Instant.now().plusSeconds(60)));
        FileTime keptTime = Files.getLastModifiedTime(site.resolve("img/kept.png"));
        Files.writeString(edited, "v2, longer");
        Files.setLastModifiedTime(edited, FileTime.from(Instant.now().plusSeconds(120)));

        Map<String, Path> next = Map.of("img/kept.png", kept, "img/edited.png", edited);
        writer.update(pages, next, pages, copies);

        assertEquals(keptTime, Files.getLastModifiedTime(site.resolve("img/kept.png")), "an unchanged source is not copied");
        assertEquals("v2, longer", Files.readString(site.resolve("img/edited.png")));
        assertFalse(Files.exists(site.resolve("img/dropped.png")));
        assertEquals("kept", Files.readString(site.resolve("img/kept.png")));
    }

    @Test
    void writesWholeWhenTheFolderIsMissingOrNotSd101s(@TempDir Path dir) throws IOException {
        Path site = dir.resolve("site");
        SiteWriter writer = new SiteWriter(site);
        Map<String, byte[]> before = files("index.html", "v1", "a/index.html", "a");
        Map<String, byte[]> after = files("index.html", "v2", "a/index.html", "a");
        writer.update(after, Map.of(), before, Map.of()); // nothing there yet
        SiteFiles.assertSameFiles(after, SiteFiles.read(site));
        assertTrue(Files.exists(site.resolve(SiteWriter.MARKER)));

        Files.delete(site.resolve(SiteWriter.MARKER));
        Files.delete(site.resolve("a/index.html")); // someone emptied it by hand: "unchanged" must not mean "there"
        writer.update(after, Map.of(), after, Map.of());
        SiteFiles.assertSameFiles(after, SiteFiles.read(site));
    }

    private static Map<String, byte[]> files(String... pathsAndTexts) {
        Map<String, byte[]> m = new TreeMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            m.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    private static List<String> siblings(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("images")).sorted().toList();
        }
    }
}
