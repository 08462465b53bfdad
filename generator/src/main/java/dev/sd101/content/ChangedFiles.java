package dev.sd101.content;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed on disk since an engine's previous build, as a file watcher saw it ({@code serve}): absolute paths of
 * files or folders created, modified or deleted. A build given them re-reads only those files and re-checks only what
 * leads to them; a build without them ({@link #unknown()}: the first build, a watcher that overflowed) reads and
 * checks everything.
 */
public final class ChangedFiles {
    private static final ChangedFiles UNKNOWN = new ChangedFiles(null);

    private final Set<Path> paths;

    private ChangedFiles(Set<Path> paths) {
        this.paths = paths;
    }

    /** Nothing is known about what changed: everything is read and checked again. */
    public static ChangedFiles unknown() {
        return UNKNOWN;
    }

    /**
     * The paths a watcher reported; a relative path (a watcher's overflow) makes the whole set {@link #unknown()}.
     */
    public static ChangedFiles of(Set<Path> changed) {
        Set<Path> out = new TreeSet<>();
        for (Path p : changed) {
            if (!p.isAbsolute()) {
                return UNKNOWN;
            }
            out.add(p.normalize());
        }
        return new ChangedFiles(Set.copyOf(out));
    }

    /** Whether the changed paths are known. */
    public boolean known() {
        return paths != null;
    }

    /** The changed paths (absolute, normalised); empty when {@linkplain #known() unknown}. */
    public Set<Path> paths() {
        return paths == null ? Set.of() : paths;
    }

    /**
     * Whether {@code path} (absolute) may have changed: it is unknown what changed, or a changed path is it, lies
     * below it (a folder link) or above it (a folder deleted or created).
     */
    public boolean touches(Path path) {
        if (paths == null) {
            return true;
        }
        for (Path p : paths) {
            if (p.startsWith(path) || path.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return paths == null ? "ChangedFiles[unknown]" : "ChangedFiles" + paths;
    }
}
