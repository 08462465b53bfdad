package dev.sd101.render;

import dev.sd101.SiteConfig;
import dev.sd101.content.RepositoryRoot;
import dev.sd101.markdown.Heading;
import dev.sd101.site.NavNode;
import dev.sd101.site.Page;
import dev.sd101.site.SiteModel;
import dev.sd101.template.Views;
import dev.sd101.web.Json;
import dev.sd101.web.UrlPaths;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds what a template reads for a page: navigation, breadcrumbs, previous/next, on-page contents and
 * meta data, every URL relative to the page. Structure is decided here, never in templates.
 */
public final class PageViews {
    private final SiteConfig config;
    private final SiteModel site;
    private final Views.SiteView siteView;
    private final Map<String, Integer> order;
    private final String editBase;
    private final Path repositoryRoot;
    /** Whether every page carries the whole navigation tree, or only its own branch expanded (large sites). */
    private final boolean fullNav;
    /** Each navigation entry's encoded path, computed once: every page's sidebar repeats most of them. */
    private final Map<String, String> encoded;
    /** Each navigation entry's parent entry ({@code ""} at the top level): a page's way down the tree. */
    private final Map<String, String> navParent;
    /** Each navigation entry's index among its parent's children. */
    private final Map<String, Integer> navIndex;

    public PageViews(SiteConfig config, SiteModel site, String licenseHtml, String version) {
        this(config, site, licenseHtml, version, null);
    }

    /**
     * As {@link #PageViews(SiteConfig, SiteModel, String, String)}; the page order and the navigation's lookups
     * taken from {@code before} when it was made for the same navigation tree object and as many pages (a plan taken
     * over, whose pages keep their paths and order): at 10,000 pages they are 40,000 map entries made on every edit.
     */
    public PageViews(SiteConfig config, SiteModel site, String licenseHtml, String version, PageViews before) {
        this.config = config;
        this.site = site;
        this.siteView = new Views.SiteView(site.title(), config.language(), nz(config.siteUrl()),
                nz(config.repositoryUrl()), licenseHtml, "sd101 " + version);
        this.editBase = editBase(config);
        this.repositoryRoot = editBase == null ? null : repositoryRoot(config.contentRoot());
        if (before != null && before.site.nav() == site.nav() && before.site.pages().size() == site.pages().size()) {
            this.order = before.order;
            this.encoded = before.encoded;
            this.navParent = before.navParent;
            this.navIndex = before.navIndex;
            this.fullNav = before.fullNav;
            return;
        }
        this.order = new HashMap<>();
        this.encoded = new HashMap<>();
        this.navParent = new HashMap<>();
        this.navIndex = new HashMap<>();
        for (int i = 0; i < site.pages().size(); i++) {
            order.put(site.pages().get(i).path(), i);
        }
        this.fullNav = count(site.nav()) <= FULL_NAV_LIMIT;
        encodeAll(site.nav(), "");
    }

    /**
     * Up to this many entries, every page's sidebar holds the whole tree. Above it, a full sidebar on every page grows
     * with pages squared (10,000 pages × 10,000 links is gigabytes of HTML), and even the collapsed top level of a
     * site of thousands of small sections is thousands of links on every page: each page carries a bounded slice
     * ({@link NavSlice}) and the whole tree is one shared file ({@link NavTreeFile}) the sidebar loads on demand.
     */
    static final int FULL_NAV_LIMIT = 500;

    private void encodeAll(List<NavNode> nodes, String parent) {
        for (int i = 0; i < nodes.size(); i++) {
            NavNode n = nodes.get(i);
            encoded.put(n.path(), UrlPaths.encodePath(n.path()));
            navParent.put(n.path(), parent);
            navIndex.put(n.path(), i);
            encodeAll(n.children(), n.path());
        }
    }

    /** Whether every page carries the whole navigation tree; else a slice, and the tree is {@link #navTreeFile()}. */
    public boolean fullNav() {
        return fullNav;
    }

    /** The shared navigation file's bytes, or {@code null} when every page carries the whole tree. */
    public byte[] navTreeFile() {
        return fullNav ? null : NavTreeFile.of(site.nav());
    }

    private static int count(List<NavNode> nodes) {
        int n = nodes.size();
        for (NavNode c : nodes) {
            n += count(c.children());
        }
        return n;
    }

    public Views.SiteView site() {
        return siteView;
    }

    /** The template model of a page: {@code site}, {@code page} and {@code nav}. */
    public Map<String, Object> model(Page page, RenderedBody body) {
        Map<String, Object> model = new HashMap<>();
        model.put("site", siteView);
        model.put("page", pageView(page, body));
        if (fullNav) {
            model.put("nav", nav(page, site.nav(), ancestors(page)));
            model.put("navTree", "");
        } else {
            NavSlice slice = new NavSlice(encoded, navIndex, path -> UrlPaths.relative(page.root(), path));
            model.put("nav", slice.slice(site.nav(), chain(page), page.path()));
            model.put("navTree", page.root() + NavTreeFile.PATH);
        }
        model.put("editions", List.of()); // a site of several editions lists them (EditionsBuild)
        return model;
    }

    private Views.PageView pageView(Page page, RenderedBody body) {
        int i = order.get(page.path());
        List<Page> pages = site.pages();
        Views.LinkView prev = i > 0 ? link(page, pages.get(i - 1)) : null;
        Views.LinkView next = i + 1 < pages.size() ? link(page, pages.get(i + 1)) : null;
        List<Views.LinkView> crumbs = new ArrayList<>();
        for (String a = page.parent(); a != null; ) {
            Page p = site.page(a).orElseThrow();
            crumbs.add(0, link(page, p));
            a = p.parent();
        }
        List<Views.LinkView> children = site.children(page.path()).stream().map(c -> link(page, c)).toList();
        int shift = config.shiftHeadings() ? titleShift(page) : 0;
        List<Views.TocItem> toc = new ArrayList<>();
        for (Heading h : page.headings()) {
            if (!h.id().equals(page.titleId()) && h.level() - shift > 1 && h.level() - shift <= 4) {
                toc.add(new Views.TocItem(h.id(), h.text(), h.level() - shift));
            }
        }
        String image = body.image().isEmpty() || body.image().contains("://") ? body.image() : page.root() + body.image();
        if (!body.image().isEmpty() && !body.image().contains("://") && config.siteUrl() != null) {
            // An edition's image published once above its folder (../img.png): resolved, as a crawler wants it.
            image = body.image().startsWith("../") ? URI.create(config.siteUrl()).resolve(body.image()).toString()
                    : config.siteUrl() + body.image();
        }
        String canonical = config.siteUrl() == null ? "" : config.siteUrl() + UrlPaths.percentEncode(page.path());
        String edit = editBase == null || page.document() == null ? ""
                : editBase + UrlPaths.encodePath(relativeToRepo(page.document().source().file()));
        String anchorMap = page.path().isEmpty() && page.document() != null ? anchorMapJson(page.document().source().path()) : "";
        return new Views.PageView(page.kind().id(), page.title(), page.path(), page.root(), shiftHeadings(body.html(), shift), toc, crumbs,
                prev, next, children, body.description(), image, canonical, edit, anchorMap, site.language(page, config.language()),
                body.scripts(), lacksTitle(page));
    }

    /** Whether a page of a document has no {@code h1} of its own: no title heading, and no level-1 heading. */
    static boolean lacksTitle(Page page) {
        return page.document() != null && page.titleId() == null && page.headings().stream().noneMatch(h -> h.level() == 1);
    }

    /**
     * How many levels the page's headings move up so that its title is an {@code h1}: an article cut from
     * a README starts at {@code ###}, and a page whose outline starts at h3 confuses screen readers.
     */
    private static int titleShift(Page page) {
        for (Heading h : page.headings()) {
            if (h.id().equals(page.titleId())) {
                return Math.max(0, h.level() - 1);
            }
        }
        return 0;
    }

    private static final Pattern HEADING_TAG = Pattern.compile("<(/?)[hH]([1-6])(?=[\\s>/])");

    /** Moves every heading tag of rendered HTML up by {@code shift} levels (never above h1); ids stay. */
    static String shiftHeadings(String html, int shift) {
        if (shift == 0) {
            return html;
        }
        Matcher m = HEADING_TAG.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (m.find()) {
            int level = Math.max(1, Integer.parseInt(m.group(2)) - shift);
            m.appendReplacement(out, "<" + m.group(1) + "h" + level);
        }
        return m.appendTail(out).toString();
    }

    /** JSON object of every id of a document → the path of its page (relative to the site root). */
    public String anchorMapJson(String documentPath) {
        StringBuilder json = new StringBuilder("{");
        site.anchors().ids(documentPath).forEach((id, path) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(Json.string(id)).append(':').append(Json.string(path));
        });
        return json.append('}').toString();
    }

    private Views.LinkView link(Page from, Page to) {
        return new Views.LinkView(to.title(), UrlPaths.relative(from.root(), UrlPaths.encodePath(to.path())));
    }

    private Set<String> ancestors(Page page) {
        Set<String> out = new HashSet<>();
        for (String a = page.parent(); a != null; a = site.page(a).map(Page::parent).orElse(null)) {
            out.add(a);
        }
        return out;
    }

    /** The navigation entries from the top level down to the page (empty for a page the sidebar does not list). */
    private List<String> chain(Page page) {
        List<String> out = new ArrayList<>();
        for (String p = page.path(); navParent.containsKey(p); p = navParent.get(p)) {
            out.add(0, p);
        }
        return out;
    }

    private List<Views.NavItem> nav(Page current, List<NavNode> nodes, Set<String> ancestors) {
        List<Views.NavItem> out = new ArrayList<>(nodes.size());
        for (NavNode n : nodes) {
            boolean isCurrent = n.path().equals(current.path());
            boolean here = isCurrent || ancestors.contains(n.path());
            // Only the current branch opens where the whole tree on every page would outweigh the page: a
            // collection's sidebar (400 guides), or any site past a few hundred entries (quadratic output).
            boolean expanded = here || (fullNav && site.catalog().isEmpty());
            out.add(new Views.NavItem(n.title(), UrlPaths.relative(current.root(), encoded.get(n.path())),
                    isCurrent, ancestors.contains(n.path()), expanded ? nav(current, n.children(), ancestors) : List.of()));
        }
        return out;
    }

    private static String editBase(SiteConfig config) {
        if (config.repositoryUrl() == null) {
            return null;
        }
        return config.repositoryUrl() + "/edit/" + config.editBranch() + "/";
    }

    /** A source's path inside its git repository, else inside the content root. */
    private String relativeToRepo(Path file) {
        return repositoryRoot.relativize(file.toAbsolutePath().normalize()).toString().replace(File.separatorChar, '/');
    }

    /** The top of the git work tree holding the content root, else the content root itself. */
    static Path repositoryRoot(Path contentRoot) {
        return RepositoryRoot.of(contentRoot).orElse(contentRoot.toAbsolutePath().normalize());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
