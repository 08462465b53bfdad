package dev.sd101.template;

import java.util.List;

/**
 * The values templates read. Templates never compute site structure; every URL here is already
 * relative to the page being rendered, so the site works under any base path.
 */
public final class Views {
    private Views() {
    }

    /**
     * The site as a whole.
     *
     * @param title         site title
     * @param language      {@code lang} of every page
     * @param siteUrl       published absolute URL ending in {@code /}, or {@code ""}
     * @param repositoryUrl the content's repository, or {@code ""}
     * @param licenseHtml   the licence line the content carries, sanitised HTML, or {@code ""}
     * @param generator     the generator's name and version, for the meta tag
     */
    public record SiteView(String title, String language, String siteUrl, String repositoryUrl, String licenseHtml,
                           String generator) {
    }

    /** A link: {@code url} is relative to the current page. */
    public record LinkView(String title, String url) {
    }

    /**
     * One edition in a page's language switcher and its {@code hreflang} alternates.
     *
     * @param lang      the edition's BCP 47 tag
     * @param name      the language's name in that language ({@code 한국어}, {@code English})
     * @param url       the same page in that edition (its home when the page has no twin), relative to this page
     * @param href      the same URL, absolute when a site URL is configured (as {@code hreflang} wants)
     * @param current   whether it is this page's own edition
     * @param twin      whether the page has a twin there ({@code false}: {@code url} is that edition's home)
     * @param isDefault whether it is the edition at the site root ({@code x-default})
     * @param root      that edition's root relative to this page ({@code ""}, {@code "../en/"}), where the search
     *                  box finds its index
     */
    public record EditionView(String lang, String name, String url, String href, boolean current, boolean twin,
                              boolean isDefault, String root) {
    }

    /** An entry of the on-page table of contents. */
    public record TocItem(String id, String text, int level) {
    }

    /**
     * The theme's optional scripts a page needs, each for something its body holds; a page with none loads none.
     *
     * @param code      a code block: the copy button, and the code style sheet
     * @param highlight a code block in a named language: the highlighter
     * @param math      math ({@code $…$}, {@code $$…$$} or a {@code math} block): the typesetter
     * @param mermaid   a {@code mermaid} block: the diagram renderer
     */
    public record Scripts(boolean code, boolean highlight, boolean math, boolean mermaid) {
        public static final Scripts NONE = new Scripts(false, false, false, false);

        /** The folders of {@code assets/vendor/} these scripts read. */
        public java.util.Set<String> vendorFolders() {
            java.util.Set<String> out = new java.util.TreeSet<>();
            if (highlight) {
                out.add("highlight");
            }
            if (math) {
                out.add("katex");
            }
            if (mermaid) {
                out.add("mermaid");
            }
            return out;
        }
    }

    /**
     * A node of the navigation tree, as seen from the current page.
     *
     * @param title    the page's title ({@code ""} for an entry that stands for hidden siblings)
     * @param url      its page, relative to the current page; for hidden siblings, their parent's page, which lists them
     * @param current  whether it is the current page
     * @param active   whether it is an ancestor of the current page
     * @param children the sub-entries this page carries
     * @param path     its path relative to the site root, where the shared navigation file has it
     * @param lazy     whether it has sub-entries this page does not carry (the sidebar loads them from that file)
     * @param more     for an entry that stands for hidden siblings, how many; else 0
     * @param from     for such an entry, the index of the first hidden sibling among its parent's children
     */
    public record NavItem(String title, String url, boolean current, boolean active, List<NavItem> children,
                          String path, boolean lazy, int more, int from) {
        /** An entry of a sidebar that holds the whole tree: nothing to load, nothing hidden. */
        public NavItem(String title, String url, boolean current, boolean active, List<NavItem> children) {
            this(title, url, current, active, children, "", false, 0, 0);
        }
    }

    /**
     * One page.
     *
     * @param kind         {@code home}, {@code section}, {@code article}, {@code page} or {@code 404}
     * @param title        page title (text)
     * @param path         URL path relative to the site root ({@code ""} for home)
     * @param root         relative prefix from this page to the site root ({@code ""}, {@code "../"}, …)
     * @param content      the rendered body (sanitised HTML)
     * @param toc          sub-headings for the on-page table of contents
     * @param breadcrumbs  from home to the parent page
     * @param prev         previous page in reading order, or {@code null}
     * @param next         next page in reading order, or {@code null}
     * @param children     sub-pages (a category's articles)
     * @param description  a plain-text summary, or {@code ""}
     * @param image        absolute or page-relative URL of the first image, or {@code ""}
     * @param canonicalUrl absolute URL of this page when a site URL is configured, or {@code ""}
     * @param editUrl      "edit this page" URL, or {@code ""}
     * @param anchorMap    JSON object: every original heading id → its page path (home and 404 only; else {@code ""})
     * @param lang         the page's language ({@code <html lang>}): its own, else the site's
     * @param scripts      the optional scripts its body needs
     * @param showTitle    whether the template prints the title as the page's {@code h1}: its text has none (a page
     *                     titled by front matter or its file name)
     */
    public record PageView(String kind, String title, String path, String root, String content, List<TocItem> toc,
                           List<LinkView> breadcrumbs, LinkView prev, LinkView next, List<LinkView> children,
                           String description, String image, String canonicalUrl, String editUrl, String anchorMap,
                           String lang, Scripts scripts, boolean showTitle) {
    }
}
