package dev.sd101;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A written site as tests read it back: every file by its path (without the writer's marker file), file hashes,
 * pages, the temporary folders a build leaves beside it, and what holds for every site.
 */
public final class SiteFiles {
    private SiteFiles() {
    }

    /** The size of bytes gzipped at the best level, as a web server would send a static file. */
    public static long gzipSize(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            z.write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.size();
    }

    /** Path ('/'-separated, relative to {@code dir}) → bytes, sorted by path. */
    public static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        out.remove(dev.sd101.output.SiteWriter.MARKER);
        return out;
    }

    /** The same paths with the same bytes; a difference names the file. */
    public static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
    }

    /** Every file below {@code dir} (path relative to it, {@code /}-separated) → SHA-256, sorted. */
    public static Map<String, String> hashes(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Every file below {@code dir} whose name ends with {@code suffix}, sorted. */
    public static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's text, as UTF-8. */
    public static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document parse(Path html) {
        return Jsoup.parse(text(html));
    }

    /** The names of {@code parent}'s entries that a build of {@code output} leaves only while it runs. */
    public static List<String> temporaryFolders(Path output) {
        try (Stream<Path> s = Files.list(output.getParent())) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("." + output.getFileName() + ".sd101-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What holds for every site, whatever its input: each page parses, its ids are unique, it carries no
     * NUL or byte-order mark, and the search files are JSON text without a raw {@code <}.
     */
    public static void assertSane(Path site) {
        assertTrue(Files.isRegularFile(site.resolve("index.html")), "no index.html in " + site);
        for (Path html : files(site, ".html")) {
            String text = text(html);
            assertFalse(text.indexOf('\0') >= 0, html + " contains a NUL character");
            assertFalse(text.indexOf('\uFEFF') >= 0, html + " contains a byte-order mark");
            Set<String> ids = new HashSet<>();
            for (Element el : Jsoup.parse(text).select("[id]")) {
                if (!ids.add(el.id())) {
                    fail(html + ": the id '" + el.id() + "' appears twice");
                }
            }
        }
        for (Path json : files(site.resolve("search"), ".json")) {
            String text = text(json);
            assertFalse(text.indexOf('<') >= 0, json + " contains a raw '<'");
        }
    }
}
