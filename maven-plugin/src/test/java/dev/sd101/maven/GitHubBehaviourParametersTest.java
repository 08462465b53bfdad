package dev.sd101.maven;

import dev.sd101.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The parameters that switch sd101's deliberate differences from GitHub off reach the engine's config. */
class GitHubBehaviourParametersTest {
    private static GenerateMojo mojo(Path tmp) throws Exception {
        Files.writeString(tmp.resolve("README.md"), "# Hi\n");
        GenerateMojo m = new GenerateMojo();
        m.source = tmp.resolve("README.md").toFile();
        m.outputDirectory = tmp.resolve("site").toFile();
        m.language = "en";
        m.editBranch = "main";
        return m;
    }

    @Test
    void defaultsKeepSd101sRendering(@TempDir Path tmp) throws Exception {
        SiteConfig c = mojo(tmp).config();
        assertEquals(true, c.fillEmptyAlt());
        assertEquals(true, c.shiftHeadings());
    }

    @Test
    void fillEmptyAltAndShiftHeadingsSwitchBackToGitHub(@TempDir Path tmp) throws Exception {
        GenerateMojo m = mojo(tmp);
        m.fillEmptyAlt = false;
        m.shiftHeadings = false;
        SiteConfig c = m.config();
        assertEquals(false, c.fillEmptyAlt());
        assertEquals(false, c.shiftHeadings());
    }
}
