package dev.sd101.site;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The reading order of upstream's 400 guides (the shared data set; skipped without it): categories by their
 * {@code sort} keys, then the guides in natural order of names, as {@link ReadingOrderTest} shows on small sites.
 */
class ReadingOrderIT {
    @Test
    void upstreamGuidesFollowTheirCategoriesSortAndNaturalNames(@TempDir Path tmp) throws Exception {
        String shared = System.getProperty("sd101.shared");
        Path data = (shared != null ? Path.of(shared) : Path.of("../../shared/sd101")).resolve("upstream-main");
        assumeTrue(Files.isDirectory(data.resolve("data/guides")), "upstream-main not found at " + data + "; skipping");
        // As a plain folder (no collections config): the category files carry `sort`, the guides none.
        Map<String, String> site = ReadingOrderTest.build(data, tmp);
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
}
