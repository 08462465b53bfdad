package dev.sd101.markdown;

import dev.sd101.content.Source;

import java.util.List;
import java.util.Objects;
import java.util.Map;

/**
 * A parsed source: its headings with GitHub ids, its links, its table of contents, and the parsed tree
 * (opaque outside this package) that {@link MarkdownParser#render} turns into HTML block by block.
 *
 * @param source      the source it was parsed from
 * @param headings    every heading in document order, ids unique
 * @param links       every link and image, in document order
 * @param htmlAnchors ids and names given by raw HTML ({@code <a id>}, {@code <a name>}), each with its line, in document order: valid fragment targets
 * @param toc         the entries of the document's own table of contents (empty when it has none)
 * @param blockLines  the 1-based start line of each top-level block
 * @param tree        the parsed tree
 */
public record Document(Source source, List<Heading> headings, List<Link> links, Map<String, Integer> htmlAnchors,
                       List<TocEntry> toc, List<Integer> blockLines, ParsedTree tree) {
    public Document {
        Objects.requireNonNull(source, "source");
        headings = List.copyOf(headings);
        links = List.copyOf(links);
        // In document order: Map.copyOf would iterate in an order that changes from one JVM run to the
        // next, and the anchor map JSON written into the home page iterates this map.
        htmlAnchors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(htmlAnchors));
        toc = List.copyOf(toc);
        blockLines = List.copyOf(blockLines);
        Objects.requireNonNull(tree, "tree");
    }

    /** The number of top-level blocks. */
    public int blockCount() {
        return blockLines.size();
    }

    /** The index of the top-level block that holds a line. */
    public int blockAt(int line) {
        int lo = 0;
        int hi = blockLines.size() - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (blockLines.get(mid) <= line) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Whether {@code id} is a heading id or an HTML anchor of this document, byte for byte. */
    public boolean hasId(String id) {
        return htmlAnchors.containsKey(id) || headings.stream().anyMatch(h -> h.id().equals(id));
    }
}
