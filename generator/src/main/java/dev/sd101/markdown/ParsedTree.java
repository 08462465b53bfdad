package dev.sd101.markdown;

import com.vladsch.flexmark.util.ast.Node;

import java.util.List;

/**
 * The flexmark tree of a document, kept opaque so that flexmark stays inside this package. The HTML of
 * its blocks is rendered once, on first use, and kept: every page of a split document reads from it.
 */
public final class ParsedTree {
    final com.vladsch.flexmark.util.ast.Document root;
    final List<Node> blocks;
    private String[] blockHtml;

    synchronized String[] blockHtml(java.util.function.Supplier<String[]> render) {
        if (blockHtml == null) {
            blockHtml = render.get();
        }
        return blockHtml;
    }

    ParsedTree(com.vladsch.flexmark.util.ast.Document root, List<Node> blocks) {
        this.root = root;
        this.blocks = List.copyOf(blocks);
    }
}
