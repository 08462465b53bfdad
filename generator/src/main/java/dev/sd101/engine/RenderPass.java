package dev.sd101.engine;

import dev.sd101.SiteConfig;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.MarkdownParser;
import dev.sd101.render.BodyRenderer;
import dev.sd101.render.CatalogViews;
import dev.sd101.render.NavTreeFile;
import dev.sd101.render.PageViews;
import dev.sd101.render.RenderedBody;
import dev.sd101.render.SiteExtras;
import dev.sd101.search.SearchIndex;
import dev.sd101.search.SearchPage;
import dev.sd101.site.Page;
import dev.sd101.site.SiteModel;
import dev.sd101.template.ThemeAssets;
import dev.sd101.template.ThemeCache;
import dev.sd101.template.ThemeRenderer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The render stage, with index, verify and write interleaved: every page of a planned site is rendered (its body,
 * then its template), put into the sink, scanned for the site check and handed to the index, and then dropped, on
 * every core; then the site's other files, the theme's assets and the search index follow. The one pass of
 * {@code generate}, {@code build} and each edition of a site of several.
 */
final class RenderPass {
    private final SiteConfig config;
    private final Planned planned;
    private final MarkdownParser parser;
    private final ThemeCache.Theme compiled;
    private final RenderMemo.Session reuse;
    private final String version;
    private boolean releaseTrees;
    private Function<Page, Object> editions;
    private Function<String, String> assetBase = path -> "";
    private SiteExtras.Redirects redirects = SiteExtras.Redirects.NONE;
    private BooleanSupplier indexBusy = () -> false;

    RenderPass(SiteConfig config, Planned planned, MarkdownParser parser, ThemeCache.Theme compiled,
               RenderMemo.Session reuse, String version) {
        this.config = config;
        this.planned = planned;
        this.parser = parser;
        this.compiled = compiled;
        this.reuse = reuse;
        this.version = version;
    }

    /** Releases a document's tree once its last page is rendered (the pages of a split document share it). */
    RenderPass releasingTrees() {
        this.releaseTrees = true;
        return this;
    }

    /**
     * Pages rendered while {@code busy} (the search analysis loading its dictionary on another core) are indexed after
     * the pass instead of waiting for it: the render workers keep both cores busy, where each would otherwise block
     * on its first page until the dictionary is in (a cold build of a small site spent most of its render stage so).
     * At most {@link Deferred#MAX_CHARS} of pages' HTML wait; past that a page is indexed at once, as before.
     */
    RenderPass indexingLaterWhile(BooleanSupplier busy) {
        this.indexBusy = busy;
        return this;
    }

    /**
     * For an edition of a site of several.
     *
     * @param editions  what each page's language switcher lists
     * @param assetBase per asset, the way from the site's root to its folder ({@link BodyRenderer}): {@code ""} but
     *                  for an edition's images published once for all editions
     * @param redirects what the 404 page sends on for the other editions
     */
    RenderPass asEdition(Function<Page, Object> editions, Function<String, String> assetBase, SiteExtras.Redirects redirects) {
        this.editions = editions;
        this.assetBase = assetBase;
        this.redirects = redirects;
        return this;
    }

    /**
     * @param index what the pages are indexed into, or {@code null} for a site without search
     * @param check what scans each file, or {@code null} when the caller scans the files later (an edition, whose
     *              files are checked with the other editions')
     * @return the unresolved links the pages' bodies hold, as the content wrote them
     */
    Set<String> into(PageSink sink, SearchStage index, SiteCheck check, StageClock clock) {
        SiteModel site = planned.site();
        clock.startPass();
        BodyRenderer bodies = new BodyRenderer(parser, site, planned.resolver(), config.sanitizeHtml(), config.fillEmptyAlt(),
                assetBase);
        ThemeRenderer theme = compiled.renderer();
        // The licence page's body feeds every page's footer; rendered for it first, and reused by the pass.
        Map<Integer, RenderedBody> early = new ConcurrentHashMap<>();
        String license = SiteExtras.licenseHtml(site, i -> early.computeIfAbsent(i, k -> body(bodies, site.pages().get(k))));
        PageViews views = new PageViews(config, site, license, version, reuse.previousViews());
        reuse.views(views);
        CatalogViews lists = new CatalogViews(config, site);
        reuse.frame(site, license, editions == null, views.fullNav());
        Map<Document, AtomicInteger> pagesLeft = releaseTrees ? pagesLeft(site) : new IdentityHashMap<>();
        Queue<Document> revived = new ConcurrentLinkedQueue<>(); // by identity: a document record hashes its text
        Set<String> vendorUsed = ConcurrentHashMap.newKeySet();
        Set<String> unresolved = ConcurrentHashMap.newKeySet();
        Map<String, Integer> owner = reuse.owners(site);
        Deferred deferred = new Deferred();
        // A page's breadcrumb is its parent's ancestry: made once per parent (a large site has many pages, few parents).
        Map<String, List<String>> breadcrumbs = new ConcurrentHashMap<>();
        IntStream.range(0, site.pages().size()).parallel().forEach(i -> {
            Page page = site.pages().get(i);
            long t = System.nanoTime();
            RenderedBody ready = early.remove(i);
            RenderedBody body = ready != null ? ready : body(bodies, page);
            AtomicInteger left = pagesLeft.get(page.document());
            if (left != null && left.decrementAndGet() == 0) {
                page.document().tree().release();
            } else if (left == null && releaseTrees && page.document() != null && page.document().tree().held()) {
                revived.add(page.document()); // released before, rendered again (its links changed): released after
            }
            boolean mine = owner.get(page.path()) == i;
            String file = page.file();
            // Nothing it shows changed: the file the sink has stands, and no model is built.
            boolean kept = mine && reuse.keepUnchanged(page, file, body, sink);
            String text = null;
            if (!kept) {
                Map<String, Object> model = views.model(page, lists.withFrontMatter(page, body));
                model.put("list", lists.view(page));
                if (editions != null) {
                    model.put("editions", editions.apply(page));
                }
                String template = lists.template(page);
                kept = mine && reuse.sameModel(page, template, model) && reuse.keep(page, file, body, template, model, sink);
                if (!kept) {
                    text = theme.render(template, model);
                    if (mine) {
                        reuse.rendered(page, body, template, model);
                    }
                }
            }
            t = clock.work("render", t);
            if (mine && !kept) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                sink.put(file, bytes);
                t = clock.work("write", t);
                if (check != null) {
                    check.excuse(body.unresolved());
                    check.scan(file, bytes, text); // the page's text as rendered: no decoding again
                    t = clock.work("verify", t);
                }
            } else if (mine && check != null) {
                check.excuse(body.unresolved());
                if (!reuse.scanStands(file)) {
                    check.scan(file, sink.read(file), null);
                }
            }
            unresolved.addAll(body.unresolved());
            if (index != null && indexed(site, page)) {
                SearchPage searched = !mine ? searchPage(site, page, breadcrumbs, body)
                        : reuse.searchPage(page, () -> searchPage(site, page, breadcrumbs, body));
                if (!(indexBusy.getAsBoolean() && deferred.offer(i, searched))) {
                    index.add(i, searched);
                    clock.work("index", t);
                }
            }
            body.assets().forEach(sink::copy);
            vendorUsed.addAll(body.scripts().vendorFolders());
        });
        clock.endPass();
        revived.forEach(d -> d.tree().release());
        if (index != null) {
            clock.run("index", () -> List.copyOf(deferred.pages).parallelStream().forEach(p -> index.add(p.order(), p.page())));
        }
        clock.run("render", () -> {
            new SiteExtras(config, site, views, theme, redirects).filesButNavTree().forEach((path, bytes) -> put(sink, check, path, bytes));
            if (!views.fullNav()) {
                // JSON made of the navigation tree alone: kept while the tree is the same object (a plan taken over).
                sink.put(NavTreeFile.PATH, site.nav(), views::navTreeFile);
            }
            lists.files().forEach((path, bytes) -> put(sink, check, path, bytes));
            ThemeAssets.forPages(compiled.assets(), vendorUsed).forEach((path, bytes) -> put(sink, check, path, bytes));
        });
        if (index != null) {
            // Thousands of small files at scale (a bundle of fragments per six sections): put in parallel.
            clock.run("index", () -> {
                SearchIndex files = index.files();
                files.plain().entrySet().parallelStream().forEach(e -> put(sink, check, e.getKey(), e.getValue()));
                // JSON only: nothing the site check scans.
                files.versioned().entrySet().parallelStream().forEach(e -> sink.put(e.getKey(), e.getValue().version(),
                        e.getValue().bytes()));
            });
        }
        return unresolved;
    }

    /** Pages whose indexing waits for the end of the pass; the index orders pages by their order number, not by arrival. */
    private static final class Deferred {
        /** 8 M characters of HTML: a few hundred pages, never a large site's whole text. */
        static final long MAX_CHARS = 8L << 20;

        record Entry(int order, SearchPage page) {
        }

        final Queue<Entry> pages = new ConcurrentLinkedQueue<>();
        private final AtomicLong chars = new AtomicLong();

        boolean offer(int order, SearchPage page) {
            if (chars.addAndGet(page.mainHtml().length()) > MAX_CHARS) {
                return false;
            }
            pages.add(new Entry(order, page));
            return true;
        }
    }

    private static SearchPage searchPage(SiteModel site, Page page, Map<String, List<String>> breadcrumbs, RenderedBody body) {
        return CatalogViews.searchPage(site, page,
                breadcrumbs.computeIfAbsent(page.parent() == null ? "" : page.parent(), k -> breadcrumb(site, page)),
                body.html());
    }

    private RenderedBody body(BodyRenderer bodies, Page page) {
        return reuse.body(page, () -> bodies.render(page));
    }

    private static void put(PageSink sink, SiteCheck check, String path, byte[] bytes) {
        sink.put(path, bytes);
        if (check != null) {
            check.scan(path, bytes, null);
        }
    }

    private static Map<Document, AtomicInteger> pagesLeft(SiteModel site) {
        Map<Document, AtomicInteger> left = new IdentityHashMap<>();
        for (Page p : site.pages()) {
            // A document a previous build released holds nothing: most of them, after an edit.
            if (p.document() != null && p.document().tree().held()) {
                left.computeIfAbsent(p.document(), d -> new AtomicInteger()).incrementAndGet();
            }
        }
        return left;
    }

    /** Whether a page goes into the search index: a generated listing only repeats titles indexed anyway. */
    private static boolean indexed(SiteModel site, Page p) {
        return p.document() != null || site.catalog().isEmpty();
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
}
