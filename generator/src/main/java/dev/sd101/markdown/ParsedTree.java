package dev.sd101.markdown;

import com.vladsch.flexmark.util.ast.Node;

import java.util.List;

/** The flexmark tree of a document, kept opaque so that flexmark stays inside this package. */
public final class ParsedTree {
    final com.vladsch.flexmark.util.ast.Document root;
    final List<Node> blocks;

    ParsedTree(com.vladsch.flexmark.util.ast.Document root, List<Node> blocks) {
        this.root = root;
        this.blocks = List.copyOf(blocks);
    }
}
