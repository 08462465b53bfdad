package dev.sd101.site;

import java.util.List;

/**
 * A node of the navigation tree.
 *
 * @param path     the page's path
 * @param title    the page's title
 * @param children sub-pages in reading order
 */
public record NavNode(String path, String title, List<NavNode> children) {
    public NavNode {
        children = List.copyOf(children);
    }
}
