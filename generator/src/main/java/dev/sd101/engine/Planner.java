package dev.sd101.engine;

import dev.sd101.Problem;
import dev.sd101.SiteConfig;
import dev.sd101.content.ChangedFiles;
import dev.sd101.content.ContentRoot;
import dev.sd101.content.Source;
import dev.sd101.content.SourceLoader;
import dev.sd101.link.LinkChecker;
import dev.sd101.link.LinkResolver;
import dev.sd101.link.LinkState;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.MarkdownParser;
import dev.sd101.search.SearchIndexer;
import dev.sd101.site.PlanMemo;
import dev.sd101.site.SiteModel;
import dev.sd101.site.SitePlanner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/** The stages before rendering, shared by check, generate and build: load → parse → plan → link. */
final class Planner {
    private final MarkdownParser parser;
    // Kept across builds of one engine (serve): unchanged sources are not re-parsed; each stage's state by source and
    // document, so an edit's rebuild reads, plans and checks what it changed, not the whole site.
    private final ParseCache parseCache;
    private final PlanMemo planMemo = new PlanMemo();
    private final LinkState linkState = new LinkState();
    /** The latest plan's page paths and resolver, which a plan of the same shape ({@link PlanMemo#reusedShape}) keeps. */
    private volatile Keyed lastKeyed;

    private record Keyed(Map<String, String> pagePaths, LinkResolver resolver) {
    }

    /** The latest plan's problems: the link stage's list, the plan's own and both sorted together. */
    private volatile Problems lastProblems;

    private record Problems(List<Problem> links, List<Problem> site, List<Problem> all) {
    }

    Planner(MarkdownParser parser) {
        this.parser = parser;
        this.parseCache = new ParseCache(parser);
    }

    /** For check and fix: nothing is warmed up, trees are kept. */
    Planned plan(SiteConfig config, StageClock clock) {
        return plan(config, clock, null, null, false, null);
    }

    /**
     * @param indexer      the indexer whose Korean analysis to load on a spare core meanwhile, or {@code null}
     * @param warmSearch   asked on that core (so it may wait for something) whether to load it after all
     * @param renderBlocks render each document's blocks as soon as it is parsed and keep only their HTML: a streamed
     *                     build holds every document until its pages are written, and at 10,000 pages the flexmark
     *                     trees were most of the heap (the work is the same, only done earlier)
     * @param changed      what changed on disk since this engine's previous build that keeps state ({@code serve}), or
     *                     {@code null} for a build that keeps none (generate, check): every source read, every link
     *                     checked
     */
    Planned plan(SiteConfig config, StageClock clock, SearchIndexer indexer, BooleanSupplier warmSearch, boolean renderBlocks,
                 ChangedFiles changed) {
        ContentRoot root = new ContentRoot(config.contentRoot());
        List<Source> sources = clock.time("load", () -> load(config, root, changed));
        if (indexer != null && config.search() && sources.stream().anyMatch(s -> hasHangul(s.text()))) {
            warmUp(indexer, warmSearch);
        }
        List<Document> documents = clock.time("parse", () -> parse(sources, renderBlocks));
        SiteModel site = clock.time("plan", () -> new SitePlanner(config, changed == null ? null : planMemo).plan(documents));
        Keyed keyed = lastKeyed;
        if (changed != null && keyed != null && planMemo.reusedShape()) {
            keyed = new Keyed(keyed.pagePaths(), keyed.resolver().withDocuments(root, site.documents(), planMemo.reIded()));
        } else {
            Map<String, String> paths = new TreeMap<>();
            site.pages().forEach(p -> paths.put(p.path(), p.document() == null ? "" : p.document().source().path()));
            Map<String, String> pagePaths = Collections.unmodifiableMap(paths);
            keyed = new Keyed(pagePaths, new LinkResolver(root, site.documents(), config.imageBaseUrl(), config.siteUrl(), pagePaths));
        }
        lastKeyed = changed == null ? null : keyed;
        Map<String, String> pagePaths = keyed.pagePaths();
        LinkResolver resolver = keyed.resolver();
        // Only published documents are checked: a draft left out of the site is not the reader's problem.
        LinkState.Result links = changed == null ? null
                : clock.time("link", () -> linkState.check(config, site.documents(), resolver, pagePaths, changed));
        Problems last = lastProblems;
        List<Problem> problems;
        if (links != null && last != null && last.links() == links.problems() && last.site().equals(site.problems())) {
            problems = last.all(); // the link stage's findings stood, the plan's are the same: so is the list
        } else {
            List<Problem> all = new ArrayList<>(links != null ? links.problems()
                    : clock.time("link", () -> new LinkChecker(resolver).check(site.documents().values())));
            all.addAll(site.problems());
            all.sort(null);
            problems = Collections.unmodifiableList(all);
        }
        lastProblems = links == null ? null : new Problems(links.problems(), site.problems(), problems);
        return new Planned(root, site, resolver, problems, links);
    }

    /** The sources: all read again, or, told what changed ({@code serve}), the changed ones only. */
    private List<Source> load(SiteConfig config, ContentRoot root, ChangedFiles changed) {
        SourceLoader loader = new SourceLoader(root, parseCache.sources());
        if (changed == null) {
            return loader.load(config.source());
        }
        List<Source> loaded = loader.reload(config.source(), parseCache.loaded(config.source()), changed);
        parseCache.loaded(config.source(), loaded);
        return loaded;
    }

    MarkdownParser parser() {
        return parser;
    }

    private List<Document> parse(List<Source> sources, boolean renderBlocks) {
        Map<Path, Document> seen = parseCache.begin();
        List<Document> docs = sources.parallelStream().map(s -> {
            Document d = parseCache.parse(s, seen);
            if (renderBlocks) {
                parser.renderBlocks(d);
            }
            return d;
        }).toList();
        parseCache.keep(seen);
        return docs;
    }

    /**
     * Nori's dictionary is the slowest part of a cold build: loaded on a spare core while pages are parsed and
     * rendered, instead of when the index stage first meets Hangul. A daemon thread: it never keeps the JVM alive,
     * and the indexer waits for it (same lock) if it is still loading.
     */
    private static void warmUp(SearchIndexer indexer, BooleanSupplier warmSearch) {
        Thread warm = new Thread(() -> {
            if (warmSearch.getAsBoolean()) {
                indexer.warmUp();
            }
        }, "sd101-search-warmup");
        warm.setDaemon(true);
        warm.start();
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
}
