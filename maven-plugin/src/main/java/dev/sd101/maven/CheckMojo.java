package dev.sd101.maven;

import dev.sd101.BuildException;
import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.Severity;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Checks every link, anchor and image of the sources as GitHub resolves them; fails on an error. */
@Mojo(name = "check", aggregator = true, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractSd101Mojo {
    /** Whether warnings (such as a fragment that matches only case-insensitively) fail the build too. */
    @Parameter(property = "sd101.failOnWarnings", defaultValue = "false")
    boolean failOnWarnings;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("sd101: skipped");
            return;
        }
        BuildResult result;
        try {
            result = new Sd101().check(config());
        } catch (BuildException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        log(result.problems());
        long errors = result.problems().stream().filter(p -> p.severity() == Severity.ERROR).count();
        long warnings = result.problems().size() - errors;
        getLog().info(String.format("sd101 check: %d error(s), %d warning(s)", errors, warnings));
        if (errors > 0 || ((failOnWarnings || Boolean.TRUE.equals(strict)) && warnings > 0)) {
            throw new MojoFailureException("sd101 check failed: " + errors + " error(s), " + warnings + " warning(s)");
        }
    }
}
