package dev.sd101.markdown;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import java.util.Set;

/**
 * Renders a document's blocks in order, each preceded by a marker, so the HTML can be cut into blocks; then each
 * referenced footnote, also after a marker, so that each page lists the notes its own blocks reference.
 */
final class BlockMarkingRenderer implements NodeRenderer {
    private final String marker;

    BlockMarkingRenderer(String marker) {
        this.marker = marker;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(Document.class, this::render));
    }

    private void render(Document document, NodeRendererContext context, HtmlWriter html) {
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            html.line().raw(marker).line();
            context.render(block);
        }
        Footnotes notes = GitHubExtras.FOOTNOTES.get(document);
        if (notes != null) {
            String own = GitHubExtras.OWN_ATTRIBUTE.get(context.getOptions());
            for (com.vladsch.flexmark.ext.footnotes.FootnoteBlock note : notes.notes()) {
                html.line().raw(marker).line();
                ExtrasRenderer.renderNote(note, notes, own, context, html);
            }
        }
    }
}
