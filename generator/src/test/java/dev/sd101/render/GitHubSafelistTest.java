package dev.sd101.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link GitHubSafelist} against GitHub's documented allowlist: the {@code WHITELIST} of html-pipeline's
 * {@code SanitizationFilter} (lib/html/pipeline/sanitization_filter.rb), which github-markup's README
 * names as the sanitisation step, with the elements and attributes later versions added (picture,
 * source, caption, figure, figcaption, abbr, bdo, cite, dfn, mark, small, span, time, wbr; ARIA attributes,
 * {@code progress}). The lists below are written from that file, not from our own class; every difference is
 * listed with its reason.
 */
class GitHubSafelistTest {
    private static final List<String> GITHUB_ELEMENTS = List.of("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "br",
            "b", "i", "strong", "em", "a", "pre", "code", "img", "tt", "div", "ins", "del", "sup", "sub", "p", "picture",
            "ol", "ul", "table", "thead", "tbody", "tfoot", "blockquote", "dl", "dt", "dd", "kbd", "q", "samp", "var",
            "hr", "ruby", "rt", "rp", "li", "tr", "td", "th", "s", "strike", "summary", "details", "caption", "figure",
            "figcaption", "abbr", "bdo", "cite", "dfn", "mark", "small", "source", "span", "time", "wbr");
    private static final List<String> GITHUB_ALL_ATTRIBUTES = List.of("abbr", "accept", "accept-charset", "accesskey",
            "action", "align", "alt", "aria-describedby", "aria-hidden", "aria-label", "aria-labelledby", "axis", "border",
            "cellpadding", "cellspacing", "char", "charoff", "charset", "checked", "clear", "cols", "colspan", "color",
            "compact", "coords", "datetime", "dir", "disabled", "enctype", "for", "frame", "headers", "height", "hreflang",
            "hspace", "ismap", "label", "lang", "maxlength", "media", "method", "multiple", "name", "nohref", "noshade",
            "nowrap", "open", "progress", "prompt", "readonly", "rel", "rev", "role", "rows", "rowspan", "rules", "scope", "selected", "shape",
            "size", "span", "start", "summary", "tabindex", "target", "title", "type", "usemap", "valign", "value",
            "vspace", "width", "itemprop");
    /**
     * Tags that pass the tag test beyond GitHub's, only for the renderer's own markup (task-list boxes, the
     * footnotes section): {@link OwnMarkup} drops the ones raw HTML wrote ({@code GitHubExtrasTest} shows it).
     * Also ours: {@code id} kept as written (GitHub prefixes it with
     * {@code user-content-} and resolves it by script; here it is the anchor).
     */
    private static final Set<String> OUR_EXTRA_ELEMENTS = Set.of("input", "section");
    private static final String OWN = "data-sd101-own-test";

    private final Safelist safelist = GitHubSafelist.create(OWN);

    @Test
    void elementsAreGitHubsPlusFlexmarksOwn() {
        for (String tag : GITHUB_ELEMENTS) {
            assertTrue(safelist.isSafeTag(tag), tag + " is on GitHub's list");
        }
        Set<String> extra = new TreeSet<>();
        for (String tag : List.of("input", "section", "col", "colgroup", "progress", "script", "style", "iframe", "frame", "frameset",
                "object", "embed", "applet", "svg", "math", "form", "button", "textarea", "select", "option", "base",
                "meta", "link", "noscript", "template", "video", "audio", "canvas", "marquee", "html", "body", "head",
                "title", "xmp", "plaintext", "noembed", "portal", "dialog", "slot")) {
            if (safelist.isSafeTag(tag)) {
                extra.add(tag);
            }
        }
        assertEquals(OUR_EXTRA_ELEMENTS, extra);
    }

    @Test
    void attributesAreGitHubsAndNoHandlersOrStyles() {
        Element div = new Element("div");
        for (String name : GITHUB_ALL_ATTRIBUTES) {
            assertTrue(safelist.isSafeAttribute("div", div, new Attribute(name, "x")), name);
        }
        for (String name : List.of("style", "onclick", "onerror", "onload", "onmouseover", "ontoggle", "onfocus",
                "srcdoc", "formaction", "background", "xlink:href", "data-x", "class", "contenteditable")) {
            assertFalse(safelist.isSafeAttribute("div", div, new Attribute(name, "x")), name);
        }
        Element a = new Element("a");
        assertTrue(safelist.isSafeAttribute("a", a, new Attribute("href", "https://example.org/")));
        assertTrue(safelist.isSafeAttribute("div", div, new Attribute("itemscope", "")));
        assertTrue(safelist.isSafeAttribute("div", div, new Attribute("itemtype", "https://schema.org/Thing")));
    }

    @Test
    void classesAndDataAttributesOnlyOnTheRenderersOwnElements() {
        Element raw = new Element("div");
        Element own = new Element("div").attr(OWN, "");
        for (String name : List.of("class", "data-footnote-ref", "data-footnotes", "data-footnote-backref")) {
            assertFalse(safelist.isSafeAttribute("div", raw, new Attribute(name, "x")), name);
            assertTrue(safelist.isSafeAttribute("div", own, new Attribute(name, "x")), name);
        }
        assertFalse(safelist.isSafeAttribute("div", own, new Attribute("style", "x")));
        assertFalse(safelist.isSafeAttribute("div", own, new Attribute("onclick", "x")));
        assertFalse(safelist.isSafeAttribute("div", raw, new Attribute(OWN + "x", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"java&#x09;script:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<a href=\"vbscript:x\">x</a>",
            "<img src=\"javascript:alert(1)\">",
            "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
            "<blockquote cite=\"javascript:alert(1)\">x</blockquote>",
            "<q cite=\"javascript:alert(1)\">x</q>",
    })
    void scriptUrlsAreRemoved(String html) {
        String clean = clean(html);
        assertFalse(clean.toLowerCase().contains("script:") || clean.contains("data:"), clean);
    }

    @Test
    void scriptAndStyleContentIsDroppedOtherTextStays() {
        assertEquals("", clean("<script>alert(1)</script>"));
        assertEquals("", clean("<style>p{}</style>"));
        assertEquals("<p>kept</p>", clean("<p style=\"color:red\" onclick=\"x()\">kept</p>"));
        assertEquals("<a href=\"https://example.org/\">ok</a>", clean("<a href=\"https://example.org/\">ok</a>"));
        assertEquals("<a href=\"../a/#b\">rel</a>", clean("<a href=\"../a/#b\">rel</a>"));
        assertEquals("<a href=\"#frag\">f</a>", clean("<a href=\"#frag\">f</a>"));
        assertEquals("<details open><summary>s</summary>d</details>", clean("<details open ontoggle=\"x()\"><summary>s</summary>d</details>"));
    }

    private String clean(String html) {
        var dom = new Cleaner(safelist).clean(Jsoup.parseBodyFragment(html, "https://sd101.invalid/"));
        dom.outputSettings().prettyPrint(false);
        return dom.body().html();
    }
}
