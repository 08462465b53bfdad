package dev.sd101.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folder all content must stay inside. Every path the engine reads because content named it goes
 * through {@link #resolve}: a link, image or theme path that leads outside (by {@code ..}, an absolute
 * path or a symbolic link) is refused, never read or copied.
 *
 * <p>One instance serves one build and takes the disk as it finds it then: what it learnt of a path (whether
 * it exists, where its folder really is) is remembered, because a large site names the same files tens of
 * thousands of times (each link is resolved by the link check, the renderer and the site check) and asking
 * the file system each time was seconds of system calls at 10,000 pages. Thread-safe.
 */
public final class ContentRoot {
    /**
     * The names of a folder's index document, in the order a link to the folder looks for one: GitHub shows a
     * folder's README; {@code index.md} and Hugo's section page {@code _index.md} are what other generators use.
     */
    public static final List<String> INDEX_NAMES = List.of("README.md", "readme.md", "index.md", "_index.md");
    private final Path root;
    private final Path realRoot;
    /** Normalised absolute path inside the root → what {@link #resolve} said about it. */
    private final Map<Path, Resolved> seen = new ConcurrentHashMap<>();
    /** Folder → its real path (symbolic links followed), or empty when it cannot be resolved. */
    private final Map<Path, Optional<Path>> realFolders = new ConcurrentHashMap<>();

    public ContentRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
    }

    /** The root folder, absolute and normalised. */
    public Path path() {
        return root;
    }

    /** Where a path as written in a file resolves, and whether it stays inside. */
    public sealed interface Resolved {
        /** Inside the root: {@code file} is absolute and normalised; {@code exists} tells if it is there. */
        record Inside(Path file, String relativePath, boolean exists) implements Resolved {
        }

        /** Outside the root (or not a valid path at all): never to be read. */
        record Outside(String reason) implements Resolved {
        }
    }

    /**
     * Resolves {@code target} (already percent-decoded, without query or fragment) relative to the folder
     * of {@code fromFile}; a target starting with {@code /} is taken relative to the root, as GitHub takes
     * it relative to the repository.
     */
    public Resolved resolve(Path fromFile, String target) {
        Path candidate;
        try {
            if (target.startsWith("/")) {
                candidate = root.resolve(target.substring(1));
            } else {
                Path p = Path.of(target);
                if (p.isAbsolute()) {
                    return new Resolved.Outside("an absolute path");
                }
                candidate = fromFile.getParent().resolve(p);
            }
        } catch (InvalidPathException e) {
            return new Resolved.Outside("not a valid path");
        }
        candidate = candidate.normalize();
        if (!candidate.startsWith(root)) {
            return new Resolved.Outside("outside the content root");
        }
        return seen.computeIfAbsent(candidate, this::look);
    }

    private Resolved look(Path candidate) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(candidate, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return new Resolved.Inside(candidate, relative(candidate), false);
        }
        if (!staysInside(candidate, attributes)) {
            return new Resolved.Outside("a symbolic link leading outside the content root");
        }
        return new Resolved.Inside(candidate, relative(candidate), true);
    }

    /** The {@code /}-separated path of a file inside the root. */
    public String relative(Path file) {
        String rel = root.relativize(file.toAbsolutePath().normalize()).toString();
        return rel.replace(java.io.File.separatorChar, '/');
    }

    /** Whether {@code file} is inside the root after following every symbolic link on its way. */
    public boolean staysInsideThroughLinks(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            return staysInside(abs, Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return false;
        }
    }

    /** As {@link #staysInsideThroughLinks}, for an absolute normalised path whose own attributes are read. */
    private boolean staysInside(Path abs, BasicFileAttributes attributes) {
        Path folder = abs.getParent();
        if (folder == null || attributes.isSymbolicLink()) {
            try {
                return abs.toRealPath().startsWith(realRoot);
            } catch (IOException e) {
                return false;
            }
        }
        // Not a link itself: its real path is its folder's real path and its name. Folders are shared by many
        // files, so each is resolved once (realpath costs a system call per path component).
        Optional<Path> realFolder = realFolders.computeIfAbsent(folder, f -> {
            try {
                return Optional.of(f.toRealPath());
            } catch (IOException e) {
                return Optional.empty();
            }
        });
        return realFolder.isPresent() && realFolder.get().resolve(abs.getFileName()).startsWith(realRoot);
    }

    /** A file's path as shown in messages: relative to the working directory when it is below it. */
    public static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        String shown = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        return shown.replace(java.io.File.separatorChar, '/');
    }

    /** Convenience for callers that only want existing files inside the root. */
    public Optional<Path> existingInside(Path fromFile, String target) {
        return resolve(fromFile, target) instanceof Resolved.Inside in && in.exists()
                ? Optional.of(in.file()) : Optional.empty();
    }
}
