package dev.sd101.render;

import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Edit this page" links the file's path inside its git repository, wherever the docs live in it. */
class EditLinkTest {
    private static final String REPO = "https://github.com/example/handbook";

    @Test
    void docsInASubFolderOfTheRepository(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("handbook");
        Files.createDirectories(repo.resolve(".git"));
        write(repo.resolve("docs/README.md"), "# Handbook\n\nSee [the setup](guide/설치.md).\n");
        write(repo.resolve("docs/guide/설치.md"), "# 설치\n\nInstall it.\n");
        // The content root is docs/ itself here: the edit path still comes from the top of the work tree.
        Map<String, String> site = build(SiteConfig.builder(repo.resolve("docs")).contentRoot(repo.resolve("docs"))
                .outputDirectory(tmp.resolve("site")));
        assertEquals(REPO + "/edit/main/docs/README.md", edit(site.get("index.html")));
        assertEquals(REPO + "/edit/main/docs/guide/설치.md", edit(site.get("guide/설치/index.html")));
    }

    @Test
    void aSourceFileGivenRelativeToTheWorkingFolderStillFindsTheRepository(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("handbook");
        Files.createDirectories(repo.resolve(".git"));
        write(repo.resolve("docs/README.md"), "# Handbook\n\nText.\n");
        Path relative = Path.of("").toAbsolutePath().relativize(repo.resolve("docs/README.md"));
        Map<String, String> site = build(SiteConfig.builder(relative).outputDirectory(tmp.resolve("site")).editBranch("trunk"));
        // One file: the home page, whatever the content root (by default the work tree).
        assertEquals(REPO + "/edit/trunk/docs/README.md", edit(site.get("index.html")));
    }

    @Test
    void aGitFileMarksAWorkTreeToo(@TempDir Path tmp) throws Exception {
        // A linked work tree or a submodule has a .git file, not a folder.
        Path repo = tmp.resolve("handbook");
        write(repo.resolve(".git"), "gitdir: ../elsewhere/.git/worktrees/handbook\n");
        write(repo.resolve("site/docs/a.md"), "# A\n\nText.\n");
        write(repo.resolve("site/docs/b.md"), "# B\n\nText.\n");
        Map<String, String> site = build(SiteConfig.builder(repo.resolve("site/docs")).outputDirectory(tmp.resolve("out")));
        // By default the content root is the work tree: the edit link keeps the path in it, while pages are
        // published by their place in the source folder.
        assertEquals(REPO + "/edit/main/site/docs/b.md", edit(site.get("b/index.html")));
    }

    @Test
    void withoutARepositoryThePathIsTakenFromTheContentRoot(@TempDir Path tmp) throws Exception {
        write(tmp.resolve("docs/README.md"), "# Handbook\n\nText.\n");
        write(tmp.resolve("docs/a.md"), "# A\n\nText.\n");
        Map<String, String> site = build(SiteConfig.builder(tmp.resolve("docs")).contentRoot(tmp).outputDirectory(tmp.resolve("site")));
        // Pages are published by their place in the source folder; the edit link keeps the path in the repository.
        assertEquals(REPO + "/edit/main/docs/a.md", edit(site.get("a/index.html")));
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Map<String, String> build(SiteConfig.Builder b) {
        Map<String, String> out = new java.util.TreeMap<>();
        new Sd101().build(b.repositoryUrl(REPO).search(false).build()).files()
                .forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    private static String edit(String html) {
        return Jsoup.parse(html).select("a[href*=/edit/]").attr("href");
    }
}
