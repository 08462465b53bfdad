package dev.sd101;

import dev.sd101.content.ContentRoot;
import dev.sd101.content.Source;
import dev.sd101.content.SourceLoader;
import dev.sd101.link.LinkChecker;
import dev.sd101.link.LinkFixer;
import dev.sd101.link.LinkResolver;
import dev.sd101.link.SiteVerifier;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.MarkdownParser;
import dev.sd101.output.SiteWriter;
import dev.sd101.output.SourceRewriter;
import dev.sd101.render.BodyRenderer;
import dev.sd101.render.CatalogViews;
import dev.sd101.render.PageViews;
import dev.sd101.render.RenderedBody;
import dev.sd101.render.SiteExtras;
import dev.sd101.search.AnalysisCache;
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
import java.util.Set;
import java.util.IdentityHashMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** The stages in order, wired in one place: load → parse → plan → link → render → index → write. */
final class BuildPipeline {
    private final MarkdownParser parser;
    private final SearchIndexer searchIndexer;
    // Kept across builds of one engine (serve): unchanged sources are not re-parsed, the theme not recompiled.
    private final ParseCache parseCache;
    private final dev.sd101.template.ThemeCache themeCache = new dev.sd101.template.ThemeCache();
    // Kept across in-memory builds (serve): bodies, pages and scans whose inputs did not change are reused.
    private final RenderMemo memo = new RenderMemo();
    // Kept across in-memory builds (serve): each stage's state by source, document and page, so an edit's rebuild
    // reads, plans and checks what it changed, not the whole site (see build(SiteConfig, ChangedFiles)).
    private final dev.sd101.site.PlanMemo planMemo = new dev.sd101.site.PlanMemo();
    private final dev.sd101.link.LinkState linkState = new dev.sd101.link.LinkState();
    /** Whether an in-memory build has had its chance at the disk's analysis cache (see {@link #build}). */
    private final java.util.concurrent.atomic.AtomicBoolean diskCacheUsed = new java.util.concurrent.atomic.AtomicBoolean();

    private final EditionsBuild editions = new EditionsBuild(this);

    BuildPipeline(MarkdownParser parser, SearchIndexer searchIndexer) {
        this.parser = parser;
        this.searchIndexer = searchIndexer;
        this.parseCache = new ParseCache(parser);
    }

    dev.sd101.template.ThemeCache themeCache() {
        return themeCache;
    }

    MarkdownParser parser() {
        return parser;
    }

    /** What load → parse → plan → link produce; shared by check and generate. */
    /**
     * @param links the link stage's result as an in-memory build keeps it (which documents it resolved again), or
     *              {@code null} for a build that checks every link afresh
     */
    record Planned(ContentRoot root, SiteModel site, LinkResolver resolver, List<Problem> problems,
                   dev.sd101.link.LinkState.Result links) {
    }

    BuildResult check(SiteConfig config) {
        if (config.hasEditions()) {
            return editions.check(config);
        }
        Map<String, Long> t = new LinkedHashMap<>();
        Planned planned = plan(config, t);
        return new BuildResult(planned.problems(), 0, 0, null, 0, t);
    }

    /**
     * Builds and writes the site in one streamed pass: each page is rendered, written into the staging folder,
     * scanned for the site check and analysed for search, and then dropped, so no page's HTML (nor, once its last
     * page is written, a document's tree) is held to the end: a 10,000-page site fits a small heap. The whole-site
     * check still runs before the swap; if it (or anything else) fails, the staging folder is deleted and the
     * previous site stays as it was. Output is byte for byte what {@link #build} then {@link #write} give.
     */
    BuildResult generate(SiteConfig config) {
        if (config.hasEditions()) {
            // Editions link to each other page by page, so the site is built whole in memory, then written at once.
            return write(config, build(config), null);
        }
        SiteWriter writer = new SiteWriter(config.outputDirectory());
        writer.guard(config.contentRoot(), config.source());
        Map<String, Long> t = new LinkedHashMap<>();
        // The previous build's analysis cache is read on a spare core while the sources are loaded and parsed.
        java.util.concurrent.FutureTask<AnalysisCache> opening = new java.util.concurrent.FutureTask<>(
                () -> config.search() && config.cacheDirectory() != null ? AnalysisCache.open(config.cacheDirectory()) : AnalysisCache.none());
        Thread opener = new Thread(opening, "sd101-analysis-cache");
        opener.setDaemon(true);
        opener.start();
        Planned planned = plan(config, t, () -> done(opening).isEmpty(), true);
        try (AnalysisCache analysisCache = done(opening)) {
            return generate(config, planned, analysisCache, writer, t);
        }
    }

    /** The cache once opened ({@link AnalysisCache#open} throws nothing for what is on disk). */
    private static AnalysisCache done(java.util.concurrent.FutureTask<AnalysisCache> opening) {
        try {
            return opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AnalysisCache.none();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            return AnalysisCache.none(); // a cache that cannot be opened is no cache
        }
    }

    private BuildResult generate(SiteConfig config, Planned planned, AnalysisCache analysisCache, SiteWriter writer,
                                 Map<String, Long> t) {
        List<Problem> problems = problems(config, planned);
        if (stops(config, problems)) {
            return new BuildResult(problems, 0, 0, null, 0, t);
        }
        SiteModel site = planned.site();
        int n = site.pages().size();
        SiteVerifier verifier = SiteVerifier.forContent(planned.resolver(), site.documents().values());
        SiteVerifier.Scan scan = verifier.scan();
        // Path → size of each generated file (a later file at the same path replaces the earlier, as in a map).
        Map<String, Long> sizes = new ConcurrentHashMap<>();
        Map<String, Path> copies = new ConcurrentHashMap<>();
        Set<String> vendorUsed = ConcurrentHashMap.newKeySet();
        // Time per kind of work, summed over the workers; the pass's wall time is shared out in proportion.
        AtomicLong[] work = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()}; // render, index, verify, write
        try (SiteWriter.Staging out = writer.stage()) {
            java.util.function.BiConsumer<String, byte[]> put = (path, bytes) -> {
                long t0 = System.nanoTime();
                out.put(path, bytes);
                sizes.put(path, (long) bytes.length);
                long t1 = System.nanoTime();
                scan.add(path, bytes);
                work[3].addAndGet(t1 - t0);
                work[2].addAndGet(System.nanoTime() - t1);
            };
            long pass = System.nanoTime();
            BodyRenderer bodyRenderer = new BodyRenderer(parser, site, planned.resolver(), config.sanitizeHtml(), config.fillEmptyAlt());
            dev.sd101.template.ThemeCache.Theme compiled = themeCache.get(config.themeDirectory());
            ThemeRenderer theme = compiled.renderer();
            // The licence page's body feeds every page's footer; rendered for it first, and reused by the pass.
            Map<Integer, RenderedBody> early = new ConcurrentHashMap<>();
            PageViews views = new PageViews(config, site, SiteExtras.licenseHtml(site,
                    i -> early.computeIfAbsent(i, k -> bodyRenderer.render(site.pages().get(k)))), Sd101.VERSION);
            CatalogViews lists = new CatalogViews(config, site);
            SearchIndexer.Collector index = config.search() ? searchIndexer.collector(n, analysisCache) : null;
            // A document's tree is released once its last page is rendered (the pages of a split document share it).
            Map<Document, AtomicInteger> pagesLeft = new IdentityHashMap<>();
            for (Page p : site.pages()) {
                if (p.document() != null) {
                    pagesLeft.computeIfAbsent(p.document(), d -> new AtomicInteger()).incrementAndGet();
                }
            }
            IntStream.range(0, n).parallel().forEach(i -> {
                Page page = site.pages().get(i);
                long t0 = System.nanoTime();
                RenderedBody reused = early.remove(i);
                RenderedBody body = reused != null ? reused : bodyRenderer.render(page);
                if (page.document() != null && pagesLeft.get(page.document()).decrementAndGet() == 0) {
                    page.document().tree().release();
                }
                String html = renderPageText(theme, views, lists, page, body);
                byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
                long t2 = System.nanoTime();
                work[0].addAndGet(t2 - t0);
                out.put(page.file(), bytes);
                sizes.put(page.file(), (long) bytes.length);
                long t3 = System.nanoTime();
                verifier.excuse(body.unresolved());
                scan.add(page.file(), html); // the page's text as rendered: no decoding of the bytes again
                work[3].addAndGet(t3 - t2);
                work[2].addAndGet(System.nanoTime() - t3);
                long t1 = System.nanoTime();
                if (index != null && indexed(site, page)) {
                    index.add(i, CatalogViews.searchPage(site, page, breadcrumb(site, page), body.html()));
                }
                work[1].addAndGet(System.nanoTime() - t1);
                copies.putAll(body.assets());
                vendorUsed.addAll(body.scripts().vendorFolders());
            });
            long passNanos = System.nanoTime() - pass;
            long sum = Math.max(1, work[0].get() + work[1].get() + work[2].get() + work[3].get());
            long[] share = new long[4];
            for (int k = 1; k < 4; k++) {
                share[k] = (long) ((double) passNanos * work[k].get() / sum); // a long product overflows
            }
            t.merge("render", passNanos - share[1] - share[2] - share[3], Long::sum);
            time(t, "render", () -> {
                new SiteExtras(config, site, views, theme).files().forEach(put);
                lists.files().forEach(put);
                ThemeAssets.forPages(compiled.assets(), vendorUsed).forEach(put);
                return null;
            });
            if (index != null) {
                t.merge("index", share[1], Long::sum);
                time(t, "index", () -> {
                    // Thousands of small files at scale (a bundle of fragments per six sections): written in parallel.
                    index.build().files().entrySet().parallelStream().forEach(e -> put.accept(e.getKey(), e.getValue()));
                    return null;
                });
            }
            // Before the swap: a link of the generated site that does not land is a generator bug, and the
            // previous site must stay as it was (closing the uncommitted staging folder deletes it).
            t.merge("verify", share[2], Long::sum);
            time(t, "verify", () -> {
                java.util.Set<String> all = new java.util.HashSet<>(sizes.keySet());
                all.addAll(copies.keySet());
                verifier.verify(scan, all);
                return null;
            });
            t.merge("write", share[3], Long::sum);
            long copied = time(t, "write", () -> {
                long b = 0;
                for (Map.Entry<String, Path> c : new TreeMap<>(copies).entrySet()) {
                    out.copy(c.getKey(), c.getValue());
                    b += size(c.getValue());
                }
                out.commit();
                analysisCache.commit(); // only once the site is in place: a failed build keeps the previous file
                return b;
            });
            long bytes = sizes.values().stream().mapToLong(Long::longValue).sum() + copied;
            return new BuildResult(problems, n, sizes.size() + copies.size(), config.outputDirectory(), bytes, t);
        }
    }

    /** Content problems as generate reports them: all with one severity, GitHub still renders such a file. */
    static List<Problem> problems(SiteConfig config, Planned planned) {
        return problems(config, planned.problems());
    }

    static List<Problem> problems(SiteConfig config, List<Problem> planned) {
        List<Problem> problems = new ArrayList<>();
        for (Problem p : planned) {
            problems.add(p.isNote() ? p : new Problem(p.path(), p.line(), p.column(), config.strict() ? Severity.ERROR : Severity.WARNING,
                    p.message(), p.suggestion()));
        }
        return problems;
    }

    /** Whether a strict build stops: on any problem but a note. */
    static boolean stops(SiteConfig config, List<Problem> problems) {
        return config.strict() && problems.stream().anyMatch(p -> !p.isNote());
    }

    /** One page's HTML: its body in the template of its kind. */
    private static byte[] renderPage(ThemeRenderer theme, PageViews views, CatalogViews lists, Page page, RenderedBody body) {
        return renderPageText(theme, views, lists, page, body).getBytes(StandardCharsets.UTF_8);
    }

    private static String renderPageText(ThemeRenderer theme, PageViews views, CatalogViews lists, Page page, RenderedBody body) {
        return theme.render(lists.template(page), pageModel(views, lists, page, body));
    }

    /** What a page's template reads. */
    private static Map<String, Object> pageModel(PageViews views, CatalogViews lists, Page page, RenderedBody body) {
        Map<String, Object> model = views.model(page, lists.withFrontMatter(page, body));
        model.put("list", lists.view(page));
        return model;
    }

    /** Whether a page goes into the search index: a generated listing only repeats titles indexed anyway. */
    private static boolean indexed(SiteModel site, Page p) {
        return p.document() != null || site.catalog().isEmpty();
    }

    /** Writes a built site whole, or, given the {@code previous} site written there, only what differs from it. */
    BuildResult write(SiteConfig config, SiteBuild built, SiteBuild previous) {
        SiteWriter writer = new SiteWriter(config.outputDirectory());
        writer.guard(config.contentRoot(), config.source());
        if (built.files().isEmpty()) {
            return built.result();
        }
        Map<String, Long> t = new LinkedHashMap<>(built.result().stageNanos());
        time(t, "write", () -> {
            if (previous == null) {
                writer.write(built.files(), built.copies());
            } else {
                writer.update(built.files(), built.copies(), previous.files(), previous.copies());
            }
            return null;
        });
        BuildResult r = built.result();
        return new BuildResult(r.problems(), r.pages(), r.files(), config.outputDirectory(), r.outputBytes(), t);
    }

    /** Every stage but write: the site's files in memory. */
    SiteBuild build(SiteConfig config) {
        return build(config, dev.sd101.content.ChangedFiles.unknown());
    }

    /**
     * As {@link #build(SiteConfig)}, told what changed on disk since this engine's previous build: only the changed
     * sources are read, and links are checked again only where they lead into what changed.
     */
    SiteBuild build(SiteConfig config, dev.sd101.content.ChangedFiles changed) {
        // The disk's analysis cache serves this engine's first build (serve's start); later builds reuse this
        // engine's own analyses, and rewriting the file after every edit would cost more than it saves.
        boolean first = !diskCacheUsed.getAndSet(true);
        try (AnalysisCache disk = first && config.search() && config.cacheDirectory() != null
                ? AnalysisCache.open(config.cacheDirectory()) : AnalysisCache.none()) {
            SiteBuild b = build(config, disk, changed);
            disk.commit();
            return b;
        }
    }

    private SiteBuild build(SiteConfig config, AnalysisCache disk, dev.sd101.content.ChangedFiles changed) {
        if (config.hasEditions()) {
            return editions.build(config, disk);
        }
        Map<String, Long> t = new LinkedHashMap<>();
        Planned planned = plan(config, t, disk::isEmpty, false, changed);
        List<Problem> problems = problems(config, planned);
        if (stops(config, problems)) {
            return new SiteBuild(new BuildResult(problems, 0, 0, null, 0, t), Map.of(), Map.of());
        }
        SiteModel site = planned.site();
        dev.sd101.template.ThemeCache.Theme compiled = time(t, "render", () -> themeCache.get(config.themeDirectory()));
        RenderMemo.Session reuse = time(t, "render", () -> memo.begin(config, site, planned.resolver(), parser, compiled.renderer(),
                planned.links()));
        Rendered r = render(config, planned, disk, t, compiled, reuse, searchIndexer, null, path -> "");
        Map<String, byte[]> files = r.files();
        // Before writing: a link of the generated site that does not land is a generator bug, and the
        // previous site must stay as it was.
        time(t, "verify", () -> {
            SiteVerifier verifier = planned.links().verifier(); // what forContent would excuse, kept per document
            verifier.excuse(r.unresolved());
            SiteVerifier.Scan scan = verifier.scan();
            files.entrySet().parallelStream().forEach(e -> reuse.scan(scan, e.getKey(), e.getValue()));
            java.util.Set<String> all = new java.util.HashSet<>(files.keySet());
            all.addAll(r.copies().keySet());
            verifier.verify(scan, all);
            reuse.commit(scan);
            return null;
        });
        long bytes = files.values().stream().mapToLong(b -> b.length).sum()
                + r.copies().values().stream().mapToLong(BuildPipeline::size).sum();
        return new SiteBuild(new BuildResult(problems, r.pages(), files.size() + r.copies().size(), null, bytes, t),
                files, r.copies());
    }

    /** One site (or one edition of it) rendered and indexed in memory, before the whole-site check. */
    record Rendered(Map<String, byte[]> files, Map<String, Path> copies, int pages, java.util.Set<String> unresolved) {
    }

    /**
     * Renders every page of a planned site, its extra files, the theme's assets and the search index.
     *
     * @param editions  what each page's language switcher lists, or {@code null} for a site of one edition
     * @param assetBase per asset, the way from the site's root to its folder ({@link BodyRenderer}): {@code ""}
     *                  but for an edition's images published once for all editions
     */
    Rendered render(SiteConfig config, Planned planned, AnalysisCache disk, Map<String, Long> t,
                    dev.sd101.template.ThemeCache.Theme compiled, RenderMemo.Session reuse, SearchIndexer indexer,
                    java.util.function.Function<Page, Object> editions, java.util.function.Function<String, String> assetBase) {
        SiteModel site = planned.site();
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, Path> copies = new TreeMap<>();
        ThemeRenderer theme = compiled.renderer();
        List<RenderedBody> bodies = time(t, "render", () -> {
            BodyRenderer bodyRenderer = new BodyRenderer(parser, site, planned.resolver(), config.sanitizeHtml(), config.fillEmptyAlt(),
                    assetBase);
            List<RenderedBody> out = site.pages().parallelStream()
                    .map(p -> reuse.body(p, () -> bodyRenderer.render(p))).toList();
            String license = SiteExtras.licenseHtml(site, out);
            PageViews views = new PageViews(config, site, license, Sd101.VERSION);
            CatalogViews lists = new CatalogViews(config, site);
            reuse.frame(site, license, editions == null);
            List<byte[]> html = java.util.stream.IntStream.range(0, out.size()).parallel()
                    .mapToObj(i -> {
                        Page page = site.pages().get(i);
                        byte[] same = reuse.unchanged(page, out.get(i));
                        if (same != null) {
                            return same; // nothing it shows changed: no model is built
                        }
                        Map<String, Object> model = pageModel(views, lists, page, out.get(i));
                        if (editions != null) {
                            model.put("editions", editions.apply(page));
                        }
                        String template = lists.template(page);
                        return reuse.page(page, out.get(i), template, model,
                                () -> theme.render(template, model).getBytes(StandardCharsets.UTF_8));
                    })
                    .toList();
            for (int i = 0; i < out.size(); i++) {
                files.put(site.pages().get(i).file(), html.get(i));
                copies.putAll(out.get(i).assets());
            }
            files.putAll(new SiteExtras(config, site, views, theme).files());
            files.putAll(lists.files());
            files.putAll(ThemeAssets.forPages(compiled.assets(),
                    out.stream().flatMap(b -> b.scripts().vendorFolders().stream()).collect(java.util.stream.Collectors.toSet())));
            return out;
        });
        if (config.search()) {
            time(t, "index", () -> {
                List<SearchPage> pages = new ArrayList<>(bodies.size());
                for (int i = 0; i < bodies.size(); i++) {
                    Page p = site.pages().get(i);
                    if (!indexed(site, p)) {
                        continue; // a generated listing (a tag, an index) only repeats the titles of pages indexed anyway
                    }
                    pages.add(CatalogViews.searchPage(site, p, breadcrumb(site, p), bodies.get(i).html()));
                }
                files.putAll(indexer.build(pages, disk).files());
                return null;
            });
        }
        java.util.Set<String> unresolved = new java.util.HashSet<>();
        bodies.forEach(b -> unresolved.addAll(b.unresolved()));
        return new Rendered(files, copies, bodies.size(), unresolved);
    }

    /**
     * Rewrites, in the sources, every link whose fix is unambiguous; each file is replaced atomically.
     * Returns the changes made, sorted by file and offset.
     */
    List<LinkFixer.Fix> fix(SiteConfig config) {
        if (config.hasEditions()) {
            List<LinkFixer.Fix> all = new ArrayList<>();
            for (SiteConfig.Edition e : config.editions()) {
                all.addAll(fix(config.forEdition(e)));
            }
            return all;
        }
        Planned planned = plan(config, new LinkedHashMap<>());
        List<LinkFixer.Fix> fixes = new LinkFixer(planned.resolver()).fixes(planned.site().documents().values());
        Map<Source, List<SourceRewriter.Replacement>> byFile = new LinkedHashMap<>();
        for (LinkFixer.Fix f : fixes) {
            byFile.computeIfAbsent(f.source(), k -> new ArrayList<>()).add(new SourceRewriter.Replacement(f.start(), f.end(), f.to()));
        }
        SourceRewriter rewriter = new SourceRewriter();
        byFile.forEach((source, replacements) -> rewriter.rewrite(source.file(), source.text(), replacements));
        return fixes;
    }

    Planned plan(SiteConfig config, Map<String, Long> t) {
        return plan(config, t, null, false);
    }

    Planned plan(SiteConfig config, Map<String, Long> t, java.util.function.BooleanSupplier warmSearch, boolean renderBlocks) {
        return plan(config, t, warmSearch, renderBlocks, null);
    }

    /**
     * @param warmSearch   whether to load Nori's dictionary on a spare core meanwhile (asked on that core, so it may
     *                     wait for something), or {@code null} for a build that does not index
     * @param renderBlocks render each document's blocks as soon as it is parsed and keep only their HTML: a streamed
     *                     build holds every document until its pages are written, and at 10,000 pages the flexmark
     *                     trees were most of the heap (the work is the same, only done earlier)
     */
    /**
     * @param changed      what changed on disk since this engine's previous in-memory build, or {@code null} for a
     *                     build that keeps no state (generate, check): reads every source and checks every link
     */
    Planned plan(SiteConfig config, Map<String, Long> t, java.util.function.BooleanSupplier warmSearch,
                         boolean renderBlocks, dev.sd101.content.ChangedFiles changed) {
        ContentRoot root = new ContentRoot(config.contentRoot());
        List<Source> sources = time(t, "load", () -> {
            SourceLoader loader = new SourceLoader(root, parseCache.sources());
            if (changed == null) {
                return loader.load(config.source());
            }
            List<Source> loaded = loader.reload(config.source(), parseCache.loaded(config.source()), changed);
            parseCache.loaded(config.source(), loaded);
            return loaded;
        });
        if (warmSearch != null && config.search() && sources.stream().anyMatch(s -> hasHangul(s.text()))) {
            // Nori's dictionary is the slowest part of a cold build: load it on a spare core while pages are
            // parsed and rendered, instead of when the index stage first meets Hangul. A daemon thread: it never
            // keeps the JVM alive, and the indexer waits for it (same lock) if it is still loading.
            Thread warm = new Thread(() -> {
                if (warmSearch.getAsBoolean()) {
                    searchIndexer.warmUp();
                }
            }, "sd101-search-warmup");
            warm.setDaemon(true);
            warm.start();
        }
        List<Document> documents = time(t, "parse", () -> {
            Map<String, Document> seen = parseCache.begin();
            List<Document> docs = sources.parallelStream().map(s -> {
                Document d = parseCache.parse(s, seen);
                if (renderBlocks) {
                    parser.renderBlocks(d);
                }
                return d;
            }).toList();
            parseCache.keep(seen);
            return docs;
        });
        SiteModel site = time(t, "plan", () -> new SitePlanner(config, changed == null ? null : planMemo).plan(documents));
        Map<String, String> pagePaths = new TreeMap<>();
        site.pages().forEach(p -> pagePaths.put(p.path(), p.document() == null ? "" : p.document().source().path()));
        LinkResolver resolver = new LinkResolver(root, site.documents(), config.imageBaseUrl(), config.siteUrl(), pagePaths);
        // Only published documents are checked: a draft left out of the site is not the reader's problem.
        dev.sd101.link.LinkState.Result links = changed == null ? null
                : time(t, "link", () -> linkState.check(config, site.documents(), resolver, pagePaths, changed));
        List<Problem> problems = new ArrayList<>(links != null ? links.problems()
                : time(t, "link", () -> new LinkChecker(resolver).check(site.documents().values())));
        problems.addAll(site.problems());
        problems.sort(null);
        return new Planned(root, site, resolver, problems, links);
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

    static long size(Path p) {
        try {
            return java.nio.file.Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    static <T> T time(Map<String, Long> timings, String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            timings.merge(stage, System.nanoTime() - start, Long::sum);
        }
    }
}
