package dev.sd101.site;

/** What a page is, which decides how the theme lays it out. */
public enum PageKind {
    /** The site's front page: a document's introduction and table of contents, or a generated index. */
    HOME,
    /** A category: the intro text under a category heading, and its list of articles. */
    SECTION,
    /** One article of a split document. */
    ARTICLE,
    /** A whole Markdown file that is not split. */
    PAGE,
    /** A taxonomy term (a category, a tag): its term file's text, if any, and the items that name it. */
    TERM,
    /** A taxonomy's index: every term with its item count. */
    TERMS;

    /** The lower-case name templates compare against. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
