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
import java.util.Set;
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

    /**
     * The assets a site writes: all but the folders of {@code assets/vendor/} that no page uses (the theme's
     * third-party scripts, megabytes of diagram code a site without diagrams never loads).
     *
     * @param used names of the vendor folders some page reads ({@link Views.Scripts#vendorFolders()})
     */
    public static Map<String, byte[]> forPages(Map<String, byte[]> assets, Set<String> used) {
        Map<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : assets.entrySet()) {
            String path = e.getKey();
            if (path.startsWith(VENDOR)) {
                int slash = path.indexOf('/', VENDOR.length());
                if (slash < 0 && used.isEmpty()) {
                    continue; // the licence notice of the vendor folders, none of them written
                }
                if (slash > 0 && OPTIONAL.contains(path.substring(VENDOR.length(), slash))
                        && !used.contains(path.substring(VENDOR.length(), slash))) {
                    continue;
                }
            }
            out.put(path, e.getValue());
        }
        return out;
    }

    private static final String VENDOR = "assets/vendor/";
    /** The vendor folders written only where used; any other (a user theme's own) is always written. */
    private static final Set<String> OPTIONAL = new Views.Scripts(true, true, true, true).vendorFolders();

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
