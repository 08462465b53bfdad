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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sidebar and previous/next follow a folder's README links, then front matter weights, then natural
 * order of names, on the fixture sites of {@code src/test/resources/order/} (upstream's 400 guides: {@link ReadingOrderIT}).
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

    static String decode(String href) {
        return java.net.URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ReadingOrderTest.class.getResource("/order").toURI()).resolve(name);
    }

    static Map<String, String> build(Path folder, Path tmp) {
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
