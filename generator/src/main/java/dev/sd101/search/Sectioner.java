package dev.sd101.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/**
 * Splits a rendered page into {@link Section}s at its {@code h2..h4} headings that carry ids.
 *
 * <p>The page's own title heading is the first {@code h1..h3} in the HTML; text before the first sub-heading
 * (including text before the title heading) belongs to the title section, so an article's intro is found under
 * the article itself. {@code <nav>} (e.g. a table of contents) is not indexed. Text is taken from the rendered DOM, so what is indexed is what the reader sees, and the
 * fragments are exactly the ids on the page.
 */
final class Sectioner {
    private static final Set<String> SUB_HEADINGS = Set.of("h2", "h3", "h4");
    // Elements whose boundaries separate words even without whitespace in the source.
    private static final Set<String> BREAKS = Set.of("p", "div", "li", "ul", "ol", "td", "th", "tr", "br", "pre",
            "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "dt", "dd", "hr", "section", "img");

    List<Section> split(SearchPage page) {
        Element root = Jsoup.parseBodyFragment(page.mainHtml()).body();
        Element titleHeading = root.selectFirst("h1, h2, h3");
        Collector collector = new Collector(page, titleHeading);
        NodeTraversor.filter(collector, root);
        return collector.finish();
    }

    /** Walks the DOM once in document order, switching sections at sub-headings. */
    private static final class Collector implements NodeFilter {
        private final SearchPage page;
        private final Element titleHeading;
        private final List<Section> sections = new ArrayList<>();
        private boolean titleSeen;
        private String anchor;
        private String heading = "";
        private StringBuilder body = new StringBuilder();
        private StringBuilder headingText;
        private Element insideHeading;

        Collector(SearchPage page, Element titleHeading) {
            this.page = page;
            this.titleHeading = titleHeading;
            this.anchor = titleHeading == null ? "" : titleHeading.id();
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                (headingText != null ? headingText : body).append(text.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element el)) {
                return FilterResult.CONTINUE;
            }
            if (el.normalName().equals("nav")) {
                // A table of contents repeats every title it links to; indexed, it would match every query.
                return FilterResult.SKIP_ENTIRELY;
            }
            if (el.normalName().equals("svg") || el.hasClass("footnote-backref")) {
                // An alert's icon has no words; a footnote's back-link is an arrow.
                return FilterResult.SKIP_ENTIRELY;
            }
            if (BREAKS.contains(el.normalName())) {
                body.append('\n');
            }
            if (el == titleHeading) {
                titleSeen = true;
                insideHeading = el;
                headingText = new StringBuilder(); // the title is its own field; keep it out of the body
            } else if (titleSeen && insideHeading == null && SUB_HEADINGS.contains(el.normalName()) && !el.id().isEmpty()) {
                flush();
                anchor = el.id();
                insideHeading = el;
                headingText = new StringBuilder();
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node == insideHeading) {
                if (node != titleHeading) {
                    heading = normalizeSpace(headingText.toString());
                }
                headingText = null;
                insideHeading = null;
            }
            return FilterResult.CONTINUE;
        }

        private void flush() {
            String url = anchor.isEmpty() ? page.url() : page.url() + "#" + anchor;
            sections.add(new Section(url, page.title(), heading, page.breadcrumb(), normalizeSpace(body.toString()),
                    sections.isEmpty() ? page.keywords() : List.of()));
            body = new StringBuilder();
            heading = "";
        }

        List<Section> finish() {
            flush();
            return sections;
        }
    }

    /** Each run of ASCII whitespace or no-break spaces becomes one space (a regex did this, at a large site's cost). */
    static String normalizeSpace(String s) {
        StringBuilder out = null;
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0';
            if (space) {
                if (!inRun && out == null && (c != ' ' || (i + 1 < s.length() && isSpace(s.charAt(i + 1))))) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                if (!inRun && out != null) {
                    out.append(' ');
                }
                inRun = true;
            } else {
                if (out != null) {
                    out.append(c);
                }
                inRun = false;
            }
        }
        return (out == null ? s : out.toString()).strip();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0';
    }
}
