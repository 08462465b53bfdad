package dev.sd101.reliability;

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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What the reliability tests read back from a written site: file hashes, pages, folders beside it. */
final class SiteFiles {
    private SiteFiles() {
    }

    /** Every file below {@code dir} (path relative to it, {@code /}-separated) → SHA-256, sorted. */
    static Map<String, String> hashes(Path dir) {
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
    static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document parse(Path html) {
        return Jsoup.parse(read(html));
    }

    /** The names of {@code parent}'s entries that a build of {@code output} leaves only while it runs. */
    static List<String> temporaryFolders(Path output) {
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
    static void assertSane(Path site) {
        assertTrue(Files.isRegularFile(site.resolve("index.html")), "no index.html in " + site);
        for (Path html : files(site, ".html")) {
            String text = read(html);
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
            String text = read(json);
            assertFalse(text.indexOf('<') >= 0, json + " contains a raw '<'");
        }
    }
}
