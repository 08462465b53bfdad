package dev.sd101.markdown;

import dev.sd101.render.SafelistAccess;
import dev.sd101.web.UrlPaths;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The normalisation of the differential test: HTML reduced to what a reader of github.com sees, so that sd101's
 * page body and cmark-gfm's output compare as equal exactly when GitHub would show the same thing. It removes
 * only what GitHub's sanitizer and post-processing change, or what sd101 adds on purpose (each a documented
 * difference with a switch back):
 * <ul>
 *   <li>raw HTML goes through GitHub's allowlist (cmark-gfm runs with {@code --unsafe}, as github.com does before
 *       sanitising; sd101 sanitises the same way);</li>
 *   <li>heading ids (GitHub puts its own anchors in; the anchor tests pin sd101's ids to GitHub's);</li>
 *   <li>the task-list classes GitHub's post-processing adds, the {@code <nav>} sd101 wraps around a document's own
 *       table of contents, the {@code loading}/{@code decoding} hints sd101 gives images, the name it gives a
 *       task-list box, {@code rel="noopener noreferrer"} on links that open a new window, and the spelling of a
 *       fragment (percent-encoded or not, its case);</li>
 *   <li>an image that is not published, which sd101 shows as a placeholder: compared on its source and alt text;</li>
 *   <li>attribute order, entity spelling, {@code <br />} against {@code <br>}, and whitespace between block
 *       tags (HTML renders none of it).</li>
 * </ul>
 */
final class GitHubHtml {
    private static final Set<String> BLOCKS = Set.of("html", "body", "address", "article", "aside", "blockquote",
            "details", "summary", "dialog", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p",
            "pre", "section", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "ul", "caption", "colgroup",
            "col", "source", "picture");
    private static final Set<String> GITHUB_CLASSES = Set.of("task-list-item", "contains-task-list",
            "task-list-item-checkbox");

    /** Marks what cmark-gfm's extensions write (GitHub's own markup, which its sanitizer keeps) for the cleaner. */
    private static final String OWN = "data-sd101-oracle-own";
    private final Cleaner cleaner = new Cleaner(SafelistAccess.gitHub(OWN));

    /** cmark-gfm's HTML as github.com shows it. */
    String oracle(String html) {
        // A base URI, as sd101 gives Jsoup, so that the cleaner keeps relative links.
        org.jsoup.nodes.Document raw = Jsoup.parseBodyFragment(html, "https://sd101.invalid/");
        raw.select("li > input[type=checkbox]:first-child, section[data-footnotes], section[data-footnotes] *,"
                + " sup > a[data-footnote-ref], sup:has(> a[data-footnote-ref]), pre > code[class^=language-]").attr(OWN, "");
        Element body = cleaner.clean(raw).body();
        body.select("[" + OWN + "]").removeAttr(OWN);
        for (Element img : body.select("img[title]")) {
            if (!img.attr("src").contains(":")) {
                img.removeAttr("title"); // sd101's placeholder for an unpublished image has its own title
            }
        }
        for (Element img : body.select("img[alt]")) {
            if (img.attr("alt").isEmpty() && !img.attr("src").contains(":")) {
                img.removeAttr("alt"); // nor can the placeholder tell alt="" from no alt
            }
        }
        return canonical(body);
    }

    /** A page body of sd101. */
    String sd101(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        // Comments show nothing, and GitHub's sanitizer drops them.
        List<Node> comments = new ArrayList<>();
        body.forEachNode(n -> {
            if (n instanceof org.jsoup.nodes.Comment) {
                comments.add(n);
            }
        });
        comments.forEach(Node::remove);
        for (Element nav : body.select("nav.document-toc")) {
            nav.unwrap();
        }
        for (Element span : body.select("span.image-unpublished")) {
            // An image that is not published (here: a missing file) is a placeholder; what it stands for is compared.
            String written = span.attr("title").replaceFirst("^Image not published: ", "");
            Element img = new Element("img").attr("src", written);
            if (!span.attr("aria-label").isEmpty()) {
                img.attr("alt", span.attr("aria-label"));
            }
            span.replaceWith(img);
        }
        for (Element box : body.select("li > input[type=checkbox][aria-label]")) {
            box.removeAttr("aria-label"); // sd101 names a task-list box by its item's text, for screen readers
        }
        for (Element img : body.select("img")) {
            if (img.attr("loading").equals("lazy")) {
                img.removeAttr("loading");
            }
            if (img.attr("decoding").equals("async")) {
                img.removeAttr("decoding");
            }
        }
        return canonical(body);
    }

    private static String canonical(Element body) {
        for (Element a : body.select("a[href^=#]")) {
            // The same fragment, percent-encoded (cmark-gfm) or not (sd101 writes the id): browsers decode it.
            // And case-insensitively: github.com's script retries a fragment lowercased, sd101 links the id it means.
            a.attr("href", UrlPaths.percentDecode(a.attr("href")).orElse(a.attr("href"))
                    .toLowerCase(java.util.Locale.ROOT));
        }
        for (Element a : body.select("a[rel]")) {
            // sd101 adds noopener noreferrer to links that open a new window (documented; no switch: a safety net).
            String rel = (" " + a.attr("rel") + " ").replace(" noopener ", " ").replace(" noreferrer ", " ").strip();
            if (rel.isEmpty()) {
                a.removeAttr("rel");
            } else {
                a.attr("rel", rel);
            }
        }
        for (Element h : body.select("h1, h2, h3, h4, h5, h6")) {
            h.removeAttr("id");
        }
        for (Element el : body.select("[class]")) {
            List<String> kept = new ArrayList<>();
            for (String c : el.classNames()) {
                if (!GITHUB_CLASSES.contains(c)) {
                    kept.add(c);
                }
            }
            if (kept.isEmpty()) {
                el.removeAttr("class");
            } else {
                el.attr("class", String.join(" ", kept));
            }
        }
        StringBuilder out = new StringBuilder();
        children(body, out, false);
        return out.toString();
    }

    private static void children(Element parent, StringBuilder out, boolean pre) {
        List<Node> nodes = parent.childNodes();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n instanceof TextNode t) {
                String text = t.getWholeText();
                if (!pre && text.isBlank() && (BLOCKS.contains(parent.normalName())
                        && (i == 0 || i == nodes.size() - 1 || isBlockOrBlank(nodes.get(i - 1)) || isBlockOrBlank(nodes.get(i + 1))))) {
                    continue;
                }
                if (!pre && BLOCKS.contains(parent.normalName())) {
                    // Whitespace beside a block tag renders nothing: "<li>\nfoo" shows as "<li>foo".
                    if (i == 0 || isBlock(nodes.get(i - 1))) {
                        text = text.stripLeading();
                    }
                    if (i == nodes.size() - 1 || isBlock(nodes.get(i + 1))) {
                        text = text.stripTrailing();
                    }
                }
                out.append(escape(text, false));
            } else if (n instanceof Element e) {
                out.append('<').append(e.normalName());
                List<Attribute> attrs = new ArrayList<>(e.attributes().asList());
                attrs.sort(java.util.Comparator.comparing(Attribute::getKey));
                for (Attribute a : attrs) {
                    out.append(' ').append(a.getKey()).append("=\"").append(escape(a.getValue(), true)).append('"');
                }
                out.append('>');
                children(e, out, pre || e.normalName().equals("pre"));
                out.append("</").append(e.normalName()).append('>');
                if (!pre && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }
        }
    }

    /** A block, or white space between blocks (left where a comment was taken out). */
    private static boolean isBlockOrBlank(Node n) {
        return isBlock(n) || n instanceof TextNode t && t.isBlank();
    }

    private static boolean isBlock(Node n) {
        return n instanceof Element e && BLOCKS.contains(e.normalName());
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\u00a0' -> b.append("&nbsp;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
