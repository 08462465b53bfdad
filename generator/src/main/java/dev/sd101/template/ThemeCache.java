package dev.sd101.template;

import dev.sd101.BuildException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Keeps the compiled templates and the asset bytes of the last build's theme, so that a rebuild (as
 * {@code serve} does after every edit) does not recompile Pebble templates or re-read the theme's files.
 * A user's theme folder is fingerprinted (names, sizes, modification times) on every call: an edited
 * template is picked up on the next build. The default theme on the classpath never changes in a run.
 */
public final class ThemeCache {
    /** A compiled theme and its assets. */
    public record Theme(ThemeRenderer renderer, Map<String, byte[]> assets) {
    }

    private record Entry(Path directory, String fingerprint, Theme theme) {
    }

    private Entry entry;

    /** The theme of {@code themeDirectory} ({@code null} for the default theme), compiled once per change. */
    public synchronized Theme get(Path themeDirectory) {
        String fingerprint = fingerprint(themeDirectory);
        Entry e = entry;
        if (e == null || !Objects.equals(e.directory(), themeDirectory) || !e.fingerprint().equals(fingerprint)) {
            e = new Entry(themeDirectory, fingerprint,
                    new Theme(new ThemeRenderer(themeDirectory), Map.copyOf(ThemeAssets.load(themeDirectory))));
            entry = e;
        }
        return e.theme();
    }

    private static String fingerprint(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                b.append(p).append('|').append(a.size()).append('|').append(a.lastModifiedTime().toMillis()).append('\n');
            }
        } catch (IOException e) {
            throw new BuildException(dir + ": cannot read the theme folder: " + e.getMessage(), e);
        }
        return b.toString();
    }
}
