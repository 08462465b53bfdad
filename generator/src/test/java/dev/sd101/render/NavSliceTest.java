package dev.sd101.render;

import dev.sd101.site.NavNode;
import dev.sd101.template.Views;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a large site's page carries of its navigation stays bounded whatever the shape of the site: few large
 * sections, thousands of small ones, sections nested six deep; at 1,000 and at 10,000 pages the largest slice is the
 * same size, or within one window per level, while every page stays reachable: the way down to it is there, and every hidden entry is behind a link.
 */
class NavSliceTest {
    /** Few large sections (about 100 articles each), thousands of small ones (about 4.7 pages a section), deep. */
    private static List<NavNode> wide(int pages) {
        return flat((pages - 1 + 100) / 101, pages);
    }

    private static List<NavNode> small(int pages) {
        return flat((int) ((pages - 1) * 2121L / 9999), pages);
    }

    private static List<NavNode> flat(int sections, int pages) {
        int articles = pages - 1 - sections;
        List<NavNode> out = new ArrayList<>();
        for (int s = 0; s < sections; s++) {
            List<NavNode> children = new ArrayList<>();
            for (int a = s * articles / sections; a < (s + 1) * articles / sections; a++) {
                children.add(new NavNode("s" + s + "/a" + a + "/", "Article " + a, List.of()));
            }
            out.add(new NavNode("s" + s + "/", "Section " + s, children));
        }
        return out;
    }

    /** Sections three to a parent, {@code depth} levels, {@code perSection} articles in each. */
    private static List<NavNode> deep(String prefix, int depth, int perSection) {
        List<NavNode> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String path = prefix + "p" + i + "/";
            List<NavNode> children = new ArrayList<>();
            for (int a = 0; a < perSection; a++) {
                children.add(new NavNode(path + "a" + a + "/", "Article " + a, List.of()));
            }
            if (depth > 1) {
                children.addAll(deep(path, depth - 1, perSection));
            }
            out.add(new NavNode(path, "Part " + path, children));
        }
        return out;
    }

    private static int count(List<NavNode> nodes) {
        int n = nodes.size();
        for (NavNode c : nodes) {
            n += count(c.children());
        }
        return n;
    }

    /** The largest slice (in entries, "n more" included) over every page of the tree, checking each on the way. */
    private static int largestSlice(List<NavNode> top) {
        Map<String, String> encoded = new HashMap<>();
        List<List<String>> chains = new ArrayList<>();
        collect(top, new ArrayList<>(), encoded, chains);
        NavSlice slice = new NavSlice(encoded, indexes(top), Function.identity());
        int largest = slice.slice(top, List.of(), "").size();
        for (List<String> chain : chains) {
            List<Views.NavItem> items = slice.slice(top, chain, chain.get(chain.size() - 1));
            assertWayDown(items, chain);
            largest = Math.max(largest, entries(items));
        }
        return largest;
    }

    private static void collect(List<NavNode> nodes, List<String> way, Map<String, String> encoded, List<List<String>> out) {
        for (NavNode n : nodes) {
            encoded.put(n.path(), n.path());
            List<String> chain = new ArrayList<>(way);
            chain.add(n.path());
            out.add(chain);
            collect(n.children(), chain, encoded, out);
        }
    }

    private static Map<String, Integer> indexes(List<NavNode> nodes) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            out.put(nodes.get(i).path(), i);
            out.putAll(indexes(nodes.get(i).children()));
        }
        return out;
    }

    private static int entries(List<Views.NavItem> items) {
        int n = items.size();
        for (Views.NavItem i : items) {
            n += entries(i.children());
        }
        return n;
    }

    /** Each step of the way is in its level's window, the last one current, the ones above it active and open. */
    private static void assertWayDown(List<Views.NavItem> items, List<String> chain) {
        List<Views.NavItem> level = items;
        for (int d = 0; d < chain.size(); d++) {
            String path = chain.get(d);
            Views.NavItem step = level.stream().filter(i -> i.more() == 0 && i.path().equals(path)).findFirst()
                    .orElseThrow(() -> new AssertionError(path + " is not in its level of the slice"));
            boolean last = d == chain.size() - 1;
            assertEquals(last, step.current(), path);
            assertEquals(!last, step.active(), path);
            for (Views.NavItem i : level) {
                // A hidden entry is behind a link, and an entry with children the page does not carry says so.
                assertTrue(i.more() == 0 || (!i.url().isEmpty() || i.path().isEmpty()), "more entry without a link");
            }
            level = step.children();
        }
        assertTrue(level.size() <= NavSlice.CAP + 1, "the current page's children are capped");
    }

    @Test
    void eachShapeCarriesABoundedSliceAtOneThousandAndTenThousandPages() {
        int perLevel = NavSlice.CAP + 2; // the window and an "n more" entry on either side
        int[][] bounds = new int[3][2];
        for (int k = 0; k < 2; k++) {
            int pages = k == 0 ? 1000 : 10_000;
            List<NavNode> wide = wide(pages);
            List<NavNode> small = small(pages);
            List<NavNode> deep = deep("", k == 0 ? 5 : 6, k == 0 ? 2 : 8);
            assertTrue(count(wide) > PageViews.FULL_NAV_LIMIT && count(small) > PageViews.FULL_NAV_LIMIT
                    && count(deep) > PageViews.FULL_NAV_LIMIT, "every shape is past the whole-tree limit");
            assertEquals(k == 0 ? 211 : 2121, small.size(), "sections of the small-sections shape");
            bounds[0][k] = largestSlice(wide);
            bounds[1][k] = largestSlice(small);
            bounds[2][k] = largestSlice(deep);
            assertTrue(bounds[0][k] <= 2 * perLevel, "wide: " + bounds[0][k]);
            assertTrue(bounds[1][k] <= 2 * perLevel, "small sections: " + bounds[1][k]);
            assertTrue(bounds[2][k] <= 7 * perLevel, "deep: " + bounds[2][k]);
        }
        // Linear output: ten times the pages, no bigger a page once each level is past its window (1,000 pages in
        // ten wide sections show all ten); a deep tree's slice is bounded by its depth times one window (above).
        assertEquals(2 * perLevel, bounds[0][1], "wide");
        assertEquals(bounds[1][0], bounds[1][1], "small sections");
    }

    @Test
    void aWindowIsCentredOnTheWayDownAndCountsWhatItHides() {
        List<NavNode> top = small(10_000);
        Map<String, String> encoded = new HashMap<>();
        collect(top, new ArrayList<>(), encoded, new ArrayList<>());
        NavSlice slice = new NavSlice(encoded, indexes(top), p -> "../" + p);
        NavNode section = top.get(1000);
        String article = section.children().get(1).path();
        List<Views.NavItem> items = slice.slice(top, List.of(section.path(), article), article);
        assertEquals(NavSlice.CAP + 2, items.size());
        Views.NavItem before = items.get(0);
        Views.NavItem after = items.get(items.size() - 1);
        assertEquals(1000 - NavSlice.CAP / 2, before.more());
        assertEquals(0, before.from());
        assertEquals("../", before.url(), "hidden top-level sections: the home page lists them");
        assertEquals(1000 - NavSlice.CAP / 2 + NavSlice.CAP, after.from());
        assertEquals(top.size() - after.from(), after.more());
        assertEquals(top.size(), before.more() + NavSlice.CAP + after.more(), "every section is shown or counted");
        Views.NavItem open = items.get(1 + NavSlice.CAP / 2);
        assertEquals(section.path(), open.path());
        assertTrue(open.active() && !open.lazy());
        assertEquals(section.children().size(), open.children().size());
        Views.NavItem closed = items.get(1);
        assertTrue(closed.lazy() && closed.children().isEmpty(), "a collapsed section loads its children on demand");
    }

    @Test
    void aWindowAtTheStartOrEndOfItsListStaysInsideIt() {
        List<NavNode> top = small(10_000);
        Map<String, String> encoded = new HashMap<>();
        collect(top, new ArrayList<>(), encoded, new ArrayList<>());
        NavSlice slice = new NavSlice(encoded, indexes(top), Function.identity());
        List<Views.NavItem> first = slice.slice(top, List.of(top.get(0).path()), top.get(0).path());
        assertEquals(top.get(0).path(), first.get(0).path());
        assertEquals(NavSlice.CAP + 1, first.size());
        NavNode lastSection = top.get(top.size() - 1);
        List<Views.NavItem> last = slice.slice(top, List.of(lastSection.path()), lastSection.path());
        assertEquals(lastSection.path(), last.get(last.size() - 1).path());
        assertEquals(top.size() - NavSlice.CAP, last.get(0).more());
    }
}
