package dev.sd101;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site config file: keys, types, and precedence (explicit option > file > default). */
class SiteConfigFileTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Files.writeString(dir.resolve("README.md"), "# Hi\n");
        Files.createDirectories(dir.resolve("posts"));
        return Files.writeString(dir.resolve("sd101.yml"), yaml);
    }

    @Test
    void theFileBeatsDefaultsAndOptionsBeatTheFile() throws IOException {
        write("title: From file\nlanguage: ko\nsearch: false\ndrafts: true\n"
                + "collections:\n  posts:\n    sort: title\ntaxonomies:\n  tags: {}\nhome:\n  taxonomy: tags\n");
        SiteConfig fromFile = SiteConfig.builder(dir).build(); // found beside the source
        assertEquals("From file", fromFile.siteTitle());
        assertEquals("ko", fromFile.language());
        assertEquals(false, fromFile.search());
        assertEquals(true, fromFile.drafts());
        assertEquals("posts/{slug}/", fromFile.collections().get(0).path());
        assertEquals(SiteConfig.Sort.TITLE, fromFile.collections().get(0).sort());
        assertEquals("tags/", fromFile.taxonomies().get(0).indexPath());
        assertEquals(5, fromFile.home().newest());

        SiteConfig explicit = SiteConfig.builder(dir).siteTitle("Given").language("en").search(true).build();
        assertEquals("Given", explicit.siteTitle());
        assertEquals("en", explicit.language());
        assertEquals(true, explicit.search());
    }

    @Test
    void withoutAFileTheDefaultsHold() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# Hi\n");
        SiteConfig c = SiteConfig.builder(dir.resolve("README.md")).build();
        assertNull(c.configFile());
        assertEquals("en", c.language());
        assertTrue(c.search() && c.sanitizeHtml() && !c.drafts() && c.collections().isEmpty());
    }

    @Test
    void anUnknownKeyIsAnErrorNamingKeyFileAndLine() throws IOException {
        write("title: x\ncolections:\n  posts: {}\n");
        BuildException e = assertThrows(BuildException.class, () -> SiteConfig.builder(dir).build());
        assertTrue(e.getMessage().contains("sd101.yml:2: unknown key 'colections'"), e.getMessage());
        write("collections:\n  posts:\n    folder: posts\n    sorting: title\n");
        e = assertThrows(BuildException.class, () -> SiteConfig.builder(dir).build());
        assertTrue(e.getMessage().contains("sd101.yml:4: unknown key 'collections.posts.sorting'"), e.getMessage());
    }

    @Test
    void aWrongTypeNamesKeyExpectedTypeFileAndLine() throws IOException {
        write("title: x\nsearch: maybe\n");
        BuildException e = assertThrows(BuildException.class, () -> SiteConfig.builder(dir).build());
        assertTrue(e.getMessage().contains("sd101.yml:2: search: expected true or false, found text"), e.getMessage());
        write("collections:\n  posts:\n    feed: many\n");
        e = assertThrows(BuildException.class, () -> SiteConfig.builder(dir).build());
        assertTrue(e.getMessage().contains("sd101.yml:3: collections.posts.feed: expected a whole number"), e.getMessage());
        write("collections:\n  posts:\n    path: posts/\n");
        e = assertThrows(BuildException.class, () -> SiteConfig.builder(dir).build());
        assertTrue(e.getMessage().contains("sd101.yml:2: ") && e.getMessage().contains("{slug}"), e.getMessage());
    }

    @Test
    void aGivenConfigFileMustExist() {
        BuildException e = assertThrows(BuildException.class,
                () -> SiteConfig.builder(dir).configFile(dir.resolve("nope.yml")).build());
        assertTrue(e.getMessage().contains("nope.yml: no such config file"), e.getMessage());
    }
}
