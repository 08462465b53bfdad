package dev.sd101.render;

import dev.sd101.SiteConfig;
import dev.sd101.site.Page;
import dev.sd101.site.SiteModel;
import dev.sd101.template.ThemeRenderer;
import dev.sd101.template.Views;
import dev.sd101.web.Json;
import dev.sd101.web.UrlPaths;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The files a published site needs beside its pages: {@code 404.html} (search and the old-anchor
 * redirect), {@code sitemap.xml} (with the configured site URL), {@code robots.txt} and
 * {@code .nojekyll} for branch-based GitHub Pages.
 */
public final class SiteExtras {
    private static final Pattern LICENSE = Pattern.compile("(?i)licen[cs]e|라이선스|라이센스|저작권");

    private final SiteConfig config;
    private final SiteModel site;
    private final PageViews views;
    private final ThemeRenderer theme;
    private final Redirects redirects;

    public SiteExtras(SiteConfig config, SiteModel site, PageViews views, ThemeRenderer theme) {
        this(config, site, views, theme, Redirects.NONE);
    }

    /** @param redirects what the 404 page sends on beside this site's own old heading ids (a site of editions) */
    public SiteExtras(SiteConfig config, SiteModel site, PageViews views, ThemeRenderer theme, Redirects redirects) {
        this.config = config;
        this.site = site;
        this.views = views;
        this.theme = theme;
        this.redirects = redirects;
    }

    /**
     * What else the 404 page redirects, in a site of several editions.
     *
     * @param anchors old heading links of the other editions, {@code "en/#id"} → {@code "en/page/"}: an old {@code
     *                en/README.md#id} link misses, lands on the root's 404 page, and is sent to that edition's page
     * @param moved   an edition's files now published once for all editions, {@code "en/images/a.png"} → {@code
     *                "images/a.png"}: an old link to the edition's copy misses and is sent on (the template's
     *                {@code moved}, a JSON object, empty when there are none)
     */
    public record Redirects(Map<String, String> anchors, Map<String, String> moved) {
        public static final Redirects NONE = new Redirects(Map.of(), Map.of());

        public Redirects {
            anchors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(anchors));
            moved = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(moved));
        }
    }

    /** Path relative to the site root → bytes. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> out = filesButNavTree();
        byte[] tree = views.navTreeFile();
        if (tree != null) {
            out.put(NavTreeFile.PATH, tree);
        }
        return out;
    }

    /**
     * As {@link #files()} without the shared navigation file, which depends on the navigation tree alone (a caller
     * that keeps files by version puts it with the tree as its version).
     */
    public Map<String, byte[]> filesButNavTree() {
        Map<String, byte[]> out = new TreeMap<>();
        out.put("404.html", notFound().getBytes(StandardCharsets.UTF_8));
        out.put(".nojekyll", new byte[0]);
        StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n");
        if (config.siteUrl() != null) {
            robots.append("Sitemap: ").append(config.siteUrl()).append("sitemap.xml\n");
            out.put("sitemap.xml", sitemap().getBytes(StandardCharsets.UTF_8));
        }
        out.put("robots.txt", robots.toString().getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private String notFound() {
        Page home = site.pages().get(0);
        StringBuilder anchors = new StringBuilder(home.document() == null ? "{}" : views.anchorMapJson(home.document().source().path()));
        redirects.anchors().forEach((from, to) -> anchors.insert(anchors.length() - 1,
                (anchors.length() > 2 ? "," : "") + Json.string(from) + ":" + Json.string(to)));
        // GitHub Pages answers a miss anywhere with this page, at the missed path: with a known site URL every
        // URL in it is root-absolute; without one, 404.peb finds the root at run time and sets a <base>.
        String root = config.siteUrl() == null ? "" : URI.create(config.siteUrl()).getRawPath();
        Views.PageView page = new Views.PageView("404", "404", "404.html", root, "", List.of(), List.of(), null, null,
                List.of(), "", "", "", "", anchors.toString(), config.language(), Views.Scripts.NONE, false);
        Map<String, Object> model = new HashMap<>();
        model.put("site", views.site());
        model.put("page", page);
        model.put("nav", List.of());
        model.put("navTree", "");
        model.put("editions", List.of());
        model.put("moved", redirects.moved().isEmpty() ? "" : json(redirects.moved()));
        return theme.render("404.peb", model);
    }

    private static String json(Map<String, String> map) {
        StringBuilder json = new StringBuilder("{");
        map.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append(Json.string(k)).append(':').append(Json.string(v)));
        return json.append('}').toString();
    }

    private String sitemap() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Page p : site.pages()) {
            xml.append("  <url><loc>").append(xmlEscape(config.siteUrl() + UrlPaths.percentEncode(p.path()))).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * The licence line the content carries: the body of a page titled "License" (or 라이선스), without its
     * heading, for the footer; {@code ""} when there is none.
     */
    public static String licenseHtml(SiteModel site, List<RenderedBody> bodies) {
        return licenseHtml(site, (IntFunction<RenderedBody>) bodies::get);
    }

    /** Whether a title names the licence; the length first: most titles are longer than any of the words. */
    private static boolean isLicense(String title) {
        String t = title.strip();
        return t.length() <= 7 && LICENSE.matcher(t).matches();
    }

    /** As {@link #licenseHtml(SiteModel, List)}, rendering only the licence page's body, so pages can be streamed. */
    public static String licenseHtml(SiteModel site, IntFunction<RenderedBody> body) {
        for (int i = 0; i < site.pages().size(); i++) {
            Page p = site.pages().get(i);
            if (p.titleId() != null && isLicense(p.title())) {
                Document dom = Jsoup.parseBodyFragment(body.apply(i).html());
                dom.outputSettings().prettyPrint(false);
                Element first = dom.body().firstElementChild();
                if (first != null && first.normalName().matches("h[1-6]")) {
                    first.remove();
                }
                for (Element a : dom.select("a[href]")) {
                    // The footer sits on every page: only absolute links keep their meaning there.
                    if (!a.attr("href").contains("://")) {
                        a.unwrap();
                    }
                }
                dom.select("img").remove();
                return dom.body().html().strip();
            }
        }
        return "";
    }
}
