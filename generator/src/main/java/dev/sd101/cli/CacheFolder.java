package dev.sd101.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where the command line keeps a site's build cache by default: the user's cache folder (as Hugo does), one
 * folder per output folder, so two sites never evict each other's entries and deleting the folder is always safe.
 */
final class CacheFolder {
    private CacheFolder() {
    }

    /**
     * {@code $XDG_CACHE_HOME/sd101/<name>-<hash>}, else {@code $HOME/.cache/sd101/…}, else {@code %LOCALAPPDATA%\sd101\…};
     * {@code null} (no cache) when the environment names none of them. {@code <name>} is the output folder's
     * parent (the project), {@code <hash>} tells apart projects of the same name.
     */
    static Path of(Path output, Map<String, String> env) {
        Path base = absolute(env.get("XDG_CACHE_HOME"));
        if (base == null) {
            Path home = absolute(env.get("HOME"));
            base = home == null ? absolute(env.get("LOCALAPPDATA")) : home.resolve(".cache");
        }
        if (base == null) {
            return null;
        }
        Path abs = output.toAbsolutePath().normalize();
        Path project = abs.getParent() == null ? abs : abs.getParent();
        String name = project.getFileName() == null ? "site" : project.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return base.resolve("sd101").resolve(name + "-" + hash(abs.toString()));
    }

    private static Path absolute(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? p : null; // the XDG spec: a relative path is invalid and ignored
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
