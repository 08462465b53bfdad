package dev.sd101.engine;

import dev.sd101.BuildException;
import dev.sd101.BuildResult;
import dev.sd101.Problem;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import dev.sd101.link.SiteVerifier;
import dev.sd101.render.SiteExtras;
import dev.sd101.search.AnalysisCache;
import dev.sd101.search.SearchIndexer;
import dev.sd101.site.EditionMatcher;
import dev.sd101.site.Page;
import dev.sd101.template.ThemeCache;
import dev.sd101.template.Views;
import dev.sd101.web.Json;
import dev.sd101.web.UrlPaths;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A site of several language editions: each edition is planned, checked and rendered as a site of its own
 * ({@link BuildPipeline}), published under its prefix, with its own search index analysed for its language; then
 * the editions' pages are matched ({@link EditionMatcher}) so that every page's language switcher and
 * {@code hreflang} alternates lead to the same article in the other editions. The merged site is checked as a
 * whole (every switcher link must land) before anything is written.
 */
final class EditionsBuild {
    /** Files only the site root has: the other editions' copies are dropped (the sitemap is merged). */
    private static final java.util.Set<String> ROOT_ONLY = java.util.Set.of("404.html", ".nojekyll", "robots.txt", "sitemap.xml");
    /** What the site says about its editions and the twin of every page, and by which rule. */
    static final String REPORT = "editions.json";

    private final BuildPipeline pipeline;
    /** One indexer per language, made when an edition first needs it: a Korean-only site never loads Kuromoji. */
    private final Map<String, SearchIndexer> indexers = new ConcurrentHashMap<>();
    /** One render memo per edition (by prefix), so that {@code serve} re-renders only what changed in each. */
    private final Map<String, EditionMemo> memos = new ConcurrentHashMap<>();

    EditionsBuild(BuildPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** The editions planned and matched. */
    private record Editions(List<SiteConfig> configs, List<Planned> sites, EditionMatcher.Matches matches,
                           List<Problem> problems) {
    }

    private Editions plan(SiteConfig config, StageClock clock) {
        List<SiteConfig> configs = config.editions().stream().map(config::forEdition).toList();
        List<Planned> sites = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (SiteConfig c : configs) {
            Planned p = pipeline.planner().plan(c, clock);
            sites.add(p);
            problems.addAll(p.problems());
        }
        EditionMatcher.Matches matches = clock.time("plan", () -> EditionMatcher.match(editionSites(config, sites)));
        problems.addAll(matches.problems());
        problems.sort(null);
        return new Editions(configs, sites, matches, problems);
    }

    private static List<EditionMatcher.EditionSite> editionSites(SiteConfig config, List<Planned> sites) {
        List<EditionMatcher.EditionSite> out = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            SiteConfig.Edition e = config.editions().get(i);
            out.add(new EditionMatcher.EditionSite(e.language(), e.prefix(), sites.get(i).site()));
        }
        return out;
    }

    BuildResult check(SiteConfig config) {
        StageClock clock = new StageClock();
        return new BuildResult(plan(config, clock).problems(), 0, 0, null, 0, clock.nanos());
    }

    /** The editions rendered one after the other into one site in memory, then checked as a whole. */
    SiteBuild build(SiteConfig config, AnalysisCache disk) {
        StageClock clock = new StageClock();
        Editions planned = plan(config, clock);
        List<Problem> problems = BuildPipeline.problems(config, planned.problems());
        if (BuildPipeline.stops(config, problems)) {
            return BuildPipeline.stopped(problems, clock);
        }
        ThemeCache.Theme compiled = clock.time("render", () -> pipeline.themeCache().get(config.themeDirectory()));
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, Path> copies = new TreeMap<>();
        Map<String, String> owner = new HashMap<>();
        java.util.Set<String> shared = sharedAssets(planned);
        SiteExtras.Redirects redirects = redirects(config, planned, shared);
        List<RenderMemo.Session> sessions = new ArrayList<>();
        SiteVerifier verifier = null;
        int pages = 0;
        for (int i = 0; i < planned.sites().size(); i++) {
            SiteConfig.Edition edition = config.editions().get(i);
            SiteConfig c = planned.configs().get(i);
            Planned site = planned.sites().get(i);
            // A body's image links depend on which images are shared: a change of that set starts the memo afresh.
            String up = UrlPaths.toRoot(edition.prefix());
            java.util.Set<String> mine = up.isEmpty() ? java.util.Set.of() : shared;
            RenderMemo.Session reuse = clock.time("render", () -> memos.compute(edition.prefix(), (k, m) -> m != null && m.shared().equals(mine) ? m
                            : new EditionMemo(mine, new RenderMemo())).memo()
                    .begin(c, site.site(), site.resolver(), pipeline.planner().parser(), compiled.renderer()));
            sessions.add(reuse);
            int index = i;
            SearchIndexer indexer = indexer(edition.language());
            // The cache on disk holds the default analysis: another language's terms of the same text differ.
            SearchStage search = c.search() ? SearchStage.kept(indexer, site.site().pages().size(),
                    indexer.analysesAsDefault() ? disk : AnalysisCache.none()) : null;
            MemorySink sink = new MemorySink(AnalysisCache.none());
            java.util.Set<String> unresolved = new RenderPass(c, site, pipeline.planner().parser(), compiled, reuse, pipeline.version())
                    .asEdition(page -> switcher(config, planned, index, page), path -> mine.contains(path) ? up : "", redirects)
                    .into(sink, search, null, clock);
            pages += site.site().pages().size();
            for (Map.Entry<String, byte[]> f : new TreeMap<>(sink.files()).entrySet()) {
                if (ROOT_ONLY.contains(f.getKey()) && (!edition.prefix().isEmpty() || f.getKey().equals("sitemap.xml"))) {
                    continue;
                }
                put(files, owner, edition, edition.prefix() + f.getKey(), f.getValue());
            }
            new TreeMap<>(sink.copies()).forEach((path, file) -> {
                if (mine.contains(path)) {
                    copies.put(path, file); // the one copy, at the top: where the root edition has it
                } else {
                    copies.put(edition.prefix() + path, file);
                }
            });
            SiteVerifier v = SiteVerifier.forContent(site.resolver(), site.site().documents().values());
            v.excuse(unresolved);
            verifier = verifier == null ? v : verifier.and(v);
        }
        if (config.siteUrl() != null) {
            files.put("sitemap.xml", sitemap(config, planned).getBytes(StandardCharsets.UTF_8));
        }
        files.put(REPORT, report(config, planned).getBytes(StandardCharsets.UTF_8));
        SiteCheck check = new SiteCheck(verifier);
        clock.run("verify", () -> files.entrySet().parallelStream().forEach(e -> check.scan(e.getKey(), e.getValue(), null)));
        java.util.Set<String> all = new java.util.HashSet<>(files.keySet());
        all.addAll(copies.keySet());
        check.verify(all, clock);
        sessions.forEach(s -> s.commit(null));
        long bytes = files.values().stream().mapToLong(b -> b.length).sum()
                + copies.values().stream().mapToLong(PageSink::size).sum();
        return new SiteBuild(new BuildResult(problems, pages, files.size() + copies.size(), null, bytes, clock.nanos()), files, copies);
    }

    /** An edition's render memo, with the shared images its bodies were rendered for. */
    private record EditionMemo(java.util.Set<String> shared, RenderMemo memo) {
    }

    /**
     * The assets (content-root paths) that two or more editions link, as the same file: each is published once, at
     * the top of the site where the root edition has its files, and every edition's pages link that copy. (A
     * translation reuses the original's diagrams; copying them under every prefix would publish each again.)
     */
    private static java.util.Set<String> sharedAssets(Editions planned) {
        Map<String, Path> file = new HashMap<>();
        Map<String, Integer> editions = new HashMap<>();
        java.util.Set<String> different = new java.util.HashSet<>();
        for (Planned site : planned.sites()) {
            assets(site).forEach((path, f) -> {
                Path before = file.putIfAbsent(path, f);
                if (before != null && !before.equals(f)) {
                    different.add(path); // editions with content roots of their own: same path, another file
                }
                editions.merge(path, 1, Integer::sum);
            });
        }
        java.util.Set<String> out = new java.util.TreeSet<>();
        editions.forEach((path, n) -> {
            if (n > 1 && !different.contains(path)) {
                out.add(path);
            }
        });
        return out;
    }

    /** The assets an edition's documents link, by content-root path (sorted), each with its file. */
    private static Map<String, Path> assets(Planned site) {
        Map<String, Path> mine = new TreeMap<>();
        for (dev.sd101.markdown.Document doc : site.site().documents().values()) {
            for (dev.sd101.markdown.Link link : doc.links()) {
                if (site.resolver().resolve(doc, link.target(), link.kind().isImage()) instanceof dev.sd101.link.Target.Asset a) {
                    mine.put(a.path(), a.file().toAbsolutePath().normalize());
                }
            }
        }
        return mine;
    }

    private SearchIndexer indexer(String language) {
        return indexers.computeIfAbsent(language.toLowerCase(Locale.ROOT), SearchIndexer::new);
    }

    /** Puts an edition's file into the site; the default edition's pages must not take another edition's folder. */
    private static void put(Map<String, byte[]> files, Map<String, String> owner, SiteConfig.Edition edition,
                            String path, byte[] bytes) {
        String before = owner.putIfAbsent(path, edition.language());
        if (before != null) {
            throw new BuildException("the " + edition.language() + " edition writes /" + path + ", which the " + before
                    + " edition writes too; give the " + edition.language() + " edition another prefix");
        }
        files.put(path, bytes);
    }

    /** What a page's language switcher lists: every edition, with this page's twin there (else that edition's home). */
    private static List<Views.EditionView> switcher(SiteConfig config, Editions planned, int edition, Page page) {
        List<Views.EditionView> out = new ArrayList<>();
        String from = config.editions().get(edition).prefix() + page.path();
        int depth = (int) from.chars().filter(ch -> ch == '/').count();
        for (int j = 0; j < config.editions().size(); j++) {
            SiteConfig.Edition e = config.editions().get(j);
            String target;
            boolean twin;
            if (j == edition) {
                target = page.path();
                twin = true;
            } else {
                EditionMatcher.Twin t = planned.matches().twin(edition, page.path(), j);
                twin = t != null;
                target = twin ? t.path() : "";
            }
            String rootRelative = e.prefix() + target;
            String rel = "../".repeat(depth) + UrlPaths.encodePath(rootRelative);
            String url = rel.isEmpty() || j == edition ? "./" : UrlPaths.safeRelative(rel);
            String href = config.siteUrl() == null ? url : config.siteUrl() + UrlPaths.percentEncode(rootRelative);
            String root = "../".repeat(depth) + UrlPaths.encodePath(e.prefix());
            out.add(new Views.EditionView(e.language(), languageName(e.language()), url, href, j == edition, twin,
                    e.prefix().isEmpty(), root));
        }
        return out;
    }

    /** A language's own name, capitalised as a menu entry: {@code 한국어}, {@code English}, {@code 日本語}. */
    static String languageName(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String name = locale.getDisplayLanguage(locale);
        if (name.isEmpty() || name.equals(tag)) {
            return tag;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /**
     * What the root's 404 page sends on for the other editions: their old heading ids ({@code "en/#id"} →
     * {@code "en/page/"}; site.js tries the key of the missed URL's edition first), and their files now published
     * once for all editions ({@code "en/images/a.png"} → {@code "images/a.png"}).
     */
    private static SiteExtras.Redirects redirects(SiteConfig config, Editions planned, java.util.Set<String> shared) {
        Map<String, String> anchors = new LinkedHashMap<>();
        Map<String, String> moved = new LinkedHashMap<>();
        for (int i = 0; i < planned.sites().size(); i++) {
            String prefix = config.editions().get(i).prefix();
            Planned site = planned.sites().get(i);
            Page home = site.site().pages().get(0);
            if (!prefix.isEmpty() && home.document() != null) {
                site.site().anchors().ids(home.document().source().path()).forEach((id, path) -> anchors.put(prefix + "#" + id, prefix + path));
            }
            if (prefix.contains("/")) {
                assets(site).keySet().stream().filter(shared::contains).forEach(path -> moved.put(prefix + path, path));
            }
        }
        return new SiteExtras.Redirects(anchors, moved);
    }

    /** Every page of every edition, each with its twins as {@code xhtml:link} alternates (as Google reads them). */
    private static String sitemap(SiteConfig config, Editions planned) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (int i = 0; i < planned.sites().size(); i++) {
            String prefix = config.editions().get(i).prefix();
            for (Page p : planned.sites().get(i).site().pages()) {
                xml.append("  <url><loc>").append(xml(config.siteUrl() + UrlPaths.percentEncode(prefix + p.path()))).append("</loc>");
                List<Views.EditionView> alternates = switcher(config, planned, i, p).stream().filter(Views.EditionView::twin).toList();
                if (alternates.size() > 1) {
                    for (Views.EditionView e : alternates) {
                        xml.append("\n    <xhtml:link rel=\"alternate\" hreflang=\"").append(e.lang()).append("\" href=\"")
                                .append(xml(e.href())).append("\"/>");
                    }
                    xml.append("\n  ");
                }
                xml.append("</url>\n");
            }
        }
        return xml.append("</urlset>\n").toString();
    }

    /** {@value #REPORT}: the editions, and for every page its twins with the rule that matched each. */
    private static String report(SiteConfig config, Editions planned) {
        StringBuilder json = new StringBuilder("{\"editions\":[");
        for (int i = 0; i < config.editions().size(); i++) {
            SiteConfig.Edition e = config.editions().get(i);
            json.append(i == 0 ? "" : ",").append("{\"lang\":").append(Json.string(e.language()))
                    .append(",\"prefix\":").append(Json.string(e.prefix()))
                    .append(",\"title\":").append(Json.string(planned.sites().get(i).site().title())).append('}');
        }
        json.append("],\"pages\":[");
        boolean first = true;
        for (int i = 0; i < planned.sites().size(); i++) {
            String prefix = config.editions().get(i).prefix();
            for (Page p : planned.sites().get(i).site().pages()) {
                if (p.document() == null) {
                    continue;
                }
                json.append(first ? "\n" : ",\n").append("{\"lang\":").append(Json.string(config.editions().get(i).language()))
                        .append(",\"path\":").append(Json.string(prefix + p.path()))
                        .append(",\"source\":").append(Json.string(p.document().source().displayPath()))
                        .append(",\"twins\":{");
                first = false;
                boolean firstTwin = true;
                for (int j = 0; j < planned.sites().size(); j++) {
                    if (j == i) {
                        continue;
                    }
                    EditionMatcher.Twin t = planned.matches().twin(i, p.path(), j);
                    json.append(firstTwin ? "" : ",").append(Json.string(config.editions().get(j).language())).append(':');
                    firstTwin = false;
                    if (t == null) {
                        json.append("null");
                    } else {
                        json.append("{\"path\":").append(Json.string(config.editions().get(j).prefix() + t.path()))
                                .append(",\"rule\":").append(Json.string(t.rule().id())).append('}');
                    }
                }
                json.append("}}");
            }
        }
        return json.append("\n]}\n").toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
