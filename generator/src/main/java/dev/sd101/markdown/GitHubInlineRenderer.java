package dev.sd101.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;

import java.util.Set;

/**
 * Renderings as GitHub's: a table without body rows has no {@code <tbody>}; a bare {@code http://} with no domain
 * after it is text, not an autolink; code spans as
 * CommonMark and GitHub render them: line endings become spaces, one space is stripped from each
 * side only when both sides have one (and the span is not all spaces), and every other space is kept (flexmark
 * collapses and trims them). In a table cell {@code \|} is a pipe, as GFM replaces it before inline parsing.
 */
final class GitHubInlineRenderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(Code.class, GitHubInlineRenderer::render),
                new NodeRenderingHandler<>(TableBody.class, GitHubInlineRenderer::render),
                new NodeRenderingHandler<>(AutoLink.class, GitHubInlineRenderer::render));
    }

    private static void render(Code node, NodeRendererContext context, HtmlWriter html) {
        html.srcPos(node.getText()).withAttr().tag("code");
        html.text(content(node.getText().toString(), inTable(node)));
        html.tag("/code");
    }

    private static void render(TableBody node, NodeRendererContext context, HtmlWriter html) {
        if (node.hasChildren()) {
            html.withAttr().withCondIndent().tagLine("tbody", () -> context.renderChildren(node));
        }
    }

    private static void render(AutoLink node, NodeRendererContext context, HtmlWriter html) {
        // GFM's extended autolinks need a domain; <http://> in angle brackets is a CommonMark autolink as written.
        if (node.getOpeningMarker().isEmpty() && NO_DOMAIN.matcher(node.getText()).matches()) {
            html.text(node.getText().toString());
        } else {
            context.delegateRender();
        }
    }

    private static final java.util.regex.Pattern NO_DOMAIN = java.util.regex.Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[/?#]*");

    static String content(String raw, boolean inTable) {
        String text = raw.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        if (inTable) {
            text = text.replace("\\|", "|");
        }
        if (text.length() >= 2 && text.charAt(0) == ' ' && text.charAt(text.length() - 1) == ' '
                && text.chars().anyMatch(c -> c != ' ')) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static boolean inTable(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TableCell) {
                return true;
            }
        }
        return false;
    }
}
