package dev.sd101.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
import java.util.List;

/**
 * GFM's extent of an extended autolink, applied to the links flexmark's autolink extension found: the link runs to
 * the next space or {@code <}, then loses trailing punctuation ({@code ?!.,:*_~'"}), a {@code )} only while the link
 * has more {@code )} than {@code (}, and an entity-like {@code &name;} at its end (cmark-gfm's
 * {@code autolink_delim}). So {@code www.google.com/search?q=(business))+ok} is one link, and
 * {@code www.example.com/a&hl;} leaves {@code &hl;} out. An address followed by {@code -} or {@code _} is no
 * e-mail link at all.
 */
final class GfmAutolinks {
    private GfmAutolinks() {
    }

    static void adjust(com.vladsch.flexmark.util.ast.Document root) {
        List<Node> links = new ArrayList<>();
        for (Node n : root.getDescendants()) {
            if (n instanceof AutoLink a && a.getOpeningMarker().isEmpty() || n instanceof MailLink m && m.getOpeningMarker().isEmpty()) {
                links.add(n);
            }
        }
        for (Node n : links) {
            if (n instanceof AutoLink a) {
                extend(a);
            } else {
                unlinkIfCut((MailLink) n);
            }
        }
    }

    private static void extend(AutoLink link) {
        BasedSequence chars = link.getChars();
        BasedSequence base = chars.getBaseSequence();
        int start = chars.getStartOffset();
        int end = chars.getEndOffset();
        Node next = link.getNext();
        int runEnd = end;
        if (next instanceof Text t && t.getStartOffset() == end) {
            while (runEnd < t.getEndOffset() && !Character.isWhitespace(base.charAt(runEnd)) && base.charAt(runEnd) != '<') {
                runEnd++;
            }
        }
        int newEnd = trim(base, start, runEnd);
        if (newEnd == end || newEnd <= start) {
            return;
        }
        BasedSequence text = base.subSequence(start, newEnd);
        link.setText(text);
        link.setUrlChars(text);
        link.setChars(text);
        if (link.getFirstChild() instanceof Text inner) {
            inner.setChars(text);
        }
        if (newEnd > end) {
            Text t = (Text) next;
            if (newEnd >= t.getEndOffset()) {
                t.unlink();
            } else {
                t.setChars(base.subSequence(newEnd, t.getEndOffset()));
            }
        } else {
            link.insertAfter(new Text(base.subSequence(newEnd, end)));
        }
    }

    /** The end of the link that starts at {@code start} and runs to {@code end}, without its trailing delimiters. */
    static int trim(BasedSequence s, int start, int end) {
        while (end > start) {
            char c = s.charAt(end - 1);
            if ("?!.,:*_~'\"".indexOf(c) >= 0) {
                end--;
            } else if (c == ')') {
                int open = 0;
                int close = 0;
                for (int i = start; i < end; i++) {
                    open += s.charAt(i) == '(' ? 1 : 0;
                    close += s.charAt(i) == ')' ? 1 : 0;
                }
                if (close <= open) {
                    return end;
                }
                end--;
            } else if (c == ';') {
                int i = end - 2;
                while (i >= start && Character.isLetterOrDigit(s.charAt(i))) {
                    i--;
                }
                end = i >= start && s.charAt(i) == '&' ? i : end - 1;
            } else {
                return end;
            }
        }
        return end;
    }

    private static void unlinkIfCut(MailLink link) {
        BasedSequence chars = link.getChars();
        int end = chars.getEndOffset();
        BasedSequence base = chars.getBaseSequence();
        if (end < base.length() && (base.charAt(end) == '-' || base.charAt(end) == '_')) {
            link.insertBefore(new Text(chars));
            link.unlink();
        }
    }
}
