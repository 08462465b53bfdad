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
    private final MarkdownParser parser;
    private final BuildPipeline pipeline;
    private final LinkFixes fixes;

    /** @param version what the pages' generator line names */
    public Engine(String version) {
        // The indexer (its lexicon's data files) is built on another core while flexmark's parser and renderer are:
        // in a cold command-line run the build waits for both.
        java.util.concurrent.FutureTask<SearchIndexer> indexer = new java.util.concurrent.FutureTask<>(SearchIndexer::new);
        Thread t = new Thread(indexer, "sd101-engine-index");
        t.setDaemon(true);
        t.start();
        this.parser = new MarkdownParser();
        this.pipeline = new BuildPipeline(parser, built(indexer), version);
        this.fixes = new LinkFixes(pipeline.planner());
    }

    private static SearchIndexer built(java.util.concurrent.FutureTask<SearchIndexer> indexer) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return indexer.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the indexer is a few milliseconds away; the interrupt is kept for the caller
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
