package dev.sd101.maven;

import dev.sd101.BuildException;
import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;


/** Builds the static site from the Markdown sources into {@code outputDirectory}. */
@Mojo(name = "generate", aggregator = true, requiresProject = false, threadSafe = true)
public class GenerateMojo extends AbstractSd101Mojo {
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("sd101: skipped");
            return;
        }
        SiteConfig config = withCache(config());
        BuildResult result;
        try {
            result = new Sd101().generate(config);
        } catch (BuildException e) {
            throw failure(e);
        }
        log(result.problems());
        if (!result.written()) {
            throw new MojoFailureException((result.problems().size() - result.count(dev.sd101.Severity.NOTE)) + " content problem(s) in strict mode; the site was not written");
        }
        getLog().info(String.format("sd101: %d pages, %d files written to %s in %d ms", result.pages(), result.files(),
                result.outputDirectory(), result.millis()));
    }
}
