package dev.sd101.engine;

import dev.sd101.SiteConfig;
import dev.sd101.content.FrontMatter;
import dev.sd101.link.LinkResolver;
import dev.sd101.link.LinkState;
import dev.sd101.link.SiteVerifier;
import dev.sd101.link.Target;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Heading;
import dev.sd101.markdown.Link;
import dev.sd101.markdown.MarkdownParser;
import dev.sd101.render.PageViews;
import dev.sd101.render.RenderedBody;
import dev.sd101.search.SearchPage;
import dev.sd101.site.NavNode;
import dev.sd101.site.Page;
import dev.sd101.site.SiteModel;
import dev.sd101.template.ThemeRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What the previous in-memory build rendered, reused by the next build of the same engine ({@code serve}) where
 * the inputs are provably the same, so that a one-line edit re-renders one page, not all of them. Every reuse is
 * decided on values, never on timestamps of the edit:
 * <ul>
 *   <li>a page's body is reused when it is the same range of the same parsed document (unchanged text is not parsed
 *   again), its path, title and front matter are the same, and its document's links resolve exactly as before: the
 *   link stage says which documents it resolved again ({@link LinkState.Result#rechecked}); when it cannot say
 *   (changes on disk not known), {@link #linkState} compares every link's target of the whole site;</li>
 *   <li>a page's HTML is reused without building its template model when the page and its body are the same and
 *   nothing of the site that a page shows of other pages changed ({@link Frame}: titles, paths, order, parents, page
 *   languages, the navigation tree, the licence); else when its template model is equal (records, lists and
 *   strings compare by value); in both cases only with the same config and the same compiled theme;</li>
 *   <li>a page's scan for the site check is reused when the page's bytes are the very array reused above.</li>
 * </ul>
 * Anything else (another config, a changed theme, a heading edit, an image added) renders again. Only the latest
 * build's results are kept; concurrent builds each read the last complete one.
 */
final class RenderMemo {
    private static final RenderMemo NONE = new RenderMemo();
    private volatile Snapshot last;
    /** The last committed build's page views, whose page order and navigation lookups an equal plan reuses. */
    private volatile PageViews lastViews;

    /** One build's results: the inputs they were made from, and the outputs by page. */
    private record Snapshot(SiteConfig config, Digest linkState, ThemeRenderer theme, Frame frame,
                            Map<String, BodyEntry> bodies, Map<String, PageEntry> pages, SiteVerifier.Scan scan) {
    }

    /**
     * What makes a body: the range of a parsed document and the page's own values. The document is compared by
     * identity (unchanged text is not parsed again); for a page that is part of a document ({@code raw}: its blocks
     * rendered, else {@code null}) also by that part's Markdown HTML, so that an edit of one article of a split README
     * re-renders that article only.
     */
    private record BodyKey(String title, String root, Document document, int from, int to, FrontMatter frontMatter,
                           String raw) {
        boolean same(BodyKey o) {
            return (document == o.document || raw != null && raw.equals(o.raw)) && from == o.from && to == o.to
                    && title.equals(o.title) && root.equals(o.root) && frontMatter.equals(o.frontMatter);
        }
    }

    /** @param page the page it was made for: the very same page object again (a plan taken over) has the same key */
    private record BodyEntry(BodyKey key, RenderedBody body, Page page) {
    }

    /**
     * What a page's HTML was made from; the HTML itself is not kept (the sink has it: on disk for {@code serve}, or
     * the previous build's files), so a page is reused only where the sink {@linkplain PageSink#keep keeps} it.
     */
    private record PageEntry(Page page, RenderedBody body, String template, Map<String, Object> model,
                             AtomicReference<SearchPage> searched) {
    }

    /**
     * Everything a page's template model reads about other pages: each page's path, kind, title, parent and language
     * in reading order (previous/next, breadcrumbs, children), the navigation tree, the licence shown in every
     * footer. Equal frames give every unchanged page the same model.
     */
    record Frame(String title, List<Shown> pages, List<NavNode> nav, String license, boolean fullNav, List<Page> from,
                 Map<String, Integer> owners) {
        /**
         * Equal by what pages show; {@code from}, the page objects it was last checked against, and {@code owners},
         * which page's HTML each file holds (of its paths alone), are not part of it.
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && title.equals(f.title) && pages.equals(f.pages) && nav.equals(f.nav)
                    && license.equals(f.license) && fullNav == f.fullNav;
        }

        @Override
        public int hashCode() {
            return Objects.hash(title, pages, nav, license, fullNav);
        }

        /** What other pages show of one page. */
        record Shown(String path, dev.sd101.site.PageKind kind, String title, String parent, String language) {
        }

        /** As {@link #of(SiteModel, String, boolean)}; {@code before}'s values when equal (no frame of the site made). */
        static Frame of(SiteModel site, String license, boolean fullNav, Frame before) {
            if (before == null || before.nav != site.nav() || before.fullNav != fullNav || !before.title.equals(site.title())
                    || !before.license.equals(license) || before.pages.size() != site.pages().size()) {
                return of(site, license, fullNav);
            }
            // The same navigation tree object: a plan taken over from the previous one, whose pages are as they were
            // but for their documents, whose language an edit may change.
            for (int i = 0; i < before.pages.size(); i++) {
                Page p = site.pages().get(i);
                if (p == before.from.get(i)) {
                    continue; // the very page object (its document unchanged, so its language too)
                }
                Shown was = before.pages.get(i);
                if (!was.path().equals(p.path()) || was.kind() != p.kind() || !was.title().equals(p.title())
                        || !Objects.equals(was.parent(), p.parent()) || !was.language().equals(site.language(p, ""))) {
                    return of(site, license, fullNav);
                }
            }
            return new Frame(before.title, before.pages, before.nav, before.license, fullNav, site.pages(), before.owners);
        }

        static Frame of(SiteModel site, String license, boolean fullNav) {
            List<Shown> pages = new ArrayList<>(site.pages().size());
            for (Page p : site.pages()) {
                pages.add(new Shown(p.path(), p.kind(), p.title(), p.parent(), site.language(p, "")));
            }
            return new Frame(site.title(), pages, site.nav(), license, fullNav, site.pages(), RenderMemo.owners(site));
        }

        /**
         * The pages whose model may differ from {@code before}'s when only titles changed (the same pages in the same
         * order, parents, kinds and languages, so the same navigation tree but for its titles): each renamed page's
         * neighbours (previous/next) and every page at or below its parent (its breadcrumbs, the parent's listing, and
         * the sidebar slice, which shows a page's siblings only on the pages of their parent's branch). {@code null}:
         * any page's may (the order or the tree changed, a top-level title changed, or every page carries the whole
         * tree).
         */
        Set<String> affected(Frame before) {
            if (fullNav || before.fullNav || !title.equals(before.title) || !license.equals(before.license)
                    || pages.size() != before.pages.size()) {
                return null;
            }
            Set<String> affected = new HashSet<>();
            Set<String> branches = new HashSet<>();
            for (int i = 0; i < pages.size(); i++) {
                Shown now = pages.get(i);
                Shown was = before.pages.get(i);
                if (!now.path().equals(was.path()) || now.kind() != was.kind() || !Objects.equals(now.parent(), was.parent())
                        || !now.language().equals(was.language())) {
                    return null;
                }
                if (!now.title().equals(was.title())) {
                    if (now.parent() == null || now.parent().isEmpty()) {
                        return null; // the home page, or a top-level entry: every page's sidebar shows it
                    }
                    branches.add(now.parent());
                    affected.add(now.path());
                    affected.add(pages.get(Math.max(0, i - 1)).path());
                    affected.add(pages.get(Math.min(pages.size() - 1, i + 1)).path());
                }
            }
            if (branches.isEmpty()) {
                return affected;
            }
            Map<String, String> parents = new HashMap<>();
            pages.forEach(p -> parents.put(p.path(), p.parent()));
            for (Shown p : pages) {
                for (String a = p.path(); a != null; a = parents.get(a)) {
                    if (branches.contains(a)) {
                        affected.add(p.path());
                        break;
                    }
                }
            }
            return affected;
        }
    }

    /** Starts a build: reuse is possible only from a previous build of the same config, theme and links. */
    Session begin(SiteConfig config, SiteModel site, LinkResolver resolver, MarkdownParser parser, ThemeRenderer theme) {
        return begin(config, site, resolver, parser, theme, null);
    }

    /**
     * As {@link #begin(SiteConfig, SiteModel, LinkResolver, MarkdownParser, ThemeRenderer)}, told by the link stage
     * which documents' links may resolve otherwise ({@code null}, or a result that does not know: the whole site's
     * link targets are compared).
     */
    Session begin(SiteConfig config, SiteModel site, LinkResolver resolver, MarkdownParser parser, ThemeRenderer theme,
                  LinkState.Result links) {
        Snapshot prev = last;
        boolean sameConfig = prev != null && prev.config().equals(config);
        Digest state = null;
        java.util.function.Predicate<Document> relinked;
        if (links != null && links.relinked() != null) {
            // None relinked (a body edit): no document's path is read to be looked up, 10,000s of cache misses.
            relinked = links.relinked().isEmpty() ? d -> false : d -> links.relinked(d.source().path());
        } else {
            // Kept as a digest: the state itself is a site's worth of text (at 10,000 pages 20 MB).
            Digest now = Digest.of(linkState(site, resolver).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            state = now;
            boolean same = prev != null && now.equals(prev.linkState());
            relinked = d -> !same;
        }
        boolean pagesValid = sameConfig && prev.theme() == theme;
        return new Session(true, config, state, theme, parser, sameConfig ? prev.bodies() : Map.of(), relinked,
                pagesValid ? prev.pages() : Map.of(), pagesValid ? prev.frame() : null, prev == null ? null : prev.scan());
    }

    /**
     * A session that renders everything and keeps nothing ({@code generate}): a streamed build must not hold its
     * pages, and no later build of a one-shot run would reuse them.
     */
    static Session none() {
        return NONE.new Session(false, null, null, null, null, Map.of(), d -> true, Map.of(), null, null);
    }

    /** The reuse decisions and results of one build; thread-safe, as pages render in parallel. */
    final class Session {
        private final boolean keeps;
        private final SiteConfig config;
        private final Digest linkState;
        private final ThemeRenderer theme;
        private final MarkdownParser parser;
        private final Map<String, BodyEntry> oldBodies;
        private final java.util.function.Predicate<Document> relinked;
        private final Map<String, PageEntry> oldPages;
        private final Frame oldFrame;
        private final SiteVerifier.Scan oldScan;
        // Sized for the previous build's (as many again, as a rule): not grown from empty on every edit.
        private final Map<String, BodyEntry> bodies;
        private final Map<String, PageEntry> pages;
        /** Pages this build kept as they were, by file: their old scan stands. */
        private final java.util.Set<String> reused;
        private volatile Frame frame;
        private volatile PageViews views;
        /** The pages whose model may differ from the previous build's by what they show of others; {@code null}: any. */
        private volatile Set<String> affected;

        private Session(boolean keeps, SiteConfig config, Digest linkState, ThemeRenderer theme, MarkdownParser parser,
                        Map<String, BodyEntry> oldBodies, java.util.function.Predicate<Document> relinked,
                        Map<String, PageEntry> oldPages, Frame oldFrame, SiteVerifier.Scan oldScan) {
            this.keeps = keeps;
            this.config = config;
            this.linkState = linkState;
            this.theme = theme;
            this.parser = parser;
            this.oldBodies = oldBodies;
            this.relinked = relinked;
            this.oldPages = oldPages;
            this.oldFrame = oldFrame;
            this.oldScan = oldScan;
            this.bodies = new ConcurrentHashMap<>(Math.max(16, oldBodies.size() + oldBodies.size() / 8));
            this.pages = new ConcurrentHashMap<>(Math.max(16, oldPages.size() + oldPages.size() / 8));
            this.reused = ConcurrentHashMap.newKeySet(Math.max(16, oldPages.size() + oldPages.size() / 8));
        }

        /** The page's body: the previous one when its inputs are the same, else {@code render}'s. */
        RenderedBody body(Page page, Supplier<RenderedBody> render) {
            if (!keeps || page.document() == null) {
                return render.get();
            }
            Document d = page.document();
            BodyEntry old = oldBodies.get(page.path());
            if (old != null && old.page() == page && old.key().document() == d && !relinked.test(d)) {
                bodies.put(page.path(), old); // the same page object of the same document: every input is the same
                return old.body();
            }
            String raw = null;
            if (page.fromBlock() != 0 || page.toBlock() != d.blockCount()) {
                raw = old != null && old.key().document() == d && old.key().raw() != null ? old.key().raw()
                        : parser.render(d, page.fromBlock(), page.toBlock());
            }
            BodyKey key = new BodyKey(page.title(), page.root(), d, page.fromBlock(), page.toBlock(),
                    d.source().frontMatter(), raw);
            RenderedBody body = old != null && old.key().same(key) && !relinked.test(page.document())
                    ? old.body() : render.get();
            bodies.put(page.path(), new BodyEntry(key, body, page));
            return body;
        }

        /**
         * Sets what pages show of each other in this build ({@link Frame}); before {@link #keepUnchanged}. A page of a
         * site with collections lists other pages' front matter, and one of several editions their pages: their
         * models are always built.
         */
        void frame(SiteModel site, String license, boolean framed, boolean fullNav) {
            frame = framed && site.catalog().isEmpty() ? Frame.of(site, license, fullNav, oldFrame) : null;
            affected = frame == null || oldFrame == null ? null
                    : frame == oldFrame || frame.equals(oldFrame) ? Set.of() : frame.affected(oldFrame);
        }

        /**
         * Whether the previous build's HTML of a page stands without building its model: the same page, the very body
         * reused, an equal {@link Frame}; {@code old}, the previous build's entry of the page.
         */
        private boolean unchanged(PageEntry old, Page page, RenderedBody body) {
            return old != null && affected != null && old.body() == body && (old.page() == page || samePage(old.page(), page))
                    && !affected.contains(page.path());
        }

        /**
         * Keeps the page's file as the previous build left it when its HTML stands without building its model (the
         * same page, the very body reused, an equal {@link Frame}) and the sink still has it: most pages of a body edit.
         */
        boolean keepUnchanged(Page page, String file, RenderedBody body, PageSink sink) {
            PageEntry old = oldPages.get(page.path());
            if (!keeps || !unchanged(old, page, body) || !sink.keep(file)) {
                return false;
            }
            reused.add(file);
            pages.put(page.path(), old);
            return true;
        }

        /** Whether the previous build rendered the page's file from an equal template and model. */
        boolean sameModel(Page page, String template, Map<String, Object> model) {
            PageEntry old = keeps ? oldPages.get(page.path()) : null;
            return old != null && old.model() != null && old.template().equals(template) && old.model().equals(model);
        }

        /**
         * Keeps the page's file ({@code file}, {@link Page#file()}) as the previous build left it, if the sink still
         * has it, for a page whose model was built and found the same ({@link #sameModel}; pages kept without a model:
         * {@link #keepUnchanged}).
         *
         * @return whether it was kept (else it must be rendered)
         */
        boolean keep(Page page, String file, RenderedBody body, String template, Map<String, Object> model, PageSink sink) {
            if (!keeps || !oldPages.containsKey(page.path()) || !sink.keep(file)) {
                return false;
            }
            reused.add(file);
            pages.put(page.path(), entry(page, body, template, model));
            return true;
        }

        /** Records what the page's file was rendered from, for the next build. */
        void rendered(Page page, RenderedBody body, String template, Map<String, Object> model) {
            if (keeps) {
                pages.put(page.path(), entry(page, body, template, model));
            }
        }

        /**
         * A page's entry: its model only where no {@link Frame} decides reuse (a site with collections, an edition),
         * since a model holds the page's navigation views and the frame makes them unnecessary.
         */
        private PageEntry entry(Page page, RenderedBody body, String template, Map<String, Object> model) {
            return new PageEntry(page, body, template, frame == null ? model : null,
                    new AtomicReference<>());
        }

        /**
         * The search index's view of a page this build {@linkplain #keep kept} or {@linkplain #rendered rendered}: made
         * once per entry, so a page kept unchanged hands the index the very object it had (compared at once, where a
         * page without a title heading had its HTML joined to a new title and compared char by char on every edit).
         */
        SearchPage searchPage(Page page, Supplier<SearchPage> make) {
            PageEntry e = keeps ? pages.get(page.path()) : null;
            if (e == null || e.page() != page && !samePage(e.page(), page)) {
                return make.get();
            }
            SearchPage s = e.searched().get();
            if (s == null) {
                s = make.get();
                e.searched().set(s);
            }
            return s;
        }

        /** Whether the previous build's scan of this page stands: its file was kept ({@link #scanReused}). */
        boolean scanStands(String file) {
            return oldScan != null && reused.contains(file);
        }

        /**
         * Adds the previous scans of the pages kept; call once every page's body has excused its links, as a reused
         * summary stands only if the same links are excused (else the kept file is read from the sink and scanned).
         */
        void scanReused(SiteVerifier.Scan scan, PageSink sink) {
            if (oldScan != null) {
                reused.forEach(path -> scan.addUnchanged(path, () -> sink.read(path), oldScan));
            }
        }

        /**
         * Which page's HTML each page file holds: the last of the pages at that path, as if they were written in order
         * (the pass writes them in parallel). The same for an equal frame (the same paths in the same order).
         */
        Map<String, Integer> owners(SiteModel site) {
            Frame f = frame;
            return f != null && f.from() == site.pages() ? f.owners() : RenderMemo.owners(site);
        }

        /** The previous build's page views, for {@link PageViews#PageViews(SiteConfig, SiteModel, String, String, PageViews)}. */
        PageViews previousViews() {
            return keeps ? lastViews : null;
        }

        /** This build's page views, kept for the next build on {@link #commit}. */
        void views(PageViews views) {
            this.views = views;
        }

        /** Keeps this build's results for the next; call once the build succeeded. */
        void commit(SiteVerifier.Scan scan) {
            if (!keeps) {
                return;
            }
            lastViews = views;
            // This session's own maps, not copied (a large site's worth of entries): nothing changes them after.
            last = new Snapshot(config, linkState, theme, frame, java.util.Collections.unmodifiableMap(bodies),
                    java.util.Collections.unmodifiableMap(pages), scan);
        }
    }

    static Map<String, Integer> owners(SiteModel site) {
        Map<String, Integer> owner = new HashMap<>(site.pages().size() * 2);
        for (int i = 0; i < site.pages().size(); i++) {
            owner.put(site.pages().get(i).path(), i); // a path has one file: no file name made per page
        }
        return owner;
    }

    /**
     * Whether a page's model reads the same of the page itself: all but its document, of which (its body aside,
     * compared by identity) only the file shows, in the edit link, so that the unchanged pages of an edited split
     * document keep their files; the home page's model maps every id of its document to a page, so there the
     * document must be the same.
     */
    private static boolean samePage(Page a, Page b) {
        if (a.path().isEmpty() || a.document() == null || b.document() == null) {
            return a.equals(b);
        }
        return a.path().equals(b.path()) && a.kind() == b.kind() && a.title().equals(b.title())
                && Objects.equals(a.titleId(), b.titleId()) && a.fromBlock() == b.fromBlock() && a.toBlock() == b.toBlock()
                && Objects.equals(a.parent(), b.parent()) && a.headings().equals(b.headings())
                && a.document().source().file().equals(b.document().source().file());
    }

    /**
     * Everything about the site that a body's link and image rewriting reads, as one string: each page's path,
     * document and heading ids (which page now holds which anchor), each document's ids, and the target of every
     * link the sources contain (for a local file also its size and modification time, which give an image its
     * dimensions). Equal strings mean every rewrite decision of every unchanged body would be the same.
     */
    static String linkState(SiteModel site, LinkResolver resolver) {
        StringBuilder s = new StringBuilder(8192);
        for (Page p : site.pages()) {
            s.append("P ").append(p.path()).append(' ')
                    .append(p.document() == null ? "" : p.document().source().path()).append(' ');
            for (Heading h : p.headings()) {
                s.append(h.id()).append(' ');
            }
            s.append('\n');
        }
        for (Document d : site.documents().values()) {
            s.append("D ").append(d.source().path()).append(' ');
            d.headings().forEach(h -> s.append(h.id()).append(' '));
            d.htmlAnchors().keySet().stream().sorted().forEach(a -> s.append(a).append(' '));
            s.append('\n');
            for (Link link : d.links()) {
                s.append("L ").append(link.kind()).append(' ').append(link.target()).append(" → ");
                target(s, resolver.resolve(d, link.target(), link.kind().isImage()));
                s.append('\n');
            }
        }
        return s.toString();
    }

    private static void target(StringBuilder s, Target t) {
        if (t instanceof Target.Anchor a) {
            // The document itself is a new object after each parse; what it names is its path.
            s.append("Anchor ").append(a.document().source().path()).append(' ').append(a.fragment()).append(' ')
                    .append(a.id()).append(' ').append(a.match());
        } else if (t instanceof Target.Asset a) {
            s.append("Asset ").append(a.path()).append(' ').append(stamp(a.file()));
        } else if (t instanceof Target.Unpublished u) {
            s.append("Unpublished ").append(u.path()).append(' ').append(stamp(u.file()));
        } else {
            s.append(Objects.toString(t));
        }
    }

    private static String stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
