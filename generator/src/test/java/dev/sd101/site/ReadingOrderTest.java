package dev.sd101.site;

import dev.sd101.Sd101;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sidebar and previous/next follow a folder's README links, then front matter weights, then natural
 * order of names, on the sites as written (the fixture {@code src/test/resources/order/} and upstream's
 * 400 guides).
 */
class ReadingOrderTest {
    private static final Sd101 ENGINE = new Sd101();

    @Test
    void numbersInNamesCompareByValue() {
        List<String> names = new ArrayList<>(List.of("10. 마무리", "2. 설치", "1. 개요", "1.2 b", "1.10 c", "01. zero",
                "item 9", "Item 10", "item 010"));
        names.sort(ReadingOrder::natural);
        assertEquals(List.of("01. zero", "1. 개요", "1.2 b", "1.10 c", "2. 설치", "10. 마무리", "item 9", "Item 10", "item 010"), names);
        assertEquals(0, ReadingOrder.natural("a", "a"));
        assertTrue(ReadingOrder.natural("a", "a1") < 0);
        assertTrue(ReadingOrder.natural("٣ three", "١٢ twelve") < 0, "Arabic-Indic digits compare by value too");
    }

    @Test
    void koreanNumberedFilesAreListedOneToTen(@TempDir Path tmp) throws Exception {
        Map<String, String> site = build(fixture("numbered"), tmp);
        List<String> expected = List.of("개요", "설치", "첫 문서 쓰기", "목차와 링크", "이미지 넣기", "표와 코드", "검색", "미리보기", "배포", "마무리");
        assertEquals(expected, sidebar(site.get("index.html")));
        // Previous/next walk the same order: 2. 설치 sits between 1. 개요 and 3. 첫 문서 쓰기, 10. 마무리 is last.
        assertEquals(List.of("개요", "첫 문서 쓰기"), pager(site.get("2. 설치/index.html")));
        assertEquals(List.of("배포", ""), pager(site.get("10. 마무리/index.html")));
        assertEquals(List.of("Documentation", "설치"), pager(site.get("1. 개요/index.html")), "the home page comes first");
    }

    @Test
    void theReadmesLinksComeFirstInTheirOrderThenTheRest(@TempDir Path tmp) throws Exception {
        Map<String, String> site = build(fixture("linked"), tmp);
        assertEquals(List.of("배포하기", "설정 파일", "문제 해결", "부록"), sidebar(site.get("index.html")));
        assertEquals(List.of("배포하기", "문제 해결"), pager(site.get("config/index.html")));
    }

    @Test
    void weightOrOrderBeforeNames(@TempDir Path tmp) throws Exception {
        Map<String, String> site = build(fixture("weighted"), tmp);
        assertEquals(List.of("Beta", "Gamma", "Alpha", "Delta"), sidebar(site.get("index.html")));
    }

    @Test
    void foldersKeepTheirOwnOrderInsideTheWholeTree(@TempDir Path tmp) throws Exception {
        Map<String, String> site = build(fixture(""), tmp);
        // Folders without a README hang their files under the nearest page above (here the home page): weighted
        // first, then names in natural order; the folder with a README is one entry holding its files in link order.
        assertEquals(List.of("Beta", "Gamma", "Alpha", "개요", "설치", "첫 문서 쓰기", "목차와 링크", "이미지 넣기", "표와 코드",
                "검색", "미리보기", "배포", "마무리", "Delta", "운영 안내"), sidebar(site.get("index.html")));
        Element linked = Jsoup.parse(site.get("linked/index.html")).selectFirst("nav.sidebar li.current > ul");
        assertEquals(List.of("배포하기", "설정 파일", "문제 해결", "부록"), linked.select("a").eachText());
    }

    @Test
    void upstreamGuidesFollowTheirCategoriesSortAndNaturalNames(@TempDir Path tmp) throws Exception {
        String shared = System.getProperty("sd101.shared");
        Path data = (shared != null ? Path.of(shared) : Path.of("../../shared/sd101")).resolve("upstream-main");
        assumeTrue(Files.isDirectory(data.resolve("data/guides")), "upstream-main not found at " + data + "; skipping");
        // As a plain folder (no collections config): the category files carry `sort`, the guides none.
        Map<String, String> site = build(data, tmp);
        Map<String, Integer> sortOf = new TreeMap<>();
        List<String> guides = new ArrayList<>();
        try (Stream<Path> s = Files.list(data.resolve("data/categories"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".md")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^sort: *(\\d+)").matcher(text);
                assertTrue(m.find(), f + " has a sort key");
                sortOf.put(f.getFileName().toString().replaceFirst("\\.md$", ""), Integer.parseInt(m.group(1)));
            }
        }
        try (Stream<Path> s = Files.list(data.resolve("data/guides"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).forEach(n -> guides.add(n.substring(0, n.length() - 3)));
        }
        List<String> hrefs = Jsoup.parse(site.get("index.html")).select("nav.sidebar > ul > li > a, nav.sidebar > ul > li > .nav-category > a")
                .eachAttr("href").stream().map(ReadingOrderTest::decode).toList();
        List<String> categories = hrefs.stream().filter(h -> h.startsWith("data/categories/")).toList();
        List<String> bySort = sortOf.keySet().stream()
                .sorted(java.util.Comparator.comparing((String n) -> sortOf.get(n)).thenComparing(ReadingOrder::natural))
                .map(n -> "data/categories/" + n + "/").toList();
        assertEquals(bySort, categories, "categories by their sort keys, equal keys by name");
        List<String> listed = hrefs.stream().filter(h -> h.startsWith("data/guides/"))
                .map(h -> h.substring("data/guides/".length(), h.length() - 1)).toList();
        assertEquals(400, listed.size());
        int two = listed.indexOf("2-decades-of-cloud-evolution");
        int ten = listed.indexOf("10-books-for-software-developers");
        int hundred = listed.indexOf("100x-postgres-scaling-at-figma");
        assertTrue(two >= 0 && two < ten && ten < hundred, "2 before 10 before 100: " + two + ", " + ten + ", " + hundred);
        assertTrue(hrefs.indexOf(categories.get(categories.size() - 1)) < hrefs.indexOf("data/guides/" + listed.get(0) + "/"),
                "weighted files before the others");
        for (int i = 1; i < listed.size(); i++) {
            assertTrue(ReadingOrder.natural(listed.get(i - 1), listed.get(i)) < 0, listed.get(i - 1) + " before " + listed.get(i));
        }
        assertEquals(guides.stream().sorted().toList(), listed.stream().sorted().toList());
    }

    private static String decode(String href) {
        return java.net.URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ReadingOrderTest.class.getResource("/order").toURI()).resolve(name);
    }

    private static Map<String, String> build(Path folder, Path tmp) {
        // The folder is its own content root (by default it would be this repository's work tree).
        SiteConfig config = SiteConfig.builder(folder).contentRoot(folder).outputDirectory(tmp.resolve("site")).search(false).build();
        SiteBuild build = ENGINE.build(config);
        Map<String, String> out = new TreeMap<>();
        build.files().forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    /** The titles of the sidebar's top-level entries, in order. */
    private static List<String> sidebar(String html) {
        assertTrue(html != null, "no such page");
        return Jsoup.parse(html).select("nav.sidebar > ul > li").stream().map(li -> li.selectFirst("a").text()).toList();
    }

    /** The titles of previous and next ("" where there is none). */
    private static List<String> pager(String html) throws IOException {
        assertTrue(html != null, "no such page");
        Element pager = Jsoup.parse(html).selectFirst("nav.pager");
        Element prev = pager == null ? null : pager.selectFirst("a.prev");
        Element next = pager == null ? null : pager.selectFirst("a.next");
        return List.of(prev == null ? "" : prev.ownText(), next == null ? "" : next.ownText());
    }
}
