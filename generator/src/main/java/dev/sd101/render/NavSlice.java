package dev.sd101.render;

import dev.sd101.site.NavNode;
import dev.sd101.template.Views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a large site's page carries of the navigation: its ancestors, at each level a window of at most {@link #CAP}
 * siblings around the way down (the rest behind an "n more" entry that links the parent's page, which lists them
 * all), and up to {@code CAP} of its own children. So a page's sidebar is bounded by the depth of the site times a
 * constant, whatever the number of sections; the whole tree lives in one shared file ({@link NavTreeFile}) that the
 * sidebar loads when a reader opens a collapsed entry.
 */
final class NavSlice {
    /** Siblings shown at each level of the way down, and children of the current page. */
    static final int CAP = 15;

    private final Map<String, String> encoded;
    private final Map<String, Integer> index;
    private final Function<String, String> relative;

    /**
     * @param encoded  each navigation entry's path → its percent-encoded form
     * @param index    each navigation entry's path → its index among its parent's children (so finding the way down
     *                 costs the same on a site of 20 sections as on one of 2,000)
     * @param relative a root-relative encoded path → the same URL relative to the current page
     */
    NavSlice(Map<String, String> encoded, Map<String, Integer> index, Function<String, String> relative) {
        this.encoded = encoded;
        this.index = index;
        this.relative = relative;
    }

    /**
     * The slice seen from a page.
     *
     * @param nodes   the top level of the navigation tree
     * @param chain   the paths from the top-level ancestor down to the current page (empty on the home page)
     * @param current the current page's path
     */
    List<Views.NavItem> slice(List<NavNode> nodes, List<String> chain, String current) {
        return level(nodes, "", chain, 0, current);
    }

    private List<Views.NavItem> level(List<NavNode> nodes, String parent, List<String> chain, int depth, String current) {
        String onTheWay = depth < chain.size() ? chain.get(depth) : null;
        int at = onTheWay == null ? -1 : index.getOrDefault(onTheWay, -1);
        int from = 0;
        int to = nodes.size();
        if (nodes.size() > CAP) {
            // Centred on the way down, shifted to stay inside the list.
            from = Math.max(0, Math.min(at < 0 ? 0 : at - CAP / 2, nodes.size() - CAP));
            to = from + CAP;
        }
        List<Views.NavItem> out = new ArrayList<>(to - from + 2);
        if (from > 0) {
            out.add(more(parent, 0, from));
        }
        for (int i = from; i < to; i++) {
            NavNode n = nodes.get(i);
            boolean isCurrent = n.path().equals(current);
            boolean active = i == at && !isCurrent;
            List<Views.NavItem> children = i == at ? level(n.children(), n.path(), chain, depth + 1, current) : List.of();
            boolean lazy = children.isEmpty() && !n.children().isEmpty();
            out.add(new Views.NavItem(n.title(), url(n.path()), isCurrent, active, children, n.path(), lazy, 0, 0));
        }
        if (to < nodes.size()) {
            out.add(more(parent, to, nodes.size() - to));
        }
        return out;
    }

    /** The entry standing for {@code count} hidden siblings from index {@code first}: a link to their parent's page. */
    private Views.NavItem more(String parent, int first, int count) {
        return new Views.NavItem("", url(parent), false, false, List.of(), parent, false, count, first);
    }

    private String url(String path) {
        return relative.apply(path.isEmpty() ? "" : encoded.get(path));
    }
}
