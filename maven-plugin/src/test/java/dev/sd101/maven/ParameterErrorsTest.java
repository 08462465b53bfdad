package dev.sd101.maven;

import dev.sd101.BuildException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bad parameter value is the user's fault: it fails the goal (MojoFailureException, Maven's BUILD FAILURE) with a
 * message naming the parameter and its user property. Only the tool's own faults (I/O) are execution errors.
 */
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
        MojoFailureException e = assertThrows(MojoFailureException.class, m::config);
        assertTrue(e.getMessage().contains("splitLevel") && e.getMessage().contains("sd101.splitLevel"), e.getMessage());
    }

    @Test
    void siteUrl(@TempDir Path tmp) {
        GenerateMojo m = mojo(tmp);
        m.siteUrl = "not a url";
        MojoFailureException e = assertThrows(MojoFailureException.class, m::config);
        assertTrue(e.getMessage().contains("siteUrl") && e.getMessage().contains("sd101.siteUrl"), e.getMessage());
    }

    @Test
    void themeDirectory(@TempDir Path tmp) {
        GenerateMojo m = mojo(tmp);
        m.themeDirectory = new File(tmp.toFile(), "missing-theme");
        MojoFailureException e = assertThrows(MojoFailureException.class, m::config);
        assertTrue(e.getMessage().contains("themeDirectory") && e.getMessage().contains("missing-theme"), e.getMessage());
    }

    @Test
    void anEditionsValueNamesTheEditionsParameter(@TempDir Path tmp) {
        GenerateMojo m = mojo(tmp);
        Edition en = new Edition();
        en.language = "en";
        en.source = tmp.resolve("README.md").toFile();
        en.prefix = "docs/en/";
        m.editions = List.of(en);
        MojoFailureException e = assertThrows(MojoFailureException.class, m::config);
        assertTrue(e.getMessage().startsWith("sd101 configuration: parameter editions (property sd101.editions): editions.en.prefix must be one folder"),
                e.getMessage());

        en.source = null;
        e = assertThrows(MojoFailureException.class, m::config);
        assertTrue(e.getMessage().contains("parameter editions") && e.getMessage().contains("has no <source>"), e.getMessage());
    }

    @Test
    void onlyAToolFaultIsAnExecutionError(@TempDir Path tmp) throws MojoExecutionException {
        GenerateMojo m = mojo(tmp);
        assertTrue(m.failure(BuildException.at("README.md", 3, "broken link")) instanceof MojoFailureException);
        BuildException io = new BuildException("site: cannot write", new java.io.IOException("disk full"));
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> m.failure(io));
        assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
    }
}
