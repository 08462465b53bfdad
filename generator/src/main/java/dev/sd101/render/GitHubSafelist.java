package dev.sd101.render;

import org.jsoup.safety.Safelist;

/**
 * GitHub's allowlist for raw HTML in Markdown (its html-pipeline sanitization filter): the elements and
 * attributes a README may use. {@code <script>}, {@code <style>}, {@code <iframe>}, event handlers,
 * {@code style} attributes and {@code javascript:} URLs are not on it. Unlike GitHub, ids are kept as
 * written rather than prefixed with {@code user-content-}: on this site they are the anchors.
 */
final class GitHubSafelist {
    private GitHubSafelist() {
    }

    static Safelist create() {
        Safelist s = new Safelist()
                .addTags("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "br", "b", "i", "strong", "em", "a", "pre",
                        "code", "img", "tt", "div", "ins", "del", "sup", "sub", "p", "picture", "ol", "ul", "table",
                        "thead", "tbody", "tfoot", "blockquote", "dl", "dt", "dd", "kbd", "q", "samp", "var", "hr",
                        "ruby", "rt", "rp", "li", "tr", "td", "th", "s", "strike", "summary", "details", "caption",
                        "figure", "figcaption", "abbr", "bdo", "cite", "dfn", "mark", "small", "source", "span",
                        "time", "wbr", "input", "col", "colgroup")
                .addAttributes(":all", "abbr", "accept", "accept-charset", "accesskey", "align", "alt",
                        "aria-describedby", "aria-hidden", "aria-label", "aria-labelledby", "axis", "border",
                        "cellpadding", "cellspacing", "char", "charoff", "charset", "checked", "clear", "cols",
                        "colspan", "color", "compact", "coords", "datetime", "dir", "disabled", "for", "frame",
                        "headers", "height", "hreflang", "hspace", "id", "ismap", "label", "lang", "maxlength",
                        "media", "multiple", "name", "nohref", "noshade", "nowrap", "open", "prompt", "readonly",
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
                // flexmark's own output: code languages and task lists.
                .addAttributes("code", "class")
                .addAttributes("pre", "class")
                .addAttributes("li", "class")
                .addAttributes("input", "class")
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
