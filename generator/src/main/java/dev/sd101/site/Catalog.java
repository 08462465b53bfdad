package dev.sd101.site;

import dev.sd101.SiteConfig;
import dev.sd101.markdown.Document;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The collections and taxonomies of a planned site: every collection item with its date and terms, every
 * term with its items in the configured order, every taxonomy with its terms in order. Immutable; what
 * listing pages, feeds and search read. Empty for a site without collections.
 */
public final class Catalog {
    /** A site without collections. */
    public static final Catalog EMPTY = new Catalog(List.of(), List.of(), null);

    /**
     * A published collection item.
     *
     * @param collection  the collection's name
     * @param path        the item's page path
     * @param document    its document
     * @param slug        its URL name
     * @param title       its title
     * @param date        its date, or {@code null}
     * @param weight      its weight, or {@code null}
     * @param description its front matter description, or {@code null}
     * @param image       its front matter image, or {@code null}
     * @param terms       taxonomy name → the page paths of its terms, in the order the item names them
     */
    public record Item(String collection, String path, Document document, String slug, String title,
                       OffsetDateTime date, Integer weight, String description, String image,
                       Map<String, List<String>> terms) {
        public Item {
            terms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(terms));
        }
    }

    /**
     * A term of a taxonomy.
     *
     * @param taxonomy    the taxonomy's name
     * @param key         its identity: trimmed, unquoted, spaces collapsed, lower case
     * @param slug        its URL name
     * @param title       its title (the term file's, else the most used spelling)
     * @param description the term file's description, or {@code null}
     * @param icon        the term file's icon, or {@code null}
     * @param sort        the term file's {@code sort}/{@code weight}, or {@code null}
     * @param path        its page path
     * @param document    its term file, or {@code null} when only items name it
     * @param items       the page paths of its items, in the collection's order
     */
    public record Term(String taxonomy, String key, String slug, String title, String description, String icon,
                       Integer sort, String path, Document document, List<String> items) {
        public Term {
            items = List.copyOf(items);
        }
    }

    /** A taxonomy with its index page path and its terms in order (by {@code sort}, then title). */
    public record Taxonomy(SiteConfig.Taxonomy config, String path, List<Term> terms) {
        public Taxonomy {
            terms = List.copyOf(terms);
        }
    }

    private final List<Item> items;
    private final List<Taxonomy> taxonomies;
    private final String navTaxonomy;
    private final Map<String, Item> itemByPath = new HashMap<>();
    private final Map<String, Term> termByPath = new HashMap<>();
    private final Map<String, Taxonomy> taxonomyByPath = new HashMap<>();

    /**
     * @param items       every item, in the order of their collections' sort
     * @param taxonomies  every taxonomy
     * @param navTaxonomy the taxonomy whose terms head the navigation and the home page, or {@code null}
     */
    public Catalog(List<Item> items, List<Taxonomy> taxonomies, String navTaxonomy) {
        this.items = List.copyOf(items);
        this.taxonomies = List.copyOf(taxonomies);
        this.navTaxonomy = navTaxonomy;
        this.items.forEach(i -> itemByPath.put(i.path(), i));
        for (Taxonomy t : this.taxonomies) {
            taxonomyByPath.put(t.path(), t);
            t.terms().forEach(term -> termByPath.put(term.path(), term));
        }
    }

    /** This catalog with some documents replaced (old → new): the same items and terms, reading the new ones. */
    Catalog withDocuments(Map<Document, Document> swapped) {
        if (isEmpty()) {
            return this;
        }
        List<Item> now = items.stream().map(i -> !swapped.containsKey(i.document()) ? i : new Item(i.collection(), i.path(),
                swapped.get(i.document()), i.slug(), i.title(), i.date(), i.weight(), i.description(), i.image(), i.terms()))
                .toList();
        List<Taxonomy> taxa = taxonomies.stream().map(t -> new Taxonomy(t.config(), t.path(), t.terms().stream()
                .map(term -> term.document() == null || !swapped.containsKey(term.document()) ? term
                        : new Term(term.taxonomy(), term.key(), term.slug(), term.title(), term.description(), term.icon(),
                        term.sort(), term.path(), swapped.get(term.document()), term.items()))
                .toList())).toList();
        return new Catalog(now, taxa, navTaxonomy);
    }

    public List<Item> items() {
        return items;
    }

    public List<Taxonomy> taxonomies() {
        return taxonomies;
    }

    /** The taxonomy listed on the home page and at the top of the navigation. */
    public Optional<Taxonomy> navTaxonomy() {
        return taxonomies.stream().filter(t -> t.config().name().equals(navTaxonomy)).findFirst();
    }

    public Optional<Item> item(String path) {
        return Optional.ofNullable(itemByPath.get(path));
    }

    public Optional<Term> term(String path) {
        return Optional.ofNullable(termByPath.get(path));
    }

    public Optional<Taxonomy> taxonomy(String indexPath) {
        return Optional.ofNullable(taxonomyByPath.get(indexPath));
    }

    public boolean isEmpty() {
        return items.isEmpty() && taxonomies.isEmpty();
    }
}
