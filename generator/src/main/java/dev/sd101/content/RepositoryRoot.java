package dev.sd101.content;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the top of the git work tree that holds a path, the way {@code git rev-parse --show-toplevel} does
 * for an ordinary checkout: the nearest folder, from the path's own upwards, that has a {@code .git} entry.
 * That entry is a folder in a plain clone and a file in a linked worktree or a submodule; both count.
 *
 * <p>GitHub resolves a README's relative links within its repository, so the repository is the natural
 * content root: a translation in {@code translations/} may show {@code ../images/x.png}. Nothing is read
 * from git itself; only the file system is asked.
 */
public final class RepositoryRoot {
    private RepositoryRoot() {
    }

    /** The work tree's top folder (absolute, normalised), or empty when {@code path} is in no git work tree. */
    public static Optional<Path> of(Path path) {
        Path dir = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        for (; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * The content root used when none is given: the git work tree holding {@code source}; else
     * {@code projectDirectory} (the Maven project's base folder) when it holds the source; else the source's
     * own folder (the source itself when it is a folder).
     *
     * @param projectDirectory the Maven project's base folder, or {@code null} outside Maven
     */
    public static Path defaultContentRoot(Path source, Path projectDirectory) {
        Path src = source.toAbsolutePath().normalize();
        Optional<Path> repository = of(src);
        if (repository.isPresent()) {
            return repository.get();
        }
        if (projectDirectory != null) {
            Path project = projectDirectory.toAbsolutePath().normalize();
            if (src.startsWith(project)) {
                return project;
            }
        }
        return Files.isDirectory(src) ? src : src.getParent();
    }
}
