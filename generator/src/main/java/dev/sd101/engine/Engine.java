package dev.sd101.engine;

import dev.sd101.BuildException;
import dev.sd101.BuildResult;
import dev.sd101.LinkFix;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import dev.sd101.content.ContentRoot;
import dev.sd101.content.SourceLoader;
import dev.sd101.link.Suggester;
import dev.sd101.markdown.Heading;
import dev.sd101.markdown.MarkdownParser;
import dev.sd101.search.SearchIndexer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine behind {@link dev.sd101.Sd101}, which documents each method: one parser, one pipeline with its caches
 * and one fixer, kept warm across builds. Not for use but through {@code Sd101}.
 */
public final class Engine {
    private final MarkdownParser parser = new MarkdownParser();
    private final BuildPipeline pipeline;
    private final LinkFixes fixes;

    /** @param version what the pages' generator line names */
    public Engine(String version) {
        this.pipeline = new BuildPipeline(parser, new SearchIndexer(), version);
        this.fixes = new LinkFixes(pipeline.planner());
    }

    public BuildResult generate(SiteConfig config) {
        return pipeline.generate(config);
    }

    public SiteBuild build(SiteConfig config) {
        return pipeline.build(config);
    }

    public SiteBuild build(SiteConfig config, java.util.Set<Path> changed) {
        return pipeline.build(config, dev.sd101.content.ChangedFiles.of(changed));
    }

    public dev.sd101.Rebuild rebuild(SiteConfig config, java.util.Set<Path> changed) {
        return pipeline.serve(config, changed == null ? dev.sd101.content.ChangedFiles.unknown()
                : dev.sd101.content.ChangedFiles.of(changed));
    }

    /** @param previous the site written there last, or {@code null} to write the whole site */
    public BuildResult write(SiteConfig config, SiteBuild site, SiteBuild previous) {
        return pipeline.write(config, site, previous);
    }

    public BuildResult check(SiteConfig config) {
        return pipeline.check(config);
    }

    public List<LinkFix> fix(SiteConfig config) {
        return fixes.fix(config);
    }

    public List<Heading> anchors(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            List<String> near = abs.getParent() == null ? List.of()
                    : Suggester.nearestFileNames(abs.getParent(), abs.getFileName().toString());
            throw new BuildException(ContentRoot.display(abs) + ": no such file"
                    + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?"));
        }
        SourceLoader loader = new SourceLoader(new ContentRoot(abs.getParent()));
        return parser.parse(loader.read(abs)).headings();
    }
}
