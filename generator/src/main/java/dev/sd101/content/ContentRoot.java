package dev.sd101.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder all content must stay inside. Every path the engine reads because content named it goes
 * through {@link #resolve}: a link, image or theme path that leads outside (by {@code ..}, an absolute
 * path or a symbolic link) is refused, never read or copied.
 */
public final class ContentRoot {
    private final Path root;
    private final Path realRoot;

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
        boolean exists = Files.exists(candidate, LinkOption.NOFOLLOW_LINKS);
        if (exists && !staysInsideThroughLinks(candidate)) {
            return new Resolved.Outside("a symbolic link leading outside the content root");
        }
        return new Resolved.Inside(candidate, relative(candidate), exists);
    }

    /** The {@code /}-separated path of a file inside the root. */
    public String relative(Path file) {
        String rel = root.relativize(file.toAbsolutePath().normalize()).toString();
        return rel.replace(java.io.File.separatorChar, '/');
    }

    /** Whether {@code file} is inside the root after following every symbolic link on its way. */
    public boolean staysInsideThroughLinks(Path file) {
        try {
            return file.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
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
