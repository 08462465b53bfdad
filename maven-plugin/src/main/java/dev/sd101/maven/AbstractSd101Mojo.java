package dev.sd101.maven;

import dev.sd101.BuildException;
import dev.sd101.InvalidSetting;
import dev.sd101.OutOfMemory;
import dev.sd101.Problem;
import dev.sd101.Severity;
import dev.sd101.SiteConfig;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * The parameters every sd101 goal shares, each mapped one to one onto {@link SiteConfig}. Goals only
 * translate parameters and call the engine.
 */
abstract class AbstractSd101Mojo extends AbstractMojo {
    /** A Markdown file, or a folder of Markdown files, to publish. */
    @Parameter(property = "sd101.source", defaultValue = "${project.basedir}/README.md", required = true)
    File source;

    /**
     * The folder links and images must stay inside, as GitHub resolves them within the repository. By default the
     * top of the git work tree holding the source; outside git, the project's base folder when it holds the source,
     * else the source's folder.
     */
    @Parameter(property = "sd101.contentRoot")
    File contentRoot;

    /** The project's base folder: the content root's fallback outside a git work tree. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** Where the site is written. Replaced as a whole, atomically, on every successful build. */
    @Parameter(property = "sd101.outputDirectory", defaultValue = "${project.basedir}/site")
    File outputDirectory;

    /** A folder whose templates and assets override single files of the default theme. */
    @Parameter(property = "sd101.themeDirectory")
    File themeDirectory;

    /** The site's title; by default the document's first heading. */
    @Parameter(property = "sd101.siteTitle")
    String siteTitle;

    /** The language of the pages, written as {@code <html lang>}, e.g. {@code ko}; {@code en} when neither this nor the config file sets it. */
    @Parameter(property = "sd101.language")
    String language;

    /** The published site's absolute URL, used for canonical links, the sitemap and Open Graph images. */
    @Parameter(property = "sd101.siteUrl")
    String siteUrl;

    /** The content's GitHub repository URL; enables "edit this page" links. */
    @Parameter(property = "sd101.repositoryUrl")
    String repositoryUrl;

    /** The branch "edit this page" links open; {@code main} when neither this nor the config file sets it. */
    @Parameter(property = "sd101.editBranch")
    String editBranch;

    /** Where images that are missing locally are taken from instead (a URL ending in a folder). */
    @Parameter(property = "sd101.imageBaseUrl")
    String imageBaseUrl;

    /** The heading level at which one document becomes many pages: 0 (the default) from its table of contents, -1 never. */
    @Parameter(property = "sd101.splitLevel")
    Integer splitLevel;

    /** Whether content problems, warnings included, fail the build (default false). */
    @Parameter(property = "sd101.strict")
    Boolean strict;

    /** Whether raw HTML is cleaned to GitHub's allowlist (default true); turn off only for trusted content. */
    @Parameter(property = "sd101.sanitizeHtml")
    Boolean sanitizeHtml;

    /** Whether the client-side search index is written (default true). */
    @Parameter(property = "sd101.search")
    Boolean search;

    /**
     * The site config file (YAML: site settings, {@code collections}, {@code taxonomies}, {@code home}). By
     * default {@code sd101.yml} beside the source, when there is one. Parameters set here beat the file.
     */
    @Parameter(property = "sd101.configFile")
    File configFile;

    /** Whether pages whose front matter says {@code draft: true} are published too (default false). */
    @Parameter(property = "sd101.drafts")
    Boolean drafts;

    /**
     * Whether an image without alt text gets its section's heading as alt text (default true); false leaves it empty,
     * as GitHub does.
     */
    @Parameter(property = "sd101.fillEmptyAlt")
    Boolean fillEmptyAlt;

    /**
     * Whether a page's headings move up so that its title is an {@code h1} (default true: an article cut from a
     * README at {@code ###} starts with an h1); false keeps the levels as written, as GitHub does.
     */
    @Parameter(property = "sd101.shiftHeadings")
    Boolean shiftHeadings;

    /** Skips the goal. */
    @Parameter(property = "sd101.skip", defaultValue = "false")
    boolean skip;

    /**
     * {@code generate} and {@code serve}: where the search analysis of the site's texts is kept between builds, so
     * that a rebuild analyses only what changed. Never changes the output; {@code mvn clean} clears it.
     */
    @Parameter(property = "sd101.cacheDirectory", defaultValue = "${project.build.directory}/sd101-cache")
    File cacheDirectory;

    /** {@code generate} and {@code serve}: whether the analysis cache is read and written (default true). */
    @Parameter(property = "sd101.cache", defaultValue = "true")
    boolean cache;

    /**
     * The site's language editions, each {@code <edition><language>en</language><source>README.md</source>}
     * (optionally {@code <title>} and {@code <prefix>}){@code </edition>}: the first is published at the site root
     * unless another has an empty prefix, each other under {@code <language>/}. Unset: the config file's
     * {@code editions}, else one edition ({@code source}).
     */
    @Parameter
    List<Edition> editions;

    /** {@code config} with the analysis cache the parameters ask for. */
    SiteConfig withCache(SiteConfig config) throws MojoFailureException {
        if (!cache || cacheDirectory == null) {
            return config;
        }
        try {
            return config.withCacheDirectory(cacheDirectory.toPath());
        } catch (IllegalArgumentException e) {
            throw badParameter("cacheDirectory", e.getMessage(), e);
        }
    }

    /**
     * @throws MojoFailureException   when a parameter or the site config file is invalid (its {@code file:line}
     *                                 is logged first)
     * @throws MojoExecutionException when the config file cannot be read
     */
    SiteConfig config() throws MojoExecutionException, MojoFailureException {
        try {
            SiteConfig.Builder b = SiteConfig.builder(source.toPath())
                    .contentRoot(contentRoot == null ? null : contentRoot.toPath())
                    .projectDirectory(basedir == null ? null : basedir.toPath())
                    .outputDirectory(outputDirectory == null ? null : outputDirectory.toPath())
                    .themeDirectory(themeDirectory == null ? null : themeDirectory.toPath())
                    .siteTitle(siteTitle)
                    .language(language)
                    .siteUrl(siteUrl)
                    .repositoryUrl(repositoryUrl)
                    .editBranch(editBranch)
                    .imageBaseUrl(imageBaseUrl)
                    .configFile(configFile == null ? null : configFile.toPath())
                    // Unset parameters are null, so the config file's values (then the defaults) apply.
                    .splitLevel(splitLevel)
                    .strict(strict)
                    .sanitizeHtml(sanitizeHtml)
                    .search(search)
                    .drafts(drafts)
                    .fillEmptyAlt(fillEmptyAlt)
                    .shiftHeadings(shiftHeadings)
                    .editions(editions == null ? null : editions.stream().map(Edition::toConfig).toList());
            return b.build();
        } catch (BuildException e) {
            throw failure(e);
        } catch (InvalidSetting e) {
            // A setting's key is also its parameter's name; a nested one (editions.en.prefix) is in its top-level parameter.
            throw badParameter(e.key().split("\\.", 2)[0], e.getMessage(), e);
        }
    }

    /**
     * A build error as the goal's failure, by Maven's convention: the user's fault (content, configuration) is a
     * MojoFailureException, returned for the caller to throw; the tool's (I/O) a MojoExecutionException, thrown here.
     * Its message ({@code file:line: …}) is logged first, so it is the first error line the user reads; a
     * MojoFailureException is shown by Maven without the "Execution … of goal … failed" wrapping a runtime
     * exception gets.
     */
    MojoFailureException failure(BuildException e) throws MojoExecutionException {
        // Maven's own JVM runs the build: its heap is raised through MAVEN_OPTS (or .mvn/jvm.config).
        String message = e instanceof OutOfMemory oom ? oom.advice("MAVEN_OPTS=-Xmx%s") : e.getMessage();
        getLog().error(message);
        if (e.isToolFault()) {
            throw new MojoExecutionException(message, e);
        }
        return new MojoFailureException(message, e);
    }

    /** A parameter the user set wrong: the goal's failure, named as the parameter and its property. */
    MojoFailureException badParameter(String key, String message, Exception e) {
        String text = "sd101 configuration: parameter " + key + " (property sd101." + key + "): " + message;
        getLog().error(text);
        return new MojoFailureException(text, e);
    }

    void log(List<Problem> problems) {
        for (Problem p : problems) {
            if (p.severity() == Severity.ERROR) {
                getLog().error(p.format());
            } else if (p.isNote()) {
                getLog().info(p.format());
            } else {
                getLog().warn(p.format());
            }
        }
    }
}
