package dev.sd101.template;

import java.util.List;
import java.util.Map;

/**
 * What templates read on the pages of collections and taxonomies (model key {@code list}; {@code null} on
 * other pages). Every URL is relative to the page being rendered.
 */
public final class ListViews {
    private ListViews() {
    }

    /**
     * @param date      the item's date as {@code yyyy-MM-dd}, or {@code ""}
     * @param terms     the item's terms, one group per taxonomy that has any
     * @param items     a term page's items, in the collection's order
     * @param groups    the home page's terms with their newest items, or a taxonomy index's terms with counts
     * @param feedUrl   this page's Atom feed, or {@code ""}
     * @param showTitle whether the body lacks the title heading, so the template prints it
     * @param params    the page's front matter, every key (for themes)
     */
    public record ListView(String date, List<TermLinks> terms, List<ItemView> items, List<GroupView> groups,
                           String feedUrl, boolean showTitle, Map<String, Object> params) {
    }

    /** A taxonomy's terms on an item page: {@code title} is the taxonomy's (e.g. "Tags"). */
    public record TermLinks(String taxonomy, String title, List<Views.LinkView> links) {
    }

    /** An item in a list. */
    public record ItemView(String title, String url, String date, String description) {
    }

    /** A term in a list, with its item count and (on the home page) its newest items. */
    public record GroupView(String title, String url, String description, String icon, int count, List<ItemView> items) {
    }
}
