package dev.sd101.template;

import dev.sd101.BuildException;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The theme's static files ({@code assets/**}): the default theme's from the classpath (a folder in
 * development, a jar in the CLI and the Maven plugin), overridden file by file by a user's theme folder.
 */
public final class ThemeAssets {
    private ThemeAssets() {
    }

    /** Every asset: path relative to the site root (e.g. {@code assets/site.css}) → bytes, sorted. */
    public static Map<String, byte[]> load(Path themeDirectory) {
        Map<String, byte[]> out = new TreeMap<>();
        String prefix = ThemeRenderer.DEFAULT_THEME + "/assets/";
        URL url = ThemeAssets.class.getClassLoader().getResource(prefix);
        if (url == null) {
            throw new BuildException("the default theme is missing from the classpath (" + prefix + ")");
        }
        try {
            if (url.getProtocol().equals("jar")) {
                JarURLConnection conn = (JarURLConnection) url.openConnection();
                conn.setUseCaches(false);
                try (JarFile jar = conn.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry e = entries.nextElement();
                        if (!e.isDirectory() && e.getName().startsWith(prefix)) {
                            try (InputStream in = jar.getInputStream(e)) {
                                out.put("assets/" + e.getName().substring(prefix.length()), in.readAllBytes());
                            }
                        }
                    }
                }
            } else {
                readFolder(Path.of(url.toURI()), out);
            }
            if (themeDirectory != null) {
                ThemeFolder.checkContained(themeDirectory);
            }
            if (themeDirectory != null && Files.isDirectory(themeDirectory.resolve("assets"))) {
                readFolder(themeDirectory.resolve("assets"), out);
            }
        } catch (IOException | URISyntaxException e) {
            throw new BuildException("cannot read theme assets: " + e.getMessage(), e);
        }
        return out;
    }

    private static void readFolder(Path dir, Map<String, byte[]> out) throws IOException {
        Path real = dir.toRealPath();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isRegularFile(p)) {
                    if (!p.toRealPath().startsWith(real)) {
                        throw new BuildException(p + ": a symbolic link leading outside the theme folder");
                    }
                    String rel = dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                    out.put("assets/" + rel, Files.readAllBytes(p));
                }
            }
        }
    }
}
