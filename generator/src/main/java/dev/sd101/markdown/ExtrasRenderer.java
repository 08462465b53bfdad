package dev.sd101.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.emoji.Emoji;
import com.vladsch.flexmark.ext.emoji.EmojiImageType;
import com.vladsch.flexmark.ext.emoji.EmojiShortcutType;
import com.vladsch.flexmark.ext.emoji.internal.EmojiResolvedShortcut;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;

import java.util.Set;

/**
 * GitHub's markup for its extras. Alerts as github.com writes them (the icon is added after sanitising, see the
 * render stage); footnote references and task list items as cmark-gfm writes them, with the classes github.com
 * adds ({@code task-list-item}, {@code task-list-item-checkbox}). Every element it writes carries the own-markup
 * attribute.
 */
final class ExtrasRenderer implements NodeRenderer {
    private final String own;
    private final ListOptions listOptions;

    ExtrasRenderer(DataHolder options) {
        own = GitHubExtras.OWN_ATTRIBUTE.get(options);
        listOptions = ListOptions.get(options);
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(AlertBlock.class, this::alert),
                new NodeRenderingHandler<>(Footnote.class, this::reference),
                new NodeRenderingHandler<>(FootnoteBlock.class, (n, c, h) -> { }),
                new NodeRenderingHandler<>(TaskListItem.class, this::taskItem),
                new NodeRenderingHandler<>(Emoji.class, this::emoji));
    }

    /** GitHub's shortcode as its Unicode characters; an unknown code, or one GitHub draws as a picture, stays text. */
    private void emoji(Emoji node, NodeRendererContext context, HtmlWriter html) {
        EmojiResolvedShortcut shortcut = EmojiResolvedShortcut.getEmojiText(node, EmojiShortcutType.GITHUB,
                EmojiImageType.UNICODE_ONLY, "");
        if (shortcut.emoji == null || shortcut.emojiText == null || !shortcut.isUnicode
                || GitHubExtras.EMOJI_AS_SHORTCODES.get(node.getDocument())) {
            html.text(node.getChars().toString());
        } else {
            html.text(EmojiSequence.rebuild(shortcut.emojiText));
        }
    }

    private void alert(AlertBlock node, NodeRendererContext context, HtmlWriter html) {
        Alerts.Kind kind = node.kind();
        html.line();
        html.raw("<div class=\"markdown-alert markdown-alert-" + kind.cssName() + "\" dir=\"auto\" " + own + ">");
        html.raw("<p class=\"markdown-alert-title\" dir=\"auto\" " + own + ">" + kind.title + "</p>").line();
        context.renderChildren(node);
        html.line().raw("</div>").line();
    }

    private void reference(Footnote node, NodeRendererContext context, HtmlWriter html) {
        Footnotes notes = GitHubExtras.FOOTNOTES.get(node.getDocument());
        FootnoteBlock note = node.getFootnoteBlock();
        int number = notes == null || note == null ? 0 : notes.number(note);
        if (number == 0) {
            // Undefined: the text as written, as cmark-gfm leaves it.
            html.text(node.getChars().toString());
            return;
        }
        html.raw("<sup class=\"footnote-ref\" " + own + "><a href=\"#" + attr(Footnotes.noteId(note)) + "\" id=\""
                + attr(Footnotes.refId(note, notes.referenceIndex(node))) + "\" data-footnote-ref " + own + ">"
                + number + "</a></sup>");
    }

    private void taskItem(TaskListItem node, NodeRendererContext context, HtmlWriter html) {
        // Beyond GitHub's markup: the item's text as the box's name, as a form field without one fails WCAG 4.1.2.
        String box = "<input type=\"checkbox\" class=\"task-list-item-checkbox\""
                + (node.isItemDoneMarker() ? " checked=\"\"" : "") + " disabled=\"\" aria-label=\"" + attr(itemText(node))
                + "\" " + own + " /> ";
        html.line().raw("<li class=\"task-list-item\" " + own + ">").raw(box);
        if (listOptions.isTightListItem(node)) {
            context.renderChildren(node);
        } else {
            // cmark-gfm: the box before the item's first paragraph, which flexmark leaves to this renderer to wrap.
            html.line();
            boolean first = true;
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                if (first && c instanceof Paragraph p) {
                    html.raw("<p>");
                    context.renderChildren(p);
                    html.raw("</p>").line();
                    first = false;
                } else {
                    context.render(c);
                }
            }
        }
        html.raw("</li>").line();
    }

    private static String itemText(TaskListItem item) {
        Node first = item.getFirstChild();
        String text = first == null ? "" : new com.vladsch.flexmark.util.ast.TextCollectingVisitor().collectAndGetText(first);
        text = text.strip().replaceAll("\\s+", " ");
        return text.length() > 120 ? text.substring(0, 119) + "…" : text;
    }

    /**
     * One note of the footnotes section: {@code <li id="fn-LABEL">}, its blocks, and a back-link per reference,
     * inside its last paragraph when it ends with one, as cmark-gfm does.
     */
    static void renderNote(FootnoteBlock note, Footnotes notes, String own, NodeRendererContext context, HtmlWriter html) {
        html.raw("<li id=\"" + attr(Footnotes.noteId(note)) + "\" " + own + ">").line();
        StringBuilder back = new StringBuilder();
        for (int i = 0; i < notes.referenceCount(note); i++) {
            back.append(i == 0 ? "" : " ").append("<a href=\"#").append(attr(Footnotes.refId(note, i)))
                    .append("\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\" ")
                    .append(own).append(">↩");
            if (i > 0) {
                back.append("<sup class=\"footnote-ref\" ").append(own).append(">").append(i + 1).append("</sup>");
            }
            back.append("</a>");
        }
        Node last = note.getLastChild();
        for (Node c = note.getFirstChild(); c != null; c = c.getNext()) {
            if (c == last && c instanceof Paragraph p) {
                html.line().raw("<p>");
                context.renderChildren(p);
                html.raw(" ").raw(back).raw("</p>").line();
            } else {
                context.render(c);
            }
        }
        if (!(last instanceof Paragraph)) {
            html.line().raw(back).line();
        }
        html.raw("</li>").line();
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
