package dev.sd101.content;

import dev.sd101.BuildException;
import dev.sd101.BuildResult;
import dev.sd101.Problem;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import dev.sd101.SiteFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing outside the content root, the theme folder or the output folder is read, copied or replaced:
 * {@code ..}, absolute paths and real symbolic links leading out are problems with file:line (or fatal
 * errors naming the file), and a wrong output folder never costs the user their content.
 */
class ContainmentTest {
    private static final String SECRET = "SECRET-sd101-do-not-publish";
    private final Sd101 engine = new Sd101();
    private Path tmp;
    private Path docs;
    private Path outside;

    @BeforeEach
    void files(@TempDir Path tmp) throws IOException {
        this.tmp = tmp;
        docs = tmp.resolve("docs");
        outside = tmp.resolve("outside");
        Files.createDirectories(docs);
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("secret.png"), SECRET);
        Files.writeString(outside.resolve("secret.md"), "# " + SECRET + "\n");
        Files.createDirectories(outside.resolve("dir"));
        Files.writeString(outside.resolve("dir/inner.png"), SECRET);
    }

    private void assertNoSecretIn(Path site) {
        for (Path f : SiteFiles.files(site, "")) {
            assertFalse(SiteFiles.text(f).contains(SECRET), f + " holds data from outside the content root");
        }
    }

    @Test
    void linksAndImagesLeadingOutAreProblemsAndAreNeverCopied() throws IOException {
        Files.createSymbolicLink(docs.resolve("link.png"), outside.resolve("secret.png"));
        Files.createSymbolicLink(docs.resolve("linked-dir"), outside.resolve("dir"));
        Files.writeString(docs.resolve("README.md"), String.join("\n",
                "# Paths",
                "",
                "[up](../outside/secret.png)",
                "![up](../../../../../../../etc/passwd)",
                "![link](link.png)",
                "[dir](linked-dir/inner.png)",
                "<img src=\"link.png\">",
                "<a href=\"../outside/secret.md\">md</a>",
                "[abs](" + outside.resolve("secret.png") + ")",
                ""));
        Path site = tmp.resolve("site");
        BuildResult r = engine.generate(SiteConfig.builder(docs.resolve("README.md")).outputDirectory(site).build());
        for (int line = 3; line <= 8; line++) {
            int l = line;
            assertTrue(r.problems().stream().anyMatch(p -> p.line() == l && p.message().matches(".*(outside the content root|symbolic link leading outside).*")),
                    "line " + line + ": " + r.problems());
        }
        // An absolute path is taken from the content root, as GitHub takes it from the repository: not found.
        assertTrue(r.problems().stream().anyMatch(p -> p.line() == 9 && p.message().contains("no such file")), r.problems().toString());
        for (Problem p : r.problems()) {
            assertTrue(p.format().startsWith(docs.resolve("README.md") + ":" + p.line() + ":"), p.format());
        }
        assertNoSecretIn(site);
        assertFalse(Files.exists(site.resolve("link.png")));
        assertFalse(Files.exists(site.resolve("linked-dir")));
    }

    @Test
    void aSourceLinkedFromOutsideIsNotRead() throws IOException {
        Files.writeString(docs.resolve("README.md"), "# Home\n");
        Files.createSymbolicLink(docs.resolve("leak.md"), outside.resolve("secret.md"));
        Path site = tmp.resolve("site");
        BuildException e = assertThrows(BuildException.class,
                () -> engine.generate(SiteConfig.builder(docs).outputDirectory(site).build()));
        assertTrue(e.getMessage().startsWith(docs.resolve("leak.md") + ": a symbolic link leading outside"), e.getMessage());
        assertFalse(Files.exists(site));
    }

    @Test
    void themeFilesLinkedFromOutsideAreRefused() throws IOException {
        Files.writeString(docs.resolve("README.md"), "# Home\n");
        Path theme = tmp.resolve("theme");
        Files.createDirectories(theme.resolve("assets"));
        Files.createSymbolicLink(theme.resolve("assets/leak.css"), outside.resolve("secret.png"));
        Path site = tmp.resolve("site");
        SiteConfig config = SiteConfig.builder(docs).outputDirectory(site).themeDirectory(theme).build();
        BuildException e = assertThrows(BuildException.class, () -> engine.generate(config));
        assertTrue(e.getMessage().startsWith(theme.resolve("assets/leak.css") + ": a symbolic link leading outside the theme folder"), e.getMessage());

        Files.delete(theme.resolve("assets/leak.css"));
        Files.createSymbolicLink(theme.resolve("partials"), outside.resolve("dir"));
        e = assertThrows(BuildException.class, () -> engine.generate(config));
        assertTrue(e.getMessage().startsWith(theme.resolve("partials") + ": a symbolic link leading outside the theme folder"), e.getMessage());
        assertFalse(Files.exists(site));
    }

    @Test
    void aThemeTemplateCannotIncludeAFileOutsideTheThemeFolder() throws IOException {
        Files.writeString(docs.resolve("README.md"), "# Home\n");
        Path theme = tmp.resolve("theme");
        Files.createDirectories(theme);
        Files.writeString(outside.resolve("evil.peb"), SECRET);
        Files.writeString(theme.resolve("page.peb"), "{% include \"../outside/evil.peb\" %}\n");
        Path site = tmp.resolve("site");
        BuildException e = assertThrows(BuildException.class,
                () -> engine.generate(SiteConfig.builder(docs).outputDirectory(site).themeDirectory(theme).build()));
        assertTrue(e.getMessage().startsWith(theme.resolve("page.peb") + ":1: "), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
        assertFalse(Files.exists(site));
    }

    @Test
    void theOutputFolderCannotBeOrContainTheSourceAndTheContentSurvives() throws IOException {
        Files.writeString(docs.resolve("README.md"), "# Home\n\nPrecious content.\n");
        Files.writeString(docs.resolve("notes.txt"), "precious");
        Map<String, String> before = SiteFiles.hashes(tmp);
        Path link = tmp.resolve("link-to-docs");
        Files.createSymbolicLink(link, docs);
        for (Path out : List.of(docs, tmp, link, tmp.getRoot())) {
            SiteConfig config = SiteConfig.builder(docs.resolve("README.md")).outputDirectory(out).build();
            BuildException e = assertThrows(BuildException.class, () -> engine.generate(config), "output " + out);
            assertTrue(e.getMessage().contains("output folder") && e.getMessage().contains(out.toString()), e.getMessage());
            assertEquals(before, SiteFiles.hashes(tmp), "content changed by a refused build into " + out);
            assertEquals(List.of(), SiteFiles.temporaryFolders(docs.resolve("x")));
        }
        // A folder of the user's that sd101 did not write is not replaced either.
        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("keep.txt"), "mine");
        BuildException e = assertThrows(BuildException.class,
                () -> engine.generate(SiteConfig.builder(docs.resolve("README.md")).outputDirectory(mine).build()));
        assertTrue(e.getMessage().contains("not a site sd101 wrote"), e.getMessage());
        assertEquals("mine", Files.readString(mine.resolve("keep.txt")));
    }
}
