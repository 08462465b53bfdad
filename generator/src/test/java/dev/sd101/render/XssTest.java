package dev.sd101.render;

import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import dev.sd101.SiteFiles;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Contributors' content never runs script on readers: every output page is parsed back with Jsoup and
 * searched for script, event handlers, styles, frames and script URLs, wherever the payload was put
 * (raw HTML, Markdown links, headings, link texts, file names). {@code sanitizeHtml=false} lets raw HTML
 * through, but titles, navigation and JSON stay escaped either way.
 */
class XssTest {
    /** Raw HTML payloads, including entity-encoded, mixed-case and whitespace-obfuscated script URLs. */
    private static final String RAW = """
            <script>alert('raw-script')</script>

            <SCRIPT SRC=//evil.example/x.js></SCRIPT>

            <p><img src=x onerror=alert(1)> <IMG SRC="jav&#x09;ascript:alert(1)"> <img src="javascript:alert(1)">
            <a href="javascript:alert(1)">j</a> <a href="JaVaScRiPt:alert(1)">m</a>
            <a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">e</a>
            <a href="&#x6A;avascript&colon;alert(1)">e2</a> <a href=" javascript:alert(1)">s</a>
            <a href="java
            script:alert(1)">nl</a> <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>
            <a href="vbscript:msgbox(1)">v</a> <a href="#" onclick="alert(1)">c</a></p>

            <svg onload=alert(1)><circle/></svg>

            <svg><script>alert(1)</script></svg>

            <math><mi xlink:href="javascript:alert(1)">x</mi></math>

            <iframe src="javascript:alert(1)"></iframe>

            <iframe srcdoc="<script>alert(1)</script>"></iframe>

            <style>body{background:url(javascript:alert(1))}</style>

            <p style="background:url(javascript:alert(1))">styled</p>

            <div onmouseover="alert(1)">hover</div>

            <details open ontoggle=alert(1)><summary>t</summary></details>

            <object data="javascript:alert(1)"></object>

            <embed src="javascript:alert(1)">

            <form action="javascript:alert(1)"><button formaction="javascript:alert(1)">b</button></form>

            <input onfocus=alert(1) autofocus>

            <base href="javascript:alert(1)//">

            <meta http-equiv="refresh" content="0;url=javascript:alert(1)">

            <link rel=stylesheet href="javascript:alert(1)">

            <p><img srcset="javascript:alert(1) 1x"></p>

            <video><source onerror="alert(1)"></video>

            <noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>

            <table><tr><td background="javascript:alert(1)">cell</td></tr></table>
            """;

    /** Markdown-level payloads: links, images, autolinks, references, link texts. */
    private static final String MARKDOWN = """
            [md link](javascript:alert(1)) [upper](JAVASCRIPT:alert(1)) [entity](&#106;avascript:alert(1))
            [tab](java%09script:alert(1)) ![img](javascript:alert(1)) <javascript:alert(1)> [ref][r]
            [<img src=x onerror=alert(1)> in a link text](#top) [**<script>alert(1)</script>**](#top)

            [r]: javascript:alert(1)
            """;

    private static String corpus() {
        return "# Top &lt;script&gt;alert('title')&lt;/script&gt; \"q\" & 'a'\n\n"
                + "Intro paragraph long enough to become the description <img src=x onerror=alert(1)> </title><script>alert(1)</script>.\n\n"
                + "- [One](#one-)\n- [Two](#two-scriptscriptalert1script)\n- [Three](#three-link-in-heading)\n\n"
                + "## One <img src=x onerror=alert(1)><script>alert(1)</script>\n\n" + RAW + "\n"
                + "## Two &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n\n" + MARKDOWN + "\n"
                + "## Three [link in heading](javascript:alert(1))\n\nText with `<script>alert(1)</script>` as code.\n\n"
                + "### <svg onload=alert(1)> sub\n\nmore\n";
    }

    private static Path site(Path tmp, boolean sanitize) throws IOException {
        Path docs = tmp.resolve("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("README.md"), corpus());
        // A file name that would be a script URL if written as a relative link from the home page.
        Files.writeString(docs.resolve("javascript:alert(1)<!--.md"), "# <b>File</b> <script>alert(1)</script>\n\ntext\n");
        Path site = tmp.resolve("site");
        new Sd101().generate(SiteConfig.builder(docs).outputDirectory(site).sanitizeHtml(sanitize).build());
        return site;
    }

    private static final Set<String> THEME_SCRIPTS = Set.of("assets/theme-init.js", "assets/site.js", "assets/search-ui.js");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "srcset", "cite", "longdesc", "action",
            "formaction", "xlink:href", "poster", "data", "background", "content");
    private static final Pattern PAYLOAD = Pattern.compile("alert|msgbox|evil\\.example");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");

    @Test
    void noPayloadReachesAnyPageOrTheSearchIndex(@TempDir Path tmp) throws IOException {
        Path site = site(tmp, true);
        List<Path> pages = SiteFiles.files(site, ".html");
        assertTrue(pages.size() >= 5, "pages: " + pages);
        for (Path page : pages) {
            Document doc = SiteFiles.parse(page);
            assertNoActiveContent(page, doc, true);
        }
        for (Path json : SiteFiles.files(site.resolve("search"), ".json")) {
            String text = SiteFiles.text(json);
            assertFalse(text.contains("<"), json + " holds raw markup");
            var u = Pattern.compile("\"u\":\"([^\"]*)\"").matcher(text);
            while (u.find()) {
                // search-ui.js writes root + u as a link; from the home page root is "".
                assertFalse(SCHEME.matcher(u.group(1).toLowerCase(Locale.ROOT)).find(), json + ": result URL " + u.group(1));
            }
        }
        SiteFiles.assertSane(site);

        // What readers see of the payloads: text, shown literally.
        Document home = SiteFiles.parse(site.resolve("index.html"));
        assertEquals("Top <script>alert('title')</script> \"q\" & 'a'", home.title());
        Document two = SiteFiles.parse(site.resolve("two-scriptscriptalert1script/index.html"));
        assertTrue(two.title().startsWith("Two </script><script>alert(1)</script> · "), two.title());
        assertTrue(two.select("nav.breadcrumbs li[aria-current]").text().contains("</script><script>alert(1)</script>"));
        assertTrue(two.select("aside.toc a").isEmpty() || two.select("aside.toc a").stream().noneMatch(a -> a.children().size() > 0));
        String anchors = home.getElementById("sd101-anchors").data();
        assertFalse(anchors.contains("<"), anchors);
        assertTrue(home.select("nav.sidebar a").stream().anyMatch(a -> a.text().equals("Two </script><script>alert(1)</script>")));
    }

    @Test
    void sanitizeHtmlFalseKeepsRawHtmlButStillEscapesTitlesAndNavigation(@TempDir Path tmp) throws IOException {
        Path site = site(tmp, false);
        Document one = SiteFiles.parse(site.resolve("one-/index.html"));
        assertTrue(one.select("main script").stream().anyMatch(s -> s.data().contains("raw-script")),
                "with sanitizeHtml=false the raw <script> is kept");
        for (Path page : SiteFiles.files(site, ".html")) {
            Document doc = SiteFiles.parse(page);
            doc.select("main article.content").remove(); // the trusted body; everything around it stays safe
            assertNoActiveContent(page, doc, false);
        }
    }

    private static void assertNoActiveContent(Path page, Document doc, boolean strictUrls) {
        for (Element script : doc.select("script")) {
            String src = script.attr("src");
            boolean theme = !src.isEmpty() && THEME_SCRIPTS.stream().anyMatch(t -> src.equals(rootOf(doc) + t));
            boolean anchorMap = src.isEmpty() && script.attr("type").equals("application/json") && script.id().equals("sd101-anchors");
            // The theme's own inline script (404.html finds the site root): none of the payloads are in it.
            boolean themeInline = src.isEmpty() && !anchorMap && !PAYLOAD.matcher(script.data()).find();
            if (!theme && !anchorMap && !themeInline) {
                fail(page + ": a script that is not the theme's: " + script.outerHtml());
            }
        }
        for (Element svg : doc.select("svg")) {
            // The theme's own icons are inline SVG: decorative, outside the content, shapes only. Any other
            // SVG (above all one from content) is active content.
            boolean themeIcon = "true".equals(svg.attr("aria-hidden")) && svg.closest("article.content") == null
                    && svg.select("*").stream().allMatch(e -> Set.of("svg", "path", "circle", "rect", "line", "polyline", "g").contains(e.normalName()));
            assertTrue(themeIcon, page + ": svg element: " + svg.outerHtml());
        }
        for (String tag : List.of("style", "iframe", "frame", "object", "embed", "math", "base", "form", "link[href^=javascript]",
                "meta[http-equiv]", "noscript")) {
            assertTrue(doc.select(tag).isEmpty(), page + ": " + tag + " element: " + doc.select(tag).outerHtml());
        }
        for (Element el : doc.getAllElements()) {
            for (Attribute a : el.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || name.equals("style") || name.equals("srcdoc") || name.equals("formaction")) {
                    fail(page + ": attribute " + name + " on " + el.cssSelector());
                }
                if (URL_ATTRIBUTES.contains(name) && !(el.normalName().equals("meta") && name.equals("content") && !el.hasAttr("http-equiv"))) {
                    // Browsers drop ASCII tabs and newlines inside URLs and trim spaces and controls.
                    String url = a.getValue().replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+", "").toLowerCase(Locale.ROOT);
                    var m = SCHEME.matcher(url);
                    if (m.find() && !Set.of("http", "https", "mailto").contains(m.group(1))) {
                        fail(page + ": " + name + "=\"" + a.getValue() + "\" on " + el.cssSelector());
                    }
                }
            }
        }
    }

    private static String rootOf(Document doc) {
        return doc.selectFirst("html").attr("data-root");
    }
}
