package dev.sd101.site;

import dev.sd101.markdown.Document;
import dev.sd101.markdown.Heading;
import dev.sd101.web.UrlPaths;

import java.util.List;

/**
 * A planned page: a range of a document's top-level blocks published at a URL path.
 *
 * @param path      the URL path relative to the site root, {@code ""} for the home page, else ending
 *                  with {@code /} (written as {@code path + "index.html"})
 * @param kind      home, section, article or page
 * @param title     the page's title as text
 * @param titleId   the id of the heading that opens the page, or {@code null}
 * @param document  the document it comes from, or {@code null} for a generated page
 * @param fromBlock the first top-level block of the page
 * @param toBlock   one past the last block
 * @param parent    the parent page's path, or {@code null} for the home page
 * @param headings  the headings that land on this page, in order
 */
public record Page(String path, PageKind kind, String title, String titleId, Document document,
                   int fromBlock, int toBlock, String parent, List<Heading> headings) {
    public Page {
        headings = List.copyOf(headings);
    }

    /** {@code "../"} repeated once per folder level of the path: the way back to the site root. */
    public String root() {
        return UrlPaths.toRoot(path);
    }

    /** How many folders deep the page's file lies. */
    public int depth() {
        int d = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                d++;
            }
        }
        return d;
    }

    /** The output file, relative to the site root. */
    public String file() {
        return path + "index.html";
    }
}
