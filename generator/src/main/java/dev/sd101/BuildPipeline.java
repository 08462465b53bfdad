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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

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
        Planned planned = plan(config, t, false);
        return new BuildResult(planned.problems(), 0, 0, null, 0, t);
    }

    BuildResult generate(SiteConfig config) {
        Map<String, Long> t = new LinkedHashMap<>();
        SiteWriter writer = new SiteWriter(config.outputDirectory());
        writer.guard(config.contentRoot(), config.source());
        Planned planned = plan(config, t, true);
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
        int n = site.pages().size();
        // Pages are rendered, written and analysed for search in one parallel pass, so no page's HTML is kept
        // after it is written: a 10,000-page site fits a small heap. Each worker's time per kind of work is summed
        // and the pass's wall time shared out in proportion, so the stage timings still say where time goes.
        AtomicLong[] work = {new AtomicLong(), new AtomicLong(), new AtomicLong()}; // render, index, write
        try (SiteWriter.Staging out = writer.stage()) {
            Map<String, Path> copies = new ConcurrentHashMap<>();
            long pass = System.nanoTime();
            BodyRenderer bodyRenderer = new BodyRenderer(parser, site, planned.resolver(), config.sanitizeHtml());
            ThemeRenderer theme = new ThemeRenderer(config.themeDirectory());
            PageViews views = new PageViews(config, site,
                    SiteExtras.licenseHtml(site, i -> bodyRenderer.render(site.pages().get(i))), Sd101.VERSION);
            SearchIndexer.Collector index = config.search() ? searchIndexer.collector(n) : null;
            // A document's tree is released when its last page is rendered (pages of a split document share it).
            Map<Document, AtomicLong> pagesLeft = new java.util.IdentityHashMap<>();
            for (Page p : site.pages()) {
                if (p.document() != null) {
                    pagesLeft.computeIfAbsent(p.document(), d -> new AtomicLong()).incrementAndGet();
                }
            }
            IntStream.range(0, n).parallel().forEach(i -> {
                Page page = site.pages().get(i);
                long t0 = System.nanoTime();
                RenderedBody body = bodyRenderer.render(page);
                if (page.document() != null && pagesLeft.get(page.document()).decrementAndGet() == 0) {
                    page.document().tree().release();
                }
                byte[] html = theme.render("page.peb", views.model(page, body)).getBytes(StandardCharsets.UTF_8);
                long t1 = System.nanoTime();
                out.put(page.file(), html);
                long t2 = System.nanoTime();
                if (index != null) {
                    index.add(i, new SearchPage(page.path(), page.title(), breadcrumb(site, page), body.html()));
                }
                work[0].addAndGet(t1 - t0);
                work[2].addAndGet(t2 - t1);
                work[1].addAndGet(System.nanoTime() - t2);
                copies.putAll(body.assets());
            });
            long passNanos = System.nanoTime() - pass;
            long sum = Math.max(1, work[0].get() + work[1].get() + work[2].get());
            long indexShare = (long) ((double) passNanos * work[1].get() / sum); // double: the product overflows a long
            long writeShare = (long) ((double) passNanos * work[2].get() / sum);
            t.merge("render", passNanos - indexShare - writeShare, Long::sum);
            time(t, "render", () -> {
                new SiteExtras(config, site, views, theme).files().forEach(out::put);
                ThemeAssets.load(config.themeDirectory()).forEach(out::put);
                return null;
            });
            t.merge("index", indexShare, Long::sum);
            if (index != null) {
                time(t, "index", () -> {
                    index.build().files().forEach(out::put);
                    return null;
                });
            }
            t.merge("write", writeShare, Long::sum);
            time(t, "write", () -> {
                new TreeMap<>(copies).forEach(out::copy);
                out.commit();
                return null;
            });
            return new BuildResult(problems, n, out.files(), config.outputDirectory(), out.bytes(), t);
        }
    }

    private Planned plan(SiteConfig config, Map<String, Long> t, boolean generate) {
        ContentRoot root = new ContentRoot(config.contentRoot());
        List<Source> sources = time(t, "load", () -> new SourceLoader(root).load(config.source()));
        if (generate && config.search() && sources.stream().anyMatch(s -> hasHangul(s.text()))) {
            // Nori's dictionary is the slowest part of a cold build: load it on a spare core while pages are
            // parsed and rendered, instead of when the index stage first meets Hangul. A daemon thread: it never
            // keeps the JVM alive, and the indexer waits for it (same lock) if it is still loading.
            Thread warm = new Thread(searchIndexer::warmUp, "sd101-search-warmup");
            warm.setDaemon(true);
            warm.start();
        }
        List<Document> documents = time(t, "parse", () -> sources.parallelStream().map(parser::parse).toList());
        SiteModel site = time(t, "plan", () -> new SitePlanner(config).plan(documents));
        LinkResolver resolver = new LinkResolver(root, site.documents(), config.imageBaseUrl());
        List<Problem> problems = time(t, "link", () -> new LinkChecker(resolver).check(documents));
        return new Planned(root, site, resolver, problems);
    }

    private static boolean hasHangul(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\uAC00' && c <= '\uD7A3') || (c >= '\u1100' && c <= '\u11FF') || (c >= '\u3130' && c <= '\u318F')) {
                return true;
            }
        }
        return false;
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
