package dev.sd101.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The git work tree's top as the default content root, and its fallbacks outside git. */
class RepositoryRootTest {
    @TempDir
    Path tmp;

    @Test
    void aCloneIsFoundFromAFileOrFolderAnyDepthBelowIt() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Path source = write(repo.resolve("translations/README-ko.md"));
        assertEquals(Optional.of(repo), RepositoryRoot.of(source));
        assertEquals(Optional.of(repo), RepositoryRoot.of(source.getParent()));
        assertEquals(Optional.of(repo), RepositoryRoot.of(repo));
        assertEquals(repo, RepositoryRoot.defaultContentRoot(source, null));
    }

    @Test
    void aWorktreeOrSubmoduleHasAGitFileAndTheNearestWins() throws IOException {
        Path outer = Files.createDirectories(tmp.resolve("outer"));
        Files.createDirectories(outer.resolve(".git"));
        Path sub = Files.createDirectories(outer.resolve("vendor/docs"));
        Files.writeString(sub.resolve(".git"), "gitdir: ../../.git/modules/docs\n");
        Path source = write(sub.resolve("guide/intro.md"));
        assertEquals(Optional.of(sub), RepositoryRoot.of(source));
        assertEquals(sub, RepositoryRoot.defaultContentRoot(source, outer));
    }

    @Test
    void outsideGitTheProjectFolderWhenItHoldsTheSourceElseTheSourcesFolder() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path source = write(project.resolve("docs/README.md"));
        Path elsewhere = write(tmp.resolve("elsewhere/notes/a.md"));
        assertEquals(Optional.empty(), RepositoryRoot.of(source));
        assertEquals(project, RepositoryRoot.defaultContentRoot(source, project));
        assertEquals(project.resolve("docs"), RepositoryRoot.defaultContentRoot(source, null));
        assertEquals(project.resolve("docs"), RepositoryRoot.defaultContentRoot(project.resolve("docs"), null));
        assertEquals(elsewhere.getParent(), RepositoryRoot.defaultContentRoot(elsewhere, project));
    }

    private static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# Title\n");
        return file;
    }
}
