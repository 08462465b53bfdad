package dev.sd101.render;

import dev.sd101.site.NavNode;
import dev.sd101.web.Json;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The whole navigation tree of a large site as one shared file, {@value #PATH} at the site root, which the sidebar
 * fetches once when a reader opens an entry its page does not carry. Written once instead of on every page, so the
 * output stays linear in pages (mdBook moved its sidebar into one shared file for the same reason).
 *
 * <p>Format: {@code {"nodes":[node…]}}, a node being {@code [title, path]} or {@code [title, path, [node…]]}; paths
 * relative to the site root, as pages have them, not encoded.
 */
public final class NavTreeFile {
    /** Where the file is published, relative to the site root. */
    public static final String PATH = "nav.json";

    private NavTreeFile() {
    }

    /** The file's bytes for the tree's top level. */
    static byte[] of(List<NavNode> nodes) {
        StringBuilder json = new StringBuilder(nodes.size() * 96 + 16).append("{\"nodes\":");
        append(json, nodes);
        return json.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder json, List<NavNode> nodes) {
        json.append('[');
        for (int i = 0; i < nodes.size(); i++) {
            NavNode n = nodes.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append('[');
            Json.string(json, n.title()).append(',');
            Json.string(json, n.path());
            if (!n.children().isEmpty()) {
                json.append(',');
                append(json, n.children());
            }
            json.append(']');
        }
        json.append(']');
    }
}
