package dev.sd101.maven;

import dev.sd101.BuildException;
import dev.sd101.BuildResult;
import dev.sd101.LinkFix;
import dev.sd101.Sd101;
import dev.sd101.Severity;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** Checks every link, anchor and image of the sources as GitHub resolves them; fails on an error. */
@Mojo(name = "check", aggregator = true, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractSd101Mojo {
    /** Whether warnings (such as a fragment that matches only case-insensitively) fail the build too. */
    @Parameter(property = "sd101.failOnWarnings", defaultValue = "false")
    boolean failOnWarnings;

    /**
     * Whether to first rewrite, in the source files, each link whose suggested fix is unambiguous (a
     * case-only fragment, the one nearest heading id or file name). Each change is logged as
     * {@code file:line: old → new}; ambiguous links are left alone; files are replaced atomically.
     */
    @Parameter(property = "sd101.fix", defaultValue = "false")
    boolean fix;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("sd101: skipped");
            return;
        }
        BuildResult result;
        dev.sd101.SiteConfig config = config();
        try {
            Sd101 sd101 = new Sd101();
            if (fix) {
                List<LinkFix> fixes = sd101.fix(config);
                fixes.forEach(f -> getLog().info(f.format()));
                getLog().info("sd101 check: " + fixes.size() + " link(s) rewritten");
            }
            result = sd101.check(config);
        } catch (BuildException e) {
            throw failure(e);
        }
        log(result.problems());
        if ("true".equals(System.getenv("GITHUB_ACTIONS"))) {
            // Workflow commands must start the line, so they bypass Maven's "[ERROR] " prefix.
            result.problems().forEach(p -> System.out.println(p.githubAnnotation()));
            System.out.flush();
        }
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        getLog().info(String.format("sd101 check: %d error(s), %d warning(s)", errors, warnings));
        if (errors > 0 || ((failOnWarnings || config.strict()) && warnings > 0)) {
            throw new MojoFailureException("sd101 check failed: " + errors + " error(s), " + warnings + " warning(s)");
        }
    }
}
