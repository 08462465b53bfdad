package dev.sd101.site;

import dev.sd101.markdown.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The planned site, immutable: which pages exist in reading order, their navigation tree, and where
 * every original heading id now lives.
 */
public final class SiteModel {
    private final String title;
    private final List<Page> pages;
    private final List<NavNode> nav;
    private final AnchorIndex anchors;
    private final Map<String, Document> documents;
    private final Map<String, Page> byPath = new HashMap<>();
    private final Map<String, List<Page>> children = new HashMap<>();
    private final Map<String, Page> firstPage = new HashMap<>();
    private final Catalog catalog;
    private final List<dev.sd101.Problem> problems;
    private final Map<String, String> languages;

    /**
     * @param title     the site's title
     * @param pages     every page in reading order (the order of previous/next links)
     * @param nav       the navigation tree under the home page
     * @param anchors   original (document, id) to page
     * @param documents the parsed sources by their path relative to the content root
     */
    public SiteModel(String title, List<Page> pages, List<NavNode> nav, AnchorIndex anchors, Map<String, Document> documents) {
        this(title, pages, nav, anchors, documents, Catalog.EMPTY, List.of());
    }

    /**
     * A site with collections.
     *
     * @param catalog  the collections and taxonomies
     * @param problems content problems found while planning (such as an unknown category), sorted by the caller
     */
    public SiteModel(String title, List<Page> pages, List<NavNode> nav, AnchorIndex anchors, Map<String, Document> documents,
                     Catalog catalog, List<dev.sd101.Problem> problems) {
        this(title, pages, nav, anchors, documents, catalog, problems, Map.of());
    }

    /**
     * A site with pages in other languages than the site's.
     *
     * @param languages document path → the language of its pages, for the documents not in the site's language
     */
    public SiteModel(String title, List<Page> pages, List<NavNode> nav, AnchorIndex anchors, Map<String, Document> documents,
                     Catalog catalog, List<dev.sd101.Problem> problems, Map<String, String> languages) {
        this.languages = Map.copyOf(languages);
        this.catalog = catalog;
        this.problems = List.copyOf(problems);
        this.title = title;
        this.pages = List.copyOf(pages);
        this.nav = List.copyOf(nav);
        this.anchors = anchors;
        this.documents = Collections.unmodifiableMap(new LinkedHashMap<>(documents));
        for (Page p : this.pages) {
            byPath.put(p.path(), p);
            if (p.parent() != null) {
                children.computeIfAbsent(p.parent(), k -> new ArrayList<>()).add(p);
            }
            if (p.document() != null && p.fromBlock() == 0) {
                firstPage.putIfAbsent(p.document().source().path(), p);
            }
        }
    }

    /** A copy of {@code from} with another title, pages, documents and catalog; the rest of its indexes as they were. */
    private SiteModel(SiteModel from, String title, List<Page> pages, List<NavNode> nav, AnchorIndex anchors,
                      Map<String, Document> documents, Catalog catalog, List<dev.sd101.Problem> problems,
                      Map<String, String> languages) {
        this.title = title;
        this.nav = nav;
        this.anchors = anchors;
        this.pages = List.copyOf(pages);
        this.documents = Collections.unmodifiableMap(documents);
        this.catalog = catalog;
        this.problems = List.copyOf(problems);
        this.languages = Map.copyOf(languages);
        this.byPath.putAll(from.byPath);
        this.children.putAll(from.children);
        this.firstPage.putAll(from.firstPage);
    }

    /**
     * This site with some documents replaced by others of the same shape (the same pages; the same titles and ids
     * but where {@code title}, {@code nav} and {@code anchors} say otherwise: see {@link SitePlanner}): each page of a
     * replaced document made again by {@code rebuild}, the indexes updated for those pages only.
     *
     * @param title     the site's title now (this site's, unless the home page's changed)
     * @param swapped   old document → its replacement
     * @param nav       the navigation tree now (this site's, unless a title changed)
     * @param anchors   where each id lives now (this site's, unless ids changed)
     * @param problems  the site's planning problems now
     * @param languages the documents' languages now
     */
    SiteModel reshaped(String title, Map<Document, Document> swapped, UnaryOperator<Page> rebuild, List<NavNode> nav,
                       AnchorIndex anchors, List<dev.sd101.Problem> problems, Map<String, String> languages) {
        List<Page> now = new ArrayList<>(pages);
        List<Page> rebuilt = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            Page p = now.get(i);
            if (p.document() != null && swapped.containsKey(p.document())) {
                Page q = rebuild.apply(p);
                now.set(i, q);
                rebuilt.add(q);
            }
        }
        Map<String, Document> docs = new LinkedHashMap<>(documents);
        swapped.values().forEach(d -> docs.put(d.source().path(), d));
        SiteModel site = new SiteModel(this, title, now, nav, anchors, docs, catalog.withDocuments(swapped), problems,
                languages);
        Set<String> parents = new HashSet<>();
        for (Page q : rebuilt) {
            site.byPath.put(q.path(), q);
            if (q.parent() != null) {
                parents.add(q.parent());
            }
            Page first = firstPage.get(q.document().source().path());
            if (first != null && first.path().equals(q.path())) {
                site.firstPage.put(q.document().source().path(), q);
            }
        }
        for (String parent : parents) {
            List<Page> list = new ArrayList<>(children.get(parent));
            list.replaceAll(c -> c.document() != null && swapped.containsKey(c.document()) ? site.byPath.get(c.path()) : c);
            site.children.put(parent, list);
        }
        return site;
    }

    /** A page's language ({@code <html lang>}, search analysis), or {@code siteLanguage} when it has none of its own. */
    public String language(Page page, String siteLanguage) {
        return page.document() == null ? siteLanguage : languages.getOrDefault(page.document().source().path(), siteLanguage);
    }

    /** The collections and taxonomies; {@link Catalog#EMPTY} without. */
    public Catalog catalog() {
        return catalog;
    }

    /** Content problems found while planning. */
    public List<dev.sd101.Problem> problems() {
        return problems;
    }

    public String title() {
        return title;
    }

    public List<Page> pages() {
        return pages;
    }

    public List<NavNode> nav() {
        return nav;
    }

    public AnchorIndex anchors() {
        return anchors;
    }

    public Map<String, Document> documents() {
        return documents;
    }

    /** The page at a path. */
    public Optional<Page> page(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** The page a whole document starts on. */
    public Optional<Page> firstPageOf(String documentPath) {
        return Optional.ofNullable(firstPage.get(documentPath));
    }

    /** The pages whose parent is {@code path}, in reading order. */
    public List<Page> children(String path) {
        return Collections.unmodifiableList(children.getOrDefault(path, List.of()));
    }
}
