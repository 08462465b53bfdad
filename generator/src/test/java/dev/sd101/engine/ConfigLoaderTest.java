package dev.sd101.engine;

import dev.sd101.BuildException;
import dev.sd101.InvalidSetting;
import dev.sd101.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Precedence decided once: a value given (option, parameter, builder call) beats sd101.yml, which beats the default;
 * null means "not given", for every kind of value (text, number, switch, list, path).
 */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path source() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# Hi\n");
        Files.writeString(dir.resolve("README-en.md"), "# Hi\n");
        Files.createDirectories(dir.resolve("theme"));
        return dir.resolve("README.md");
    }

    @Test
    void eachKindOfValueGivenBeatsTheFileAndTheFileBeatsTheDefault() throws IOException {
        Path source = source();
        Files.writeString(dir.resolve("sd101.yml"), "title: File\nsplitLevel: 2\nsanitizeHtml: false\nstrict: true\n"
                + "theme: theme\neditions:\n  - language: ko\n    source: README.md\n  - language: en\n    source: README-en.md\n");
        SiteConfig file = SiteConfig.builder(source).build();
        assertEquals("File", file.siteTitle());
        assertEquals(2, file.splitLevel());
        assertFalse(file.sanitizeHtml());
        assertTrue(file.strict());
        assertEquals(dir.resolve("theme").toAbsolutePath().normalize(), file.themeDirectory(), "relative to the file's folder");
        assertEquals(List.of("", "en/"), file.editions().stream().map(SiteConfig.Edition::prefix).toList());
        assertEquals("en", file.language(), "neither given nor in the file: the default");

        SiteConfig given = SiteConfig.builder(source).siteTitle("Given").splitLevel(-1).sanitizeHtml(true).strict(false)
                .editions(List.of(new SiteConfig.Edition("en", source, null, null))).build();
        assertEquals("Given", given.siteTitle());
        assertEquals(-1, given.splitLevel());
        assertTrue(given.sanitizeHtml());
        assertFalse(given.strict());
        assertEquals(List.of("en"), given.editions().stream().map(SiteConfig.Edition::language).toList());

        SiteConfig nulls = SiteConfig.builder(source).siteTitle(null).splitLevel(null).strict(null).editions(List.of()).build();
        assertEquals(file, nulls, "null (and an empty edition list) is not given");
    }

    @Test
    void theDefaultsWithoutAFile() throws IOException {
        SiteConfig c = ConfigLoader.load(SiteConfig.builder(source()).settings());
        assertNull(c.configFile());
        assertEquals(0, c.splitLevel());
        assertEquals("main", c.editBranch());
        assertTrue(c.sanitizeHtml() && c.search() && c.fillEmptyAlt() && c.shiftHeadings());
        assertFalse(c.strict() || c.drafts() || c.hasEditions());
        assertEquals(dir.getParent().resolve("site").toAbsolutePath().normalize(), c.outputDirectory(),
                "site/ beside the source's folder");
    }

    @Test
    void aBadFileValueNamesFileAndLineAndABadGivenValueNamesItsKey() throws IOException {
        Path source = source();
        Files.writeString(dir.resolve("sd101.yml"), "title: File\nsplitLevel: two\n");
        BuildException e = assertThrows(BuildException.class, () -> SiteConfig.builder(source).build());
        assertTrue(e.getMessage().endsWith("sd101.yml:2: splitLevel: expected a whole number, found text"), e.getMessage());

        Files.writeString(dir.resolve("sd101.yml"), "title: File\n");
        InvalidSetting bad = assertThrows(InvalidSetting.class, () -> SiteConfig.builder(source).splitLevel(9).build());
        assertEquals("splitLevel", bad.key());
    }
}
