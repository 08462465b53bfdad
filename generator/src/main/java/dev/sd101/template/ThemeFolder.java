package dev.sd101.template;

import dev.sd101.BuildException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A user's theme folder, checked before anything in it is read: every entry must stay inside it once
 * symbolic links are followed. Pebble's file loader refuses {@code ..} in template names but follows
 * links, and a theme arrives in pull requests like content does.
 */
final class ThemeFolder {
    private ThemeFolder() {
    }

    /** Throws, naming the entry, when a file or folder of the theme leads outside it. */
    static void checkContained(Path themeDirectory) {
        if (!Files.isDirectory(themeDirectory)) {
            throw new BuildException(themeDirectory + ": the theme folder (themeDirectory) does not exist or is not a folder");
        }
        try {
            Path real = themeDirectory.toRealPath();
            try (Stream<Path> walk = Files.walk(themeDirectory)) {
                for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                    if (Files.isSymbolicLink(p) && !leadsInside(p, real)) {
                        throw new BuildException(p + ": a symbolic link leading outside the theme folder "
                                + themeDirectory + "; refusing to read it");
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BuildException(themeDirectory + ": cannot read the theme folder: " + e.getMessage(), e);
        }
    }

    private static boolean leadsInside(Path link, Path realRoot) {
        try {
            return link.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false; // a dangling link leads nowhere we may read
        }
    }
}
