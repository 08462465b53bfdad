package dev.sd101.engine;

import dev.sd101.BuildResult;
import dev.sd101.Rebuild;
import dev.sd101.Problem;
import dev.sd101.Severity;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import dev.sd101.content.ChangedFiles;
import dev.sd101.markdown.MarkdownParser;
import dev.sd101.output.SiteWriter;
import dev.sd101.search.AnalysisCache;
import dev.sd101.search.SearchIndexer;
import dev.sd101.template.ThemeCache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The stages in order, wired in one place: load → parse → plan → link → render → index → verify → write.
 * {@code generate} and {@code build} run the same stages and differ only in where the files go ({@link PageSink}).
 */
final class BuildPipeline {
    private final String version;
    private final Planner planner;
    private final SearchIndexer searchIndexer;
    // Kept across builds of one engine (serve): the theme is not recompiled, unchanged pages are not re-rendered.
    private final ThemeCache themeCache = new ThemeCache();
    private final RenderMemo memo = new RenderMemo();
    /** The last in-memory build's files, which the next may keep where {@link #memo} says nothing changed. */
    private volatile Map<String, byte[]> memoryFiles = Map.of();
    // serve's own: its sink keeps the files on disk, so what it reuses is decided against what the folder holds.
    private final RenderMemo serveMemo = new RenderMemo();
    private final AtomicReference<ServeSink.Served> served = new AtomicReference<>();
    /** Whether an in-memory build has had its chance at the disk's analysis cache (see {@link #build}). */
    private final AtomicBoolean diskCacheUsed = new AtomicBoolean();
    private final EditionsBuild editions;

    BuildPipeline(MarkdownParser parser, SearchIndexer searchIndexer, String version) {
        this.version = version;
        this.planner = new Planner(parser);
        this.searchIndexer = searchIndexer;
        this.editions = new EditionsBuild(this);
    }

    BuildResult check(SiteConfig config) {
        if (config.hasEditions()) {
            return editions.check(config);
        }
        StageClock clock = new StageClock();
        return new BuildResult(planner.plan(config, clock).problems(), 0, 0, null, 0, clock.nanos());
    }

    /**
     * Builds and writes the site in one streamed pass: each page is rendered, written into the staging folder,
     * scanned for the site check and analysed for search, and then dropped, so no page's HTML (nor, once its last
     * page is written, a document's tree) is held to the end: a 10,000-page site fits a small heap. The whole-site
     * check still runs before the swap; if it (or anything else) fails, the staging folder is deleted and the
     * previous site stays as it was.
     */
    BuildResult generate(SiteConfig config) {
        if (config.hasEditions()) {
            // Editions link to each other page by page, so the site is built whole in memory, then written at once.
            return write(config, build(config), null);
        }
        SiteWriter writer = guardedWriter(config);
        try (CacheOpening cache = CacheOpening.start(config, true)) {
            return run(config, cache, true, null, c -> new StagingSink(writer, config.outputDirectory(), c), null).result();
        }
    }

    /** Every stage but write: the site's files in memory. */
    SiteBuild build(SiteConfig config) {
        return build(config, ChangedFiles.unknown());
    }

    /**
     * As {@link #build(SiteConfig)}, told what changed on disk since this engine's previous build: only the changed
     * sources are read, and links are checked again only where they lead into what changed.
     */
    SiteBuild build(SiteConfig config, ChangedFiles changed) {
        // The disk's analysis cache serves this engine's first build (serve's start); later builds reuse this
        // engine's own analyses, and rewriting the file after every edit would cost more than it saves.
        try (CacheOpening cache = CacheOpening.start(config, !diskCacheUsed.getAndSet(true))) {
            if (config.hasEditions()) {
                SiteBuild built = editions.build(config, cache.cache());
                cache.cache().commit();
                return built;
            }
            Map<String, byte[]> previous = memoryFiles;
            memoryFiles = Map.of(); // until this build succeeds: the memo's state and these files go together
            SiteBuild built = run(config, cache, false, memo, c -> new MemorySink(c, previous), changed);
            if (!built.files().isEmpty()) {
                memoryFiles = built.files();
            }
            return built;
        }
    }

    /**
     * As {@link #build(SiteConfig, ChangedFiles)}, into the output folder ({@code serve}): each file written as it is
     * rendered, only what changed since this engine's previous serve build ({@link ServeSink}), nothing of the site
     * held in memory but per file a digest and per page what its reuse needs. A build that fails leaves the folder
     * as the last good one left it.
     */
    Rebuild serve(SiteConfig config, ChangedFiles changed) {
        SiteWriter writer = guardedWriter(config);
        try (CacheOpening cache = CacheOpening.start(config, !diskCacheUsed.getAndSet(true))) {
            ServeSink[] sink = new ServeSink[1];
            java.util.function.Function<AnalysisCache, PageSink> sinks = c -> sink[0] = new ServeSink(writer,
                    config.outputDirectory().toAbsolutePath().normalize(), served, c);
            if (config.hasEditions()) {
                // Editions link to each other page by page: built whole in memory, then written as what changed.
                SiteBuild built = editions.build(config, cache.cache());
                if (built.files().isEmpty()) {
                    return new Rebuild(built.result(), Set.of());
                }
                try (PageSink s = sinks.apply(cache.cache())) {
                    StageClock clock = new StageClock();
                    built.result().stageNanos().forEach(clock::add);
                    built.files().forEach(s::put);
                    built.copies().forEach(s::copy);
                    BuildResult r = s.finish(built.result().problems(), built.result().pages(), clock).result();
                    return new Rebuild(r, sink[0].changed());
                }
            }
            BuildResult r = run(config, cache, false, serveMemo, sinks, changed).result();
            return new Rebuild(r, r.written() ? sink[0].changed() : Set.of());
        }
    }

    /**
     * The stages of a site of one edition, one line each.
     *
     * @param streamed each page's HTML dropped once it is in the sink (generate), else kept for the next build to
     *                 reuse (serve)
     * @param memo     what the previous build of this kind rendered, or {@code null} for none (generate)
     * @param changed  what changed on disk since the previous build that kept state, or {@code null} for one that
     *                 keeps none (generate)
     */
    private SiteBuild run(SiteConfig config, CacheOpening cache, boolean streamed, RenderMemo memo,
                          Function<AnalysisCache, PageSink> sinks, ChangedFiles changed) {
        StageClock clock = new StageClock();
        // serve's memo keeps no trees either: a body it reuses needs none, and one rendered again parses its file again.
        boolean lean = streamed || memo == serveMemo;
        Planned planned = planner.plan(config, clock, searchIndexer, cache::isEmpty, lean, changed); // load, parse, plan, link
        List<Problem> problems = reported(config, planned.problems());
        if (stops(config, problems)) {
            return stopped(problems, clock);
        }
        ThemeCache.Theme theme = clock.time("render", () -> themeCache.get(config.themeDirectory()));
        RenderMemo.Session reuse = memo == null ? RenderMemo.none()
                : clock.time("render", () -> memo.begin(config, planned.site(), planned.resolver(), planner.parser(), theme.renderer(),
                        planned.links()));
        SiteCheck check = SiteCheck.of(planned);
        try (PageSink sink = sinks.apply(cache.cache())) {
            RenderPass pass = new RenderPass(config, planned, planner.parser(), theme, reuse, version)
                    .indexingLaterWhile(searchIndexer::loading);
            (lean ? pass.releasingTrees() : pass).into(sink, index(config, planned, cache, streamed), check, clock); // render, index
            clock.run("verify", () -> reuse.scanReused(check.scan(), sink));
            check.verify(sink.paths(), clock);                                                            // verify
            SiteBuild built = sink.finish(problems, planned.site().pages().size(), clock);                // write
            reuse.commit(check.scan());
            return built;
        }
    }

    private SearchStage index(SiteConfig config, Planned planned, CacheOpening cache, boolean streamed) {
        if (!config.search()) {
            return null;
        }
        int pages = planned.site().pages().size();
        return streamed ? SearchStage.streamed(searchIndexer, pages, cache.cache())
                : SearchStage.kept(searchIndexer, pages, cache.cache());
    }

    /** Writes a built site whole, or, given the {@code previous} site written there, only what differs from it. */
    BuildResult write(SiteConfig config, SiteBuild built, SiteBuild previous) {
        SiteWriter writer = guardedWriter(config);
        if (built.files().isEmpty()) {
            return built.result();
        }
        StageClock clock = new StageClock();
        built.result().stageNanos().forEach(clock::add);
        clock.run("write", () -> {
            if (previous == null) {
                writer.write(built.files(), built.copies());
            } else {
                writer.update(built.files(), built.copies(), previous.files(), previous.copies());
            }
        });
        BuildResult r = built.result();
        return new BuildResult(r.problems(), r.pages(), r.files(), config.outputDirectory(), r.outputBytes(), clock.nanos());
    }

    /** The planner, for what else needs a site's links resolved (the editions, fixing links). */
    Planner planner() {
        return planner;
    }

    ThemeCache themeCache() {
        return themeCache;
    }

    String version() {
        return version;
    }

    /** The latest {@link #reported} input (by identity), its strictness and its result. */
    private volatile Object[] lastReported = {null, false, null};

    /** {@link #problems}, the previous build's result again for the very same list (a rebuild whose findings stood). */
    @SuppressWarnings("unchecked")
    private List<Problem> reported(SiteConfig config, List<Problem> planned) {
        Object[] last = lastReported;
        if (last[0] == planned && (boolean) last[1] == config.strict()) {
            return (List<Problem>) last[2];
        }
        List<Problem> out = java.util.Collections.unmodifiableList(problems(config, planned));
        lastReported = new Object[]{planned, config.strict(), out};
        return out;
    }

    /** Content problems as a build reports them: all with one severity, GitHub still renders such a file. */
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

    /** A build that strict mode stopped: its problems, no files. */
    static SiteBuild stopped(List<Problem> problems, StageClock clock) {
        return new SiteBuild(new BuildResult(problems, 0, 0, null, 0, clock.nanos()), Map.of(), Map.of());
    }

    private static SiteWriter guardedWriter(SiteConfig config) {
        SiteWriter writer = new SiteWriter(config.outputDirectory());
        writer.guard(config.contentRoot(), config.source());
        return writer;
    }
}
