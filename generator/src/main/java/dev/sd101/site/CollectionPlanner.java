package dev.sd101.site;

import dev.sd101.BuildException;
import dev.sd101.Problem;
import dev.sd101.SiteConfig;
import dev.sd101.anchor.GitHubSlugger;
import dev.sd101.anchor.UniqueIds;
import dev.sd101.content.ContentRoot;
import dev.sd101.content.FrontMatter;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Heading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plans the pages of collections and taxonomies (part of stage 3): one page per item, one per term
 * (named by a term file or only by items), one index per taxonomy. Items sit under their first term of
 * the navigation taxonomy (home › category › guide); other taxonomies' terms sit under their index and
 * stay out of the sidebar. Path clashes are errors naming both files; a term a taxonomy with term files
 * does not know is a warning at the line that names it.
 */
final class CollectionPlanner {
    private final SiteConfig config;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<SiteConfig.Collection, List<Document>> items = new LinkedHashMap<>();
    private final Map<SiteConfig.Taxonomy, List<Document>> termFiles = new LinkedHashMap<>();

    /** What planning added: pages in reading order, paths kept out of the sidebar, the catalog. */
    record Planned(List<Page> pages, Set<String> hidden, Catalog catalog, List<Problem> problems) {
    }

    CollectionPlanner(SiteConfig config) {
        this.config = config;
    }

    /** The documents planned the plain way: drafts dropped (unless configured), collection and term files set aside. */
    List<Document> claim(List<Document> documents) {
        Map<Path, SiteConfig.Collection> collectionFolders = new LinkedHashMap<>();
        Map<Path, SiteConfig.Taxonomy> termFolders = new LinkedHashMap<>();
        for (SiteConfig.Collection c : config.collections()) {
            collectionFolders.put(folder("collections." + c.name() + ".folder", c.folder()), c);
            items.put(c, new ArrayList<>());
        }
        for (SiteConfig.Taxonomy t : config.taxonomies()) {
            if (t.folder() != null) {
                termFolders.put(folder("taxonomies." + t.name() + ".folder", t.folder()), t);
            }
            termFiles.put(t, new ArrayList<>());
        }
        List<Document> plain = new ArrayList<>();
        outer:
        for (Document d : documents) {
            if (d.source().frontMatter().draft() && !config.drafts()) {
                continue;
            }
            Path file = d.source().file();
            for (Map.Entry<Path, SiteConfig.Collection> e : collectionFolders.entrySet()) {
                if (file.startsWith(e.getKey())) {
                    items.get(e.getValue()).add(d);
                    continue outer;
                }
            }
            for (Map.Entry<Path, SiteConfig.Taxonomy> e : termFolders.entrySet()) {
                if (file.startsWith(e.getKey())) {
                    termFiles.get(e.getValue()).add(d);
                    continue outer;
                }
            }
            plain.add(d);
        }
        return plain;
    }

    private Path folder(String key, String folder) {
        Path dir = config.contentBase().resolve(folder).normalize();
        if (!Files.isDirectory(dir)) {
            String where = config.configFile() != null ? ContentRoot.display(config.configFile()) : "configuration";
            throw new BuildException(where + ": " + key + ": " + folder + " is not a folder inside "
                    + ContentRoot.display(config.contentBase()));
        }
        return dir;
    }

    /** Plans the pages; {@code owners} maps every path already taken to the page there. */
    Planned plan(Map<String, Page> owners) {
        if (config.collections().isEmpty() && config.taxonomies().isEmpty()) {
            return new Planned(List.of(), Set.of(), Catalog.EMPTY, List.of());
        }
        String navName = config.home() != null ? config.home().taxonomy()
                : config.taxonomies().stream().filter(t -> t.folder() != null).map(SiteConfig.Taxonomy::name).findFirst().orElse(null);
        Map<String, Page> taken = new HashMap<>(owners);

        // Items, each collection in its own order.
        List<ItemDraft> drafts = new ArrayList<>();
        for (Map.Entry<SiteConfig.Collection, List<Document>> e : items.entrySet()) {
            List<ItemDraft> mine = new ArrayList<>();
            for (Document d : e.getValue()) {
                mine.add(item(e.getKey(), d));
            }
            mine.sort(order(e.getKey().sort()));
            drafts.addAll(mine);
        }

        // Terms of every taxonomy, with the items that name them.
        List<TaxonomyDraft> taxonomies = new ArrayList<>();
        for (SiteConfig.Taxonomy t : config.taxonomies()) {
            taxonomies.add(terms(t, drafts));
        }

        // Pages in reading order: navigation terms with their items, loose items, indexes, other terms.
        List<Page> pages = new ArrayList<>();
        Set<String> hidden = new HashSet<>();
        Map<ItemDraft, String> parentOf = new HashMap<>();
        TaxonomyDraft nav = taxonomies.stream().filter(t -> t.config.name().equals(navName)).findFirst().orElse(null);
        if (nav != null) {
            for (TermDraft term : nav.terms) {
                for (ItemDraft item : term.items) {
                    parentOf.putIfAbsent(item, term.path);
                }
            }
        }
        List<Page> termPages = new ArrayList<>();
        List<Page> indexPages = new ArrayList<>();
        for (TaxonomyDraft t : taxonomies) {
            boolean isNav = t == nav;
            indexPages.add(claim(taken, new Page(t.config.indexPath(), PageKind.TERMS, t.config.title(), null, null,
                    0, 0, "", List.of()), "taxonomies." + t.config.name() + ".index"));
            for (TermDraft term : t.terms) {
                Document doc = term.file;
                Page p = new Page(term.path, PageKind.TERM, term.title, null, doc, 0, doc == null ? 0 : doc.blockCount(),
                        isNav ? "" : t.config.indexPath(), doc == null ? List.of() : doc.headings());
                termPages.add(claim(taken, p, null));
                if (!isNav) {
                    hidden.add(term.path);
                }
            }
        }
        List<Page> itemPages = new ArrayList<>();
        for (ItemDraft item : drafts) {
            Page p = new Page(item.path, PageKind.ARTICLE, item.title, item.titleId, item.document, 0,
                    item.document.blockCount(), parentOf.getOrDefault(item, ""), item.document.headings());
            itemPages.add(claim(taken, p, null));
        }
        pages.addAll(termPages.stream().filter(p -> p.parent().isEmpty()).toList());
        pages.addAll(itemPages);
        pages.addAll(indexPages);
        pages.addAll(termPages.stream().filter(p -> !p.parent().isEmpty()).toList());

        List<Catalog.Item> catalogItems = new ArrayList<>();
        for (ItemDraft d : drafts) {
            Map<String, List<String>> terms = new LinkedHashMap<>();
            for (TaxonomyDraft t : taxonomies) {
                // In the order the item names them, each once.
                List<String> paths = new ArrayList<>();
                for (String k : d.named.getOrDefault(t.config.name(), List.of())) {
                    TermDraft term = t.byKey.get(k);
                    if (term != null && !paths.contains(term.path)) {
                        paths.add(term.path);
                    }
                }
                terms.put(t.config.name(), paths);
            }
            FrontMatter fm = d.document.source().frontMatter();
            catalogItems.add(new Catalog.Item(d.collection.name(), d.path, d.document, d.slug, d.title, fm.date(),
                    fm.weight(), fm.description(), fm.image(), terms));
        }
        List<Catalog.Taxonomy> catalogTaxonomies = new ArrayList<>();
        for (TaxonomyDraft t : taxonomies) {
            List<Catalog.Term> terms = new ArrayList<>();
            for (TermDraft term : t.terms) {
                FrontMatter fm = term.file == null ? null : term.file.source().frontMatter();
                Object icon = fm == null ? null : fm.params().get("icon");
                terms.add(new Catalog.Term(t.config.name(), term.key, term.slug, term.title,
                        fm == null ? null : fm.description(), icon == null ? null : icon.toString(),
                        fm == null ? null : fm.weight(), term.path, term.file, term.items.stream().map(i -> i.path).toList()));
            }
            catalogTaxonomies.add(new Catalog.Taxonomy(t.config, t.config.indexPath(), terms));
        }
        return new Planned(pages, hidden, new Catalog(catalogItems, catalogTaxonomies, navName), problems);
    }

    /** Takes a page's path, or fails naming both files (or the config key) that want it. */
    private static Page claim(Map<String, Page> taken, Page page, String configKey) {
        Page other = taken.putIfAbsent(page.path(), page);
        if (other != null) {
            String mine = configKey != null ? configKey : describe(page);
            throw new BuildException(mine + ": would be published at /" + page.path() + ", where " + describe(other)
                    + " is already published; give one of them another slug or path");
        }
        return page;
    }

    private static String describe(Page p) {
        return p.document() != null ? p.document().source().displayPath() : "the generated page '" + p.title() + "'";
    }

    private ItemDraft item(SiteConfig.Collection c, Document d) {
        FrontMatter fm = d.source().frontMatter();
        String file = d.source().file().getFileName().toString();
        String slug = fm.slug() != null ? fm.slug() : file.substring(0, file.length() - 3);
        List<Heading> top = d.headings().stream().filter(h -> h.block() >= 0).toList();
        String title;
        String titleId = null;
        if (fm.title() != null) {
            title = fm.title();
        } else if (!top.isEmpty() && !top.get(0).text().isBlank()) {
            title = top.get(0).text();
            titleId = top.get(0).id();
        } else {
            throw BuildException.at(d.source().displayPath(), fm.present() ? fm.line() : 1,
                    "has no title: add 'title:' to its front matter or start it with a heading");
        }
        return new ItemDraft(c, d, slug, c.path().replace("{slug}", slug), title, titleId);
    }

    private TaxonomyDraft terms(SiteConfig.Taxonomy t, List<ItemDraft> allItems) {
        Map<String, TermDraft> byKey = new TreeMap<>();
        UniqueIds slugs = new UniqueIds();
        // Term files first: their file names are their slugs, as upstream publishes them.
        List<Document> files = new ArrayList<>(termFiles.getOrDefault(t, List.of()));
        Map<String, TermDraft> byTitle = new HashMap<>();
        for (Document d : files) {
            FrontMatter fm = d.source().frontMatter();
            String file = d.source().file().getFileName().toString();
            String stem = fm.slug() != null ? fm.slug() : file.substring(0, file.length() - 3);
            String slug = slugs.unique(stem);
            List<Heading> top = d.headings().stream().filter(h -> h.block() >= 0).toList();
            String title = fm.title() != null ? fm.title() : !top.isEmpty() ? top.get(0).text() : stem;
            TermDraft term = new TermDraft(key(stem), slug, title, t.path().replace("{slug}", slug), d);
            byKey.put(term.key, term);
            byTitle.putIfAbsent(key(title), term);
        }
        // Terms named by items; spellings counted so that the most used one titles a term without a file.
        Map<String, Map<String, Integer>> spellings = new TreeMap<>();
        for (ItemDraft item : allItems) {
            for (FrontMatter.Named n : item.document.source().frontMatter().terms(t.name())) {
                String shown = clean(n.name());
                if (shown.isEmpty()) {
                    problems.add(Problem.warning(item.document.source().displayPath(), n.line(), 0,
                            "an empty " + t.name() + " entry; it is ignored"));
                    continue;
                }
                String k = key(shown);
                TermDraft term = byKey.get(k);
                if (term == null && byTitle.containsKey(k)) {
                    term = byTitle.get(k);
                }
                if (term == null && t.folder() != null) {
                    problems.add(Problem.warning(item.document.source().displayPath(), n.line(), 0,
                            t.name() + ": '" + n.name() + "' has no term file in " + t.folder()
                                    + "; its page is built without a description"));
                }
                if (term == null) {
                    spellings.computeIfAbsent(k, x -> new TreeMap<>()).merge(shown, 1, Integer::sum);
                } else {
                    term.add(item);
                }
                item.named.computeIfAbsent(t.name(), x -> new ArrayList<>()).add(term != null ? term.key : k);
            }
        }
        for (Map.Entry<String, Map<String, Integer>> e : spellings.entrySet()) {
            String title = e.getValue().entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey();
            String base = GitHubSlugger.slug(title);
            String slug = slugs.unique(base.isEmpty() ? "term" : base);
            TermDraft term = new TermDraft(e.getKey(), slug, title, t.path().replace("{slug}", slug), null);
            byKey.put(term.key, term);
        }
        for (ItemDraft item : allItems) {
            for (String k : item.named.getOrDefault(t.name(), List.of())) {
                TermDraft term = byKey.get(k);
                if (term != null && term.file == null && !term.items.contains(item)) {
                    term.add(item);
                }
            }
        }
        List<TermDraft> ordered = new ArrayList<>(byKey.values());
        ordered.sort(Comparator.comparing((TermDraft d) -> d.sort() == null ? Integer.MAX_VALUE : d.sort())
                .thenComparing(d -> d.title, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(d -> d.slug));
        return new TaxonomyDraft(t, ordered, byKey);
    }

    /** A term's identity: {@code System Design}, {@code "System Design"} and {@code system  design} are one term. */
    static String key(String name) {
        return clean(name).toLowerCase(Locale.ROOT);
    }

    /** Trimmed, surrounding quotes removed, inner white space collapsed. */
    static String clean(String name) {
        String s = name.strip();
        while (s.length() >= 2 && isQuote(s.charAt(0)) && isQuote(s.charAt(s.length() - 1))) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s.replaceAll("\\s+", " ");
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019';
    }

    /** Listing order of items: the configured key, then title, then slug, so equal keys stay stable. */
    static Comparator<ItemDraft> order(SiteConfig.Sort sort) {
        Comparator<ItemDraft> byTitle = Comparator.comparing((ItemDraft d) -> d.title, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(d -> d.slug);
        switch (sort) {
            case DATE:
                return Comparator.comparing((ItemDraft d) -> d.document.source().frontMatter().date(),
                        Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(byTitle);
            case WEIGHT:
                return Comparator.comparing((ItemDraft d) -> d.document.source().frontMatter().weight(),
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byTitle);
            default:
                return byTitle;
        }
    }

    /** An item being planned. Identity matters: items are kept in lists and maps by reference. */
    static final class ItemDraft {
        final SiteConfig.Collection collection;
        final Document document;
        final String slug;
        final String path;
        final String title;
        final String titleId;
        final Map<String, List<String>> named = new HashMap<>();

        ItemDraft(SiteConfig.Collection collection, Document document, String slug, String path, String title, String titleId) {
            this.collection = collection;
            this.document = document;
            this.slug = slug;
            this.path = path;
            this.title = title;
            this.titleId = titleId;
        }
    }

    private static final class TermDraft {
        final String key;
        final String slug;
        final String title;
        final String path;
        final Document file;
        final List<ItemDraft> items = new ArrayList<>();

        TermDraft(String key, String slug, String title, String path, Document file) {
            this.key = key;
            this.slug = slug;
            this.title = title;
            this.path = path;
            this.file = file;
        }

        void add(ItemDraft item) {
            if (!items.contains(item)) {
                items.add(item);
            }
        }

        Integer sort() {
            return file == null ? null : file.source().frontMatter().weight();
        }
    }

    private record TaxonomyDraft(SiteConfig.Taxonomy config, List<TermDraft> terms, Map<String, TermDraft> byKey) {
    }
}
