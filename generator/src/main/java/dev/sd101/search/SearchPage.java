package dev.sd101.search;

import java.util.List;
import java.util.Objects;

/**
 * One rendered page handed to the {@link SearchIndexer}.
 *
 * @param url        site-root-relative URL of the page, e.g. {@code "grpc는-어떻게-작동하나요/"}; {@code ""} for the
 *                   home page. Never starts with {@code /}, so links work under any base path.
 * @param title      the page title as shown to readers
 * @param breadcrumb ancestor titles, outermost first (e.g. the category title); may be empty
 * @param mainHtml   the rendered article HTML; headings carry their final ids ({@code <h3 id="…">}), which the
 *                   index uses verbatim as URL fragments
 * @param keywords   terms the page is filed under (its tags and categories): a boosted field of the page's
 *                   title section; may be empty
 */
public record SearchPage(String url, String title, List<String> breadcrumb, String mainHtml, List<String> keywords) {
    /** A page without keywords. */
    public SearchPage(String url, String title, List<String> breadcrumb, String mainHtml) {
        this(url, title, breadcrumb, mainHtml, List.of());
    }

    public SearchPage {
        keywords = List.copyOf(Objects.requireNonNull(keywords, "keywords"));
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(mainHtml, "mainHtml");
        if (url.startsWith("/")) {
            throw new IllegalArgumentException("url must be site-root-relative (no leading '/'): " + url);
        }
        breadcrumb = List.copyOf(Objects.requireNonNull(breadcrumb, "breadcrumb"));
    }
}
