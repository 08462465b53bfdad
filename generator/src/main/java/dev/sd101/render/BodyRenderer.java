package dev.sd101.render;

import dev.sd101.content.FrontMatter;
import dev.sd101.link.LinkResolver;
import dev.sd101.link.Target;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.MarkdownParser;
import dev.sd101.site.Page;
import dev.sd101.site.SiteModel;
import dev.sd101.template.Views;
import dev.sd101.web.UrlPaths;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Stage 5a: a page's body HTML. Renders the page's blocks, cleans raw HTML to GitHub's allowlist,
 * rewrites every link and image for the site (fragments to the page that now holds the id, local images
 * to copies, missing ones to the fallback URL) and gives images {@code loading="lazy"}, their size where
 * known, and alt text. Thread-safe: pages render in parallel.
 */
public final class BodyRenderer {
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** A base only for Jsoup's protocol test; relative links are kept relative. */
    private static final String BASE = "https://sd101.invalid/";
    // Selectors parsed once, not per page (a query's parse was about a tenth of the body stage); evaluators are
    // immutable, so the page workers share them.
    private static final Evaluator WITH_ID = QueryParser.parse("[id]");
    private static final Evaluator MATH = QueryParser.parse("code.math");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");
    private static final Evaluator PARAGRAPHS = QueryParser.parse("p");
    private static final Evaluator NOT_OWN_WORDS = QueryParser.parse("a, img, picture, svg, code, kbd");

    private final MarkdownParser parser;
    private final SiteModel site;
    private final LinkResolver resolver;
    private final boolean sanitize;
    private final boolean fillEmptyAlt;
    private final Cleaner cleaner;
    private final ImageSizes sizes = new ImageSizes();
    /** Per asset (its content-root path): what leads from the site's root to where it is published, usually "". */
    private final Function<String, String> assetBase;

    /**
     * @param sanitize     whether raw HTML is cleaned to GitHub's allowlist
     * @param fillEmptyAlt whether an image without alt text takes its section's heading (GitHub leaves it empty)
     */
    public BodyRenderer(MarkdownParser parser, SiteModel site, LinkResolver resolver, boolean sanitize, boolean fillEmptyAlt) {
        this(parser, site, resolver, sanitize, fillEmptyAlt, path -> "");
    }

    /**
     * @param assetBase per asset (its content-root path), the path from the site's root to the folder it is
     *                  published in: {@code ""}, or for an edition's image the other editions show too, the way up
     *                  to the one copy at the top ({@code "../"})
     */
    public BodyRenderer(MarkdownParser parser, SiteModel site, LinkResolver resolver, boolean sanitize, boolean fillEmptyAlt,
                        Function<String, String> assetBase) {
        this.assetBase = assetBase;
        this.parser = parser;
        this.site = site;
        this.resolver = resolver;
        this.sanitize = sanitize;
        this.fillEmptyAlt = fillEmptyAlt;
        this.cleaner = new Cleaner(GitHubSafelist.create(parser.ownMarkupAttribute()));
    }

    /** The body of one page. */
    public RenderedBody render(Page page) {
        if (page.document() == null) {
            return new RenderedBody("", "", "", Map.of(), Views.Scripts.NONE, Set.of());
        }
        String raw = parser.render(page.document(), page.fromBlock(), page.toBlock());
        if (sanitize) {
            raw = tagFilter(raw);
        }
        org.jsoup.nodes.Document dom = Jsoup.parseBodyFragment(raw, BASE);
        if (sanitize) {
            dom = cleaner.clean(dom);
        }
        OwnMarkup.finish(dom, parser.ownMarkupAttribute(), sanitize);
        wrapTableOfContents(dom);
        dom.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        Map<String, Path> assets = new LinkedHashMap<>();
        Set<String> unresolved = new HashSet<>();
        String lastHeading = page.title();
        String firstImage = "";
        // A footnote is listed on each page that references it: its links stay on the page that holds the id.
        Set<String> localIds = new HashSet<>(dom.body().select(WITH_ID).eachAttr("id"));
        for (Element el : dom.body().getAllElements()) {
            String tag = el.normalName();
            if (HEADINGS.contains(tag)) {
                lastHeading = el.text();
            } else if (tag.equals("a") && el.hasAttr("href")) {
                rewriteLink(page, el, assets, localIds, unresolved);
            } else if (tag.equals("img")) {
                String written = el.attr("src");
                String src = rewriteImage(page, el, assets, unresolved);
                if (firstImage.isEmpty() && src != null) {
                    firstImage = src;
                }
                if (fillEmptyAlt && el.attr("alt").isBlank()) {
                    el.attr("alt", lastHeading);
                }
                if (!written.isBlank() && !el.hasAttr("src")) {
                    el.replaceWith(unpublished(el, written));
                    continue;
                }
                el.attr("loading", "lazy");
                el.attr("decoding", "async");
                frontMatterSize(page, el);
            }
        }
        return new RenderedBody(dom.body().html(), description(dom), firstImage, assets, scripts(dom), unresolved);
    }

    /**
     * Which of the theme's optional scripts the body needs. Diagrams and math are the parser's {@code mermaid} and
     * {@code math} code blocks and its math spans; every other {@code <pre>} is code, highlighted when its
     * {@code language-} class names a language (GitHub highlights no block without one).
     */
    static Views.Scripts scripts(org.jsoup.nodes.Document dom) {
        boolean code = false;
        boolean highlight = false;
        boolean math = !dom.body().select(MATH).isEmpty();
        boolean mermaid = false;
        for (Element pre : dom.body().getElementsByTag("pre")) {
            Element c = pre.firstElementChild();
            String language = c != null && c.normalName().equals("code") ? language(c) : "";
            if (language.equals("mermaid")) {
                mermaid = true;
            } else if (language.equals("math")) {
                math = true;
            } else {
                code = true;
                highlight |= !language.isEmpty();
            }
        }
        return new Views.Scripts(code, highlight, math, mermaid);
    }

    /** The language a {@code <code>} element's {@code language-x} class names, or {@code ""}. */
    private static String language(Element code) {
        for (String c : code.classNames()) {
            if (c.startsWith("language-") && c.length() > "language-".length()) {
                return c.substring("language-".length());
            }
        }
        return "";
    }

    /**
     * GFM's tag filter, which github.com applies before its sanitizer: the tags that would change how the rest of the
     * page parses ({@code <script>}, {@code <style>}, {@code <textarea>}…) show as text. The Markdown renderer
     * escapes every {@code <} of text and attributes, so a literal one here starts raw HTML.
     */
    static String tagFilter(String html) {
        return FILTERED_TAG.matcher(html).replaceAll("&lt;$1");
    }

    private static final Pattern FILTERED_TAG = Pattern.compile(
            "<(/?(?i:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)(?=[\\s/>]))");

    /**
     * Marks the document's own table of contents as navigation (so search does not index it, and screen
     * readers can skip it): the first top-level list whose three or more links all point at fragments,
     * the rule the parser uses to find it.
     */
    private static void wrapTableOfContents(org.jsoup.nodes.Document dom) {
        for (Element list : dom.body().children()) {
            if (list.normalName().equals("ul") || list.normalName().equals("ol")) {
                var links = list.select(LINKS);
                if (links.size() >= 3 && links.stream().allMatch(a -> a.attr("href").startsWith("#"))) {
                    list.wrap("<nav class=\"document-toc\"></nav>");
                    return;
                }
            }
        }
    }

    /**
     * A remote image's size cannot be read without fetching it; front matter may give the size of its
     * {@code image} ({@code imageWidth}, {@code imageHeight}), which reserves the space before it loads.
     */
    private static void frontMatterSize(Page page, Element img) {
        if (page.document() == null || img.hasAttr("width") || img.hasAttr("height")) {
            return;
        }
        FrontMatter fm = page.document().source().frontMatter();
        if (fm.image() != null && fm.image().strip().equals(img.attr("src"))
                && fm.params().get("imageWidth") instanceof Integer w && fm.params().get("imageHeight") instanceof Integer h
                && w > 0 && h > 0) {
            img.attr("width", Integer.toString(w));
            img.attr("height", Integer.toString(h));
        }
    }

    private void rewriteLink(Page page, Element a, Map<String, Path> assets, Set<String> localIds, Set<String> unresolved) {
        String href = a.attr("href");
        if (href.isEmpty()) {
            return; // a link to the page itself, as on GitHub
        }
        Target t = resolver.resolve(page.document(), href, false);
        if (brokenInContent(t)) {
            unresolved.add(href);
        }
        if (t instanceof Target.Anchor anchor) {
            boolean here = anchor.document() == page.document() && anchor.id() != null && localIds.contains(anchor.id());
            a.attr("href", here ? "#" + anchor.id() : anchorHref(page, anchor));
        } else if (t instanceof Target.Asset asset) {
            assets.put(asset.path(), asset.file());
            a.attr("href", UrlPaths.relative(page.root(), assetBase.apply(asset.path()) + UrlPaths.encodePath(asset.path())));
        } else if (t instanceof Target.Outside) {
            // Never point readers at files outside the content root.
            a.removeAttr("href");
        } else if (t instanceof Target.SitePage s && s.path() != null) {
            // A link to the published site itself stays inside the local copy.
            String fragment = s.fragment().isEmpty() ? "" : "#" + s.fragment();
            a.attr("href", s.path().equals(page.path()) && !fragment.isEmpty() ? fragment
                    : UrlPaths.relative(page.root(), UrlPaths.encodePath(s.path())) + fragment);
        }
        if (t instanceof Target.External && "_blank".equals(a.attr("target"))) {
            // Added to what the author wrote (rel="license" stays).
            Set<String> rel = new LinkedHashSet<>(List.of(a.attr("rel").strip().split("\\s+")));
            rel.remove("");
            rel.add("noopener");
            rel.add("noreferrer");
            a.attr("rel", String.join(" ", rel));
        }
    }

    /** The rewritten {@code src}, relative to the site root or absolute, or {@code null} when there is none. */
    private String rewriteImage(Page page, Element img, Map<String, Path> assets, Set<String> unresolved) {
        if (!img.hasAttr("src") || img.attr("src").isBlank()) {
            return null;
        }
        Target t = resolver.resolve(page.document(), img.attr("src"), true);
        if (brokenInContent(t)) {
            unresolved.add(img.attr("src"));
        }
        if (t instanceof Target.Asset asset) {
            assets.put(asset.path(), asset.file());
            String path = assetBase.apply(asset.path()) + UrlPaths.encodePath(asset.path());
            img.attr("src", UrlPaths.relative(page.root(), path));
            sizes.of(asset.file()).ifPresent(s -> {
                if (!img.hasAttr("width") && !img.hasAttr("height")) {
                    img.attr("width", Integer.toString(s.width()));
                    img.attr("height", Integer.toString(s.height()));
                }
            });
            return path;
        } else if (t instanceof Target.Missing m) {
            return fallback(img, m.fallbackUrl());
        } else if (t instanceof Target.Outside o) {
            // Never point readers at files outside the content root.
            return fallback(img, o.fallbackUrl());
        }
        return img.attr("src");
    }

    /** Whether a link leads nowhere because of the content: reported by the link check, kept as written. */
    private static boolean brokenInContent(Target t) {
        return t instanceof Target.Missing || t instanceof Target.Unpublished || t instanceof Target.Undecodable;
    }

    /** An image that is not published: the fallback URL where one is configured, else no {@code src} at all. */
    private static String fallback(Element img, String fallbackUrl) {
        if (fallbackUrl == null) {
            img.removeAttr("src");
            return null;
        }
        img.attr("src", fallbackUrl);
        return fallbackUrl;
    }

    /**
     * What stands in for an image that is not published (missing, or outside the content root, with no
     * {@code imageBaseUrl}): a visible placeholder showing its alt text, as a browser shows a broken image, rather
     * than an {@code <img>} without {@code src} that shows nothing. The alt text is drawn by CSS from an attribute,
     * so that it is not indexed as the page's text; screen readers get it as the image's label.
     */
    private static Element unpublished(Element img, String written) {
        String alt = img.attr("alt").strip();
        return new Element("span").addClass("image-unpublished").attr("role", "img")
                .attr("aria-label", alt).attr("data-alt", alt).attr("title", "Image not published: " + written);
    }

    private String anchorHref(Page from, Target.Anchor anchor) {
        Document doc = anchor.document();
        String docPath = doc.source().path();
        String pagePath;
        if (anchor.id() != null) {
            pagePath = site.anchors().pageOf(docPath, anchor.id()).orElse(null);
        } else {
            pagePath = site.firstPageOf(docPath).map(Page::path).orElse(null);
        }
        if (pagePath == null) {
            pagePath = site.firstPageOf(docPath).map(Page::path).orElse("");
        }
        String fragment = anchor.fragment().isEmpty() ? "" : "#" + (anchor.id() != null ? anchor.id() : anchor.fragment());
        if (pagePath.equals(from.path()) && !fragment.isEmpty()) {
            return fragment;
        }
        return UrlPaths.relative(from.root(), UrlPaths.encodePath(pagePath)) + fragment;
    }

    /**
     * The first real paragraph's text: a README opens with badge rows, banners and link bars ("YouTube |
     * Newsletter") that say nothing about the page, so a paragraph counts only when some of its words stand
     * outside links and images.
     */
    static String description(org.jsoup.nodes.Document dom) {
        for (Element p : dom.body().select(PARAGRAPHS)) {
            String text = p.text().strip();
            if (text.length() >= 20 && hasOwnWords(p)) {
                return shorten(text, 200);
            }
        }
        return "";
    }

    private static boolean hasOwnWords(Element p) {
        Element bare = p.clone();
        bare.select(NOT_OWN_WORDS).remove();
        String own = bare.text();
        int letters = 0;
        for (int i = 0; i < own.length(); i = own.offsetByCodePoints(i, 1)) {
            if (Character.isLetter(own.codePointAt(i)) && ++letters >= 2) {
                return true;
            }
        }
        return false;
    }

    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
