package dev.sd101.markdown;

import com.vladsch.flexmark.util.ast.Node;

import java.util.List;

/**
 * The flexmark tree of a document, kept opaque so that flexmark stays inside this package. The HTML of
 * its blocks is rendered once, on first use, and kept: every page of a split document reads from it.
 */
public final class ParsedTree {
    // Not final: release() drops them. Guarded by this.
    private com.vladsch.flexmark.util.ast.Document root;
    private List<Node> blocks;
    private String[] blockHtml;
    /** For each referenced footnote in number order, the top-level blocks that reference it. */
    private final int[][] noteBlocks;
    /** Whether the tree or its HTML is held: read without the lock, once per page of every build. */
    private volatile boolean held = true;

    synchronized String[] blockHtml(java.util.function.Supplier<String[]> render) {
        if (blockHtml == null) {
            blockHtml = render.get();
            held = true;
        }
        return blockHtml;
    }

    /**
     * Renders the blocks' HTML now, if not yet, and drops the tree, keeping the HTML: a streamed build holds every
     * document from parse to render, and the HTML is a fraction of the tree's size (flexmark keeps a node and a
     * sequence object per piece of text).
     */
    synchronized void keepOnlyHtml(java.util.function.Supplier<String[]> render) {
        if (blockHtml == null) {
            blockHtml = render.get();
        }
        root = null;
        blocks = null;
    }

    /** The flexmark tree, or {@code null} after {@link #release()} or {@link #keepOnlyHtml}. */
    synchronized com.vladsch.flexmark.util.ast.Document rootOrNull() {
        return root;
    }

    /**
     * Drops the tree and its rendered HTML once every page of the document is written: a 10,000-page site
     * otherwise keeps every flexmark tree (most of a 512 MB heap) to the end of the build. Rendering after
     * this still works (a later build reusing the document, as {@code serve} does): the source is parsed again.
     */
    public synchronized void release() {
        root = null;
        blocks = null;
        blockHtml = null;
        held = false;
    }

    /** Whether there is anything left to {@linkplain #release() release}. */
    public boolean held() {
        return held;
    }

    ParsedTree(com.vladsch.flexmark.util.ast.Document root, List<Node> blocks, int[][] noteBlocks) {
        this.root = root;
        this.blocks = List.copyOf(blocks);
        this.noteBlocks = noteBlocks;
    }

    /** The numbers (from 0) of the footnotes referenced from the top-level blocks {@code [from, to)}, in order. */
    List<Integer> notesIn(int from, int to) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < noteBlocks.length; i++) {
            for (int b : noteBlocks[i]) {
                if (b >= from && b < to) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }

    int noteCount() {
        return noteBlocks.length;
    }
}
