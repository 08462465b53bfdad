package dev.sd101.engine;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import dev.sd101.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The upstream English README and the Korean edition built as one site (shared data, read at test time; skipped
 * without it). Expected twins come from the rendered pages themselves, not from the matcher: a Korean article and
 * an English one are twins when they show the same diagram file.
 */
class UpstreamEditionsIT {
    static Path shared() {
        String p = System.getProperty("sd101.shared");
        Path dir = p != null ? Path.of(p) : repo().resolve("../shared/sd101");
        assumeTrue(Files.isDirectory(dir.resolve("upstream")), "shared test data not found at " + dir + "; skipping");
        return dir;
    }

    static Path repo() {
        String p = System.getProperty("sd101.repo");
        return p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
    }

    @Test
    void koreanArticlesLinkToTheirEnglishTwinAndBack(@TempDir Path tmp) throws Exception {
        SiteConfig config = UpstreamEditions.config(shared(), repo(), tmp);
        SiteBuild site = new Sd101().build(config);
        Map<String, Document> ko = new LinkedHashMap<>();
        Map<String, Document> en = new LinkedHashMap<>();
        site.files().forEach((path, bytes) -> {
            if (path.endsWith("index.html")) {
                Document d = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "https://sd101.example.org/" + path);
                (path.startsWith("en/") ? en : ko).put(path.substring(0, path.length() - "index.html".length()), d);
            }
        });
        // Diagram file → the English article showing it (diagrams shown by one article only).
        Map<String, String> enByDiagram = new LinkedHashMap<>();
        Set<String> shownTwice = new LinkedHashSet<>();
        en.forEach((path, d) -> {
            if (!"article".equals(d.selectFirst("html").attr("data-kind"))) {
                return;
            }
            for (String img : diagrams(d)) {
                if (enByDiagram.putIfAbsent(img, path) != null && !enByDiagram.get(img).equals(path)) {
                    shownTwice.add(img);
                }
            }
        });
        shownTwice.forEach(enByDiagram::remove);
        int articles = 0;
        int withDiagramInEnglish = 0;
        int twins = 0;
        List<String> wrong = new ArrayList<>();
        List<String> withoutTwin = new ArrayList<>();
        for (Map.Entry<String, Document> e : ko.entrySet()) {
            Document d = e.getValue();
            if (!"article".equals(d.selectFirst("html").attr("data-kind"))) {
                continue;
            }
            articles++;
            Element toEn = d.selectFirst(".lang-menu a[data-lang=en]");
            String title = d.selectFirst("main h1") == null ? e.getKey() : d.selectFirst("main h1").text();
            if (toEn.hasAttr("data-home")) {
                withoutTwin.add(title);
            }
            String expected = diagrams(d).stream().map(enByDiagram::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (expected == null) {
                continue;
            }
            withDiagramInEnglish++;
            String target = sitePath(toEn);
            Element back = en.containsKey(target) ? en.get(target).selectFirst(".lang-menu a[data-lang=ko]") : null;
            if (target.equals(expected) && back != null && sitePath(back).equals(e.getKey())) {
                twins++;
            } else {
                wrong.add(title + " → " + target + " (diagram is on " + expected + ")");
            }
        }
        System.out.println("upstream editions: " + articles + " Korean articles, " + withDiagramInEnglish
                + " show a diagram of the English README, " + twins + " link to that English article and back; wrong: "
                + wrong + "; without an English twin: " + withoutTwin);
        assertEquals(List.of(), wrong);
        assertEquals(withDiagramInEnglish, twins);
        assertTrue(twins >= 60, "twins " + twins);

        // hreflang on every page of both editions, absolute, with x-default to the Korean root edition.
        for (Map<String, Document> edition : List.of(ko, en)) {
            edition.forEach((path, d) -> {
                List<String> langs = d.select("link[rel=alternate][hreflang]").eachAttr("hreflang");
                assertTrue(langs.contains("ko") && langs.contains("en") || d.select(".lang-menu a[data-home]").size() == 1, path + " " + langs);
                assertFalse(langs.isEmpty(), path);
            });
        }
        String sitemap = new String(site.files().get("sitemap.xml"), StandardCharsets.UTF_8);
        assertEquals(ko.size() + en.size(), sitemap.split("<loc>").length - 1);

        BuildResult check = new Sd101().check(config);
        long unmatched = check.problems().stream().filter(p -> p.severity() == Severity.WARNING && p.message().contains("no twin")).count();
        System.out.println("check: " + unmatched + " pages without a twin; "
                + check.problems().stream().filter(dev.sd101.Problem::isNote).map(dev.sd101.Problem::message).filter(m -> m.startsWith("editions")).toList());
    }

    /** The file names of the images a page's article shows. */
    private static List<String> diagrams(Document d) {
        List<String> out = new ArrayList<>();
        for (Element img : d.select("main img[src]")) {
            String src = img.attr("src");
            if (src.contains("://")) {
                continue;
            }
            String name = src.substring(src.lastIndexOf('/') + 1);
            out.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A link's target as a site path ("" for the root, "en/…/"). */
    private static String sitePath(Element a) {
        String abs = a.absUrl("href");
        String path = URI.create(abs).getPath();
        return URLDecoder.decode(path, StandardCharsets.UTF_8).substring(1);
    }
}
