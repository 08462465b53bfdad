package dev.sd101;

import dev.sd101.content.ContentRoot;
import dev.sd101.content.Source;
import dev.sd101.content.SourceLoader;
import dev.sd101.link.LinkChecker;
import dev.sd101.link.LinkResolver;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.MarkdownParser;
import dev.sd101.output.SiteWriter;
import dev.sd101.render.BodyRenderer;
import dev.sd101.render.PageViews;
import dev.sd101.render.RenderedBody;
import dev.sd101.render.SiteExtras;
import dev.sd101.search.SearchIndexer;
import dev.sd101.search.SearchPage;
import dev.sd101.site.Page;
import dev.sd101.site.SiteModel;
import dev.sd101.site.SitePlanner;
import dev.sd101.template.ThemeAssets;
import dev.sd101.template.ThemeRenderer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The stages in order, wired in one place: load → parse → plan → link → render → index → write. */
final class BuildPipeline {
    private final MarkdownParser parser;
    private final SearchIndexer searchIndexer;

    BuildPipeline(MarkdownParser parser, SearchIndexer searchIndexer) {
        this.parser = parser;
        this.searchIndexer = searchIndexer;
    }

    /** What load → parse → plan → link produce; shared by check and generate. */
    private record Planned(ContentRoot root, SiteModel site, LinkResolver resolver, List<Problem> problems) {
    }

    BuildResult check(SiteConfig config) {
        Map<String, Long> t = new LinkedHashMap<>();
        Planned planned = plan(config, t);
        return new BuildResult(planned.problems(), 0, 0, null, 0, t);
    }

    BuildResult generate(SiteConfig config) {
        Map<String, Long> t = new LinkedHashMap<>();
        SiteWriter writer = new SiteWriter(config.outputDirectory());
        writer.guard(config.contentRoot(), config.source());
        Planned planned = plan(config, t);
        List<Problem> problems = new ArrayList<>();
        for (Problem p : planned.problems()) {
            // generate reports every content problem with one severity: GitHub still renders such a file.
            problems.add(new Problem(p.path(), p.line(), p.column(), config.strict() ? Severity.ERROR : Severity.WARNING,
                    p.message(), p.suggestion()));
        }
        if (config.strict() && !problems.isEmpty()) {
            return new BuildResult(problems, 0, 0, null, 0, t);
        }
        SiteModel site = planned.site();

        Map<String, byte[]> files = new TreeMap<>();
        Map<String, Path> copies = new TreeMap<>();
        List<RenderedBody> bodies = time(t, "render", () -> {
            BodyRenderer bodyRenderer = new BodyRenderer(parser, site, planned.resolver(), config.sanitizeHtml());
            List<RenderedBody> out = site.pages().parallelStream().map(bodyRenderer::render).toList();
            ThemeRenderer theme = new ThemeRenderer(config.themeDirectory());
            PageViews views = new PageViews(config, site, SiteExtras.licenseHtml(site, out), Sd101.VERSION);
            List<byte[]> html = java.util.stream.IntStream.range(0, out.size()).parallel()
                    .mapToObj(i -> theme.render("page.peb", views.model(site.pages().get(i), out.get(i)))
                            .getBytes(StandardCharsets.UTF_8))
                    .toList();
            for (int i = 0; i < out.size(); i++) {
                files.put(site.pages().get(i).file(), html.get(i));
                copies.putAll(out.get(i).assets());
            }
            files.putAll(new SiteExtras(config, site, views, theme).files());
            files.putAll(ThemeAssets.load(config.themeDirectory()));
            return out;
        });
        if (config.search()) {
            time(t, "index", () -> {
                List<SearchPage> pages = new ArrayList<>(bodies.size());
                for (int i = 0; i < bodies.size(); i++) {
                    Page p = site.pages().get(i);
                    pages.add(new SearchPage(LinkResolver.safeRelative(p.path()), p.title(), breadcrumb(site, p), bodies.get(i).html()));
                }
                files.putAll(searchIndexer.build(pages).files());
                return null;
            });
        }
        time(t, "write", () -> {
            writer.write(files, copies);
            return null;
        });
        long bytes = files.values().stream().mapToLong(b -> b.length).sum()
                + copies.values().stream().mapToLong(BuildPipeline::size).sum();
        return new BuildResult(problems, bodies.size(), files.size() + copies.size(), config.outputDirectory(), bytes, t);
    }

    private Planned plan(SiteConfig config, Map<String, Long> t) {
        ContentRoot root = new ContentRoot(config.contentRoot());
        List<Source> sources = time(t, "load", () -> new SourceLoader(root).load(config.source()));
        List<Document> documents = time(t, "parse", () -> sources.parallelStream().map(parser::parse).toList());
        SiteModel site = time(t, "plan", () -> new SitePlanner(config).plan(documents));
        LinkResolver resolver = new LinkResolver(root, site.documents(), config.imageBaseUrl());
        List<Problem> problems = time(t, "link", () -> new LinkChecker(resolver).check(documents));
        return new Planned(root, site, resolver, problems);
    }

    /** Titles of the page's ancestors below the home page: the category an article is in. */
    private static List<String> breadcrumb(SiteModel site, Page page) {
        List<String> titles = new ArrayList<>();
        for (String a = page.parent(); a != null && !a.isEmpty(); ) {
            Page p = site.page(a).orElseThrow();
            titles.add(0, p.title());
            a = p.parent();
        }
        return titles;
    }

    private static long size(Path p) {
        try {
            return java.nio.file.Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static <T> T time(Map<String, Long> timings, String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            timings.merge(stage, System.nanoTime() - start, Long::sum);
        }
    }
}
