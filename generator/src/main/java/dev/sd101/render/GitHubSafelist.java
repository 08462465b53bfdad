package dev.sd101.render;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import java.util.Set;

/**
 * GitHub's allowlist for raw HTML in Markdown (its html-pipeline sanitization filter): the elements and
 * attributes a README may use. {@code <script>}, {@code <style>}, {@code <iframe>}, {@code <input>}, event
 * handlers, {@code class} and {@code style} attributes and {@code javascript:} URLs are not on it. Unlike GitHub,
 * ids are kept as written rather than prefixed with {@code user-content-}: on this site they are the anchors.
 *
 * <p>The Markdown renderer's own elements (alerts, footnotes, task lists) carry the parser's own-markup attribute;
 * on those, and only those, GitHub's classes and {@code data-footnote-*} attributes are kept, as GitHub adds that
 * markup after sanitising. {@code <input>} and {@code <section>} pass the tag test for them; {@link OwnMarkup} then
 * drops the ones raw HTML wrote.
 */
final class GitHubSafelist {
    private GitHubSafelist() {
    }

    /** Attributes the renderer's own elements may carry. */
    private static final Set<String> OWN = Set.of("class", "dir", "id", "href", "type", "checked", "disabled",
            "aria-label", "data-footnote-ref", "data-footnotes", "data-footnote-backref");

    static Safelist create(String ownAttribute) {
        Safelist s = new Safelist() {
            @Override
            public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
                if (el.hasAttr(ownAttribute) && (OWN.contains(attr.getKey()) || attr.getKey().equals(ownAttribute))) {
                    return true;
                }
                return super.isSafeAttribute(tagName, el, attr);
            }
        }
                .addTags("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "br", "b", "i", "strong", "em", "a", "pre",
                        "code", "img", "tt", "div", "ins", "del", "sup", "sub", "p", "picture", "ol", "ul", "table",
                        "thead", "tbody", "tfoot", "blockquote", "dl", "dt", "dd", "kbd", "q", "samp", "var", "hr",
                        "ruby", "rt", "rp", "li", "tr", "td", "th", "s", "strike", "summary", "details", "caption",
                        "figure", "figcaption", "abbr", "bdo", "cite", "dfn", "mark", "small", "source", "span",
                        "time", "wbr",
                        // Only for the renderer's own markup (task list boxes, the footnotes section).
                        "input", "section")
                .addAttributes(":all", "abbr", "accept", "accept-charset", "accesskey", "align", "alt",
                        "action", "aria-describedby", "aria-hidden", "aria-label", "aria-labelledby", "axis", "border",
                        "cellpadding", "cellspacing", "char", "charoff", "charset", "checked", "clear", "cols",
                        "colspan", "color", "compact", "coords", "datetime", "dir", "disabled", "enctype", "for", "frame",
                        "headers", "height", "hreflang", "hspace", "id", "ismap", "label", "lang", "maxlength",
                        "media", "method", "multiple", "name", "nohref", "noshade", "nowrap", "open", "progress", "prompt", "readonly",
                        "rel", "rev", "role", "rows", "rowspan", "rules", "scope", "selected", "shape", "size",
                        "span", "start", "summary", "tabindex", "target", "title", "type", "usemap", "valign",
                        "value", "vspace", "width", "itemprop")
                .addAttributes("a", "href")
                .addAttributes("img", "src", "longdesc")
                .addAttributes("source", "srcset")
                .addAttributes("div", "itemscope", "itemtype")
                .addAttributes("blockquote", "cite")
                .addAttributes("del", "cite")
                .addAttributes("ins", "cite")
                .addAttributes("q", "cite")
                .addProtocols("a", "href", "http", "https", "mailto", "#")
                .addProtocols("img", "src", "http", "https")
                .addProtocols("img", "longdesc", "http", "https")
                .addProtocols("blockquote", "cite", "http", "https")
                .addProtocols("del", "cite", "http", "https")
                .addProtocols("ins", "cite", "http", "https")
                .addProtocols("q", "cite", "http", "https")
                .preserveRelativeLinks(true);
        return s;
    }
}
