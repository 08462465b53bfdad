package dev.sd101.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GitHub's alerts, a step after parsing: block quotes become {@link AlertBlock}s by github.com's rules
 * (as rehype-github-alert, written against github.com, documents them). Only a block quote at the top of the
 * document (alerts do not nest in lists or quotes); its first paragraph starts with {@code [!NOTE]},
 * {@code [!TIP]}, {@code [!IMPORTANT]}, {@code [!WARNING]} or {@code [!CAUTION]}, in any case; the marker
 * is alone on its line (text after it on the same line leaves a plain quote); something must follow it
 * (the rest of the paragraph after a line break, or another block), else the quote stays a quote.
 */
final class Alerts {
    /** The five kinds, each with its title and GitHub's octicon. */
    enum Kind {
        NOTE("Note"), TIP("Tip"), IMPORTANT("Important"), WARNING("Warning"), CAUTION("Caution");

        final String title;

        Kind(String title) {
            this.title = title;
        }

        String cssName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Alerts() {
    }

    static void apply(com.vladsch.flexmark.util.ast.Document root) {
        List<BlockQuote> quotes = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof BlockQuote q) {
                quotes.add(q);
            }
        }
        for (BlockQuote q : quotes) {
            convert(q);
        }
    }

    private static void convert(BlockQuote quote) {
        if (!(quote.getFirstChild() instanceof Paragraph head)) {
            return;
        }
        // flexmark reads "[!NOTE]" as a reference to an undefined label (or as text nodes): either is the marker.
        StringBuilder text = new StringBuilder();
        Node after = head.getFirstChild();
        List<Node> markerNodes = new ArrayList<>();
        while ((after instanceof Text || after instanceof LinkRef r && !r.isDefined()) && text.indexOf("]") < 0) {
            text.append(after.getChars());
            markerNodes.add(after);
            after = after.getNext();
        }
        String t = text.toString();
        int end = t.indexOf(']');
        if (!t.startsWith("[!") || end < 0 || end != t.length() - 1) {
            return;
        }
        Kind kind = kindOf(t.substring(2, end));
        if (kind == null) {
            return;
        }
        if (after == null) {
            // The paragraph is the marker alone: the alert's content is the blocks that follow.
            if (head.getNext() == null) {
                return;
            }
            head.unlink();
        } else if (after instanceof SoftLineBreak || after instanceof HardLineBreak) {
            if (after.getNext() == null) {
                return;
            }
            markerNodes.forEach(Node::unlink);
            after.unlink();
        } else {
            return;
        }
        AlertBlock alert = new AlertBlock(quote.getChars(), kind);
        alert.takeChildren(quote);
        quote.insertBefore(alert);
        quote.unlink();
    }

    private static Kind kindOf(String name) {
        for (Kind k : Kind.values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }
}
