package dev.sd101.render;

import dev.sd101.SiteConfig;
import dev.sd101.content.FrontMatter;
import dev.sd101.search.SearchPage;
import dev.sd101.site.Catalog;
import dev.sd101.site.Page;
import dev.sd101.site.PageKind;
import dev.sd101.site.SiteModel;
import dev.sd101.template.ListViews;
import dev.sd101.template.Views;
import dev.sd101.web.UrlPaths;

import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The listing part of the template model for collection and taxonomy pages, and which template renders a
 * page. Structure is decided here; templates only print it.
 */
public final class CatalogViews {
    private final SiteConfig config;
    private final SiteModel site;
    private final Catalog catalog;
    private final CollectionFiles files;

    public CatalogViews(SiteConfig config, SiteModel site) {
        this.config = config;
        this.site = site;
        this.catalog = site.catalog();
        this.files = new CollectionFiles(config, site);
    }

    /** Feeds and alias redirects: path relative to the site root → bytes. */
    public Map<String, byte[]> files() {
        return files.files();
    }

    /** The theme template a page is rendered with. */
    public String template(Page page) {
        if (page.kind() == PageKind.TERM) {
            return "term.peb";
        }
        if (page.kind() == PageKind.TERMS) {
            return "terms.peb";
        }
        if (catalog.item(page.path()).isPresent()) {
            return "item.peb";
        }
        if (page.kind() == PageKind.HOME && config.home() != null) {
            return "home-list.peb";
        }
        return "page.peb";
    }

    /** The {@code list} model of a page, or {@code null} for a page that lists nothing. */
    public ListViews.ListView view(Page page) {
        Map<String, Object> params = page.document() == null ? Map.of() : page.document().source().frontMatter().params();
        var item = catalog.item(page.path());
        if (item.isPresent()) {
            Catalog.Item it = item.get();
            List<ListViews.TermLinks> terms = new ArrayList<>();
            for (Catalog.Taxonomy t : catalog.taxonomies()) {
                List<Views.LinkView> links = it.terms().getOrDefault(t.config().name(), List.of()).stream()
                        .map(p -> catalog.term(p).orElseThrow())
                        .map(term -> new Views.LinkView(term.title(), url(page, term.path()))).toList();
                if (!links.isEmpty()) {
                    terms.add(new ListViews.TermLinks(t.config().name(), t.config().title(), links));
                }
            }
            return new ListViews.ListView(date(it), terms, List.of(), List.of(), "", PageViews.lacksTitle(page), params);
        }
        var term = catalog.term(page.path());
        if (term.isPresent()) {
            List<ListViews.ItemView> items = term.get().items().stream().map(p -> itemView(page, p)).toList();
            return new ListViews.ListView("", List.of(), items, List.of(), files.termFeed(term.get())
                    .map(f -> url(page, f)).orElse(""), true, params);
        }
        var taxonomy = catalog.taxonomy(page.path());
        if (taxonomy.isPresent()) {
            List<ListViews.GroupView> groups = taxonomy.get().terms().stream()
                    .map(t -> group(page, t, 0)).toList();
            return new ListViews.ListView("", List.of(), List.of(), groups, "", true, params);
        }
        if (page.kind() == PageKind.HOME && !catalog.isEmpty()) {
            int newest = config.home() == null ? 0 : config.home().newest();
            List<ListViews.GroupView> groups = catalog.navTaxonomy().map(t -> t.terms().stream()
                    .map(tm -> group(page, tm, newest)).toList()).orElse(List.of());
            return new ListViews.ListView("", List.of(), List.of(), groups,
                    files.siteFeed().map(f -> url(page, f)).orElse(""), page.document() == null, params);
        }
        return null;
    }

    private ListViews.GroupView group(Page from, Catalog.Term term, int newest) {
        List<ListViews.ItemView> items = List.of();
        if (newest > 0) {
            items = catalog.items().stream().filter(i -> term.items().contains(i.path()))
                    .sorted(CollectionFiles.NEWEST).limit(newest).map(i -> itemView(from, i.path())).toList();
        }
        return new ListViews.GroupView(term.title(), url(from, term.path()), nz(term.description()), nz(term.icon()),
                term.items().size(), items);
    }

    private ListViews.ItemView itemView(Page from, String path) {
        Catalog.Item i = catalog.item(path).orElseThrow();
        return new ListViews.ItemView(i.title(), url(from, i.path()), date(i), nz(i.description()));
    }

    /**
     * The body with the front matter's {@code description} and {@code image} in place of the ones found in
     * the text: the image is the page's Open Graph image.
     */
    public RenderedBody withFrontMatter(Page page, RenderedBody body) {
        if (page.document() == null) {
            return body;
        }
        FrontMatter fm = page.document().source().frontMatter();
        String description = fm.description() != null && !fm.description().isBlank() ? fm.description().strip() : body.description();
        String image = fm.image() != null && fm.image().contains("://") ? fm.image().strip() : body.image();
        return new RenderedBody(body.html(), description, image, body.assets(), body.scripts(), body.unresolved());
    }

    /**
     * The search index's view of a page: its title heading is added where its text lacks one (so the
     * intro is indexed under the page, not under its first sub-heading), and its terms are its keywords.
     */
    public static SearchPage searchPage(SiteModel site, Page page, List<String> breadcrumb, String html) {
        Catalog catalog = site.catalog();
        var item = catalog.item(page.path());
        String main = PageViews.lacksTitle(page) ? "<h1>" + Entities.escape(page.title()) + "</h1>\n" + html : html;
        if (item.isEmpty()) {
            return new SearchPage(UrlPaths.safeRelative(page.path()), page.title(), breadcrumb, main);
        }
        List<String> keywords = new ArrayList<>();
        item.get().terms().values().forEach(paths -> paths.forEach(p -> keywords.add(catalog.term(p).orElseThrow().title())));
        return new SearchPage(UrlPaths.safeRelative(page.path()), page.title(), breadcrumb, main, keywords);
    }

    private static String date(Catalog.Item i) {
        return i.date() == null ? "" : i.date().toLocalDate().toString();
    }

    private static String url(Page from, String rootRelative) {
        return UrlPaths.relative(from.root(), UrlPaths.encodePath(rootRelative));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
