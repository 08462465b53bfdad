package dev.sd101.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad parameter value fails the goal with a message naming the parameter and its user property. */
class ParameterErrorsTest {
    private static GenerateMojo mojo(Path tmp) {
        GenerateMojo m = new GenerateMojo();
        m.source = tmp.resolve("README.md").toFile();
        m.outputDirectory = tmp.resolve("site").toFile();
        m.language = "en";
        m.editBranch = "main";
        m.sanitizeHtml = true;
        m.search = true;
        return m;
    }

    @Test
    void splitLevel(@TempDir Path tmp) {
        GenerateMojo m = mojo(tmp);
        m.splitLevel = 7;
        MojoExecutionException e = assertThrows(MojoExecutionException.class, m::config);
        assertTrue(e.getMessage().contains("splitLevel") && e.getMessage().contains("sd101.splitLevel"), e.getMessage());
    }

    @Test
    void siteUrl(@TempDir Path tmp) {
        GenerateMojo m = mojo(tmp);
        m.siteUrl = "not a url";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, m::config);
        assertTrue(e.getMessage().contains("siteUrl") && e.getMessage().contains("sd101.siteUrl"), e.getMessage());
    }

    @Test
    void themeDirectory(@TempDir Path tmp) {
        GenerateMojo m = mojo(tmp);
        m.themeDirectory = new File(tmp.toFile(), "missing-theme");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, m::config);
        assertTrue(e.getMessage().contains("themeDirectory") && e.getMessage().contains("missing-theme"), e.getMessage());
    }
}
