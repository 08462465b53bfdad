package dev.sd101.markdown;

import com.vladsch.flexmark.util.ast.Node;
import dev.sd101.BuildException;
import dev.sd101.content.Source;

/**
 * Limits that keep flexmark inside a thread's stack. flexmark recurses once per nesting level while it
 * parses (block quotes, lists), while it renders (every node), and inside {@code java.util.regex} while it
 * tries a thematic break on a long run of {@code -}, {@code *} or {@code _}. With a 1 MB stack it fails
 * past about 950 nested quotes, 400 nested lists, 2,400 nested emphases or 1,900 rule characters in a
 * row, with a {@link StackOverflowError} and no place in the file. No real document comes near
 * these limits; a hostile or broken one gets an error naming the file and line instead.
 */
final class NestingGuard {
    /** Block quotes and list items opened on one line (or implied by its indentation). */
    static final int MAX_CONTAINERS = 100;
    /** Characters in a run of {@code -}, {@code *}, {@code _} and blanks where a block may start. */
    static final int MAX_RULE_RUN = 1000;
    /** Levels of the parsed tree: what rendering recurses over (blocks and inlines alike). */
    static final int MAX_DEPTH = 256;

    private NestingGuard() {
    }

    /** Checks each line before flexmark sees it; linear in the text, so a 10 MB line costs one pass. */
    static void checkLines(Source source) {
        String text = source.text();
        int n = text.length();
        int line = 1;
        for (int start = 0; start <= n; line++) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            checkLine(source, text, start, end, line);
            if (end >= n) {
                break;
            }
            start = end + (text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n' ? 2 : 1);
        }
    }

    private static void checkLine(Source source, String text, int start, int end, int line) {
        int i = start;
        int indent = 0;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            indent += text.charAt(i) == '\t' ? 4 : 1;
            i++;
        }
        int markers = 0;
        while (i < end) {
            char c = text.charAt(i);
            int next;
            if (c == '>') {
                next = i + 1;
            } else if ((c == '-' || c == '*' || c == '+') && blankOrEnd(text, i + 1, end)) {
                next = i + 1;
            } else if (c >= '0' && c <= '9') {
                int d = i;
                while (d < end && d - i < 9 && text.charAt(d) >= '0' && text.charAt(d) <= '9') {
                    d++;
                }
                if (d < end && (text.charAt(d) == '.' || text.charAt(d) == ')') && blankOrEnd(text, d + 1, end)) {
                    next = d + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
            markers++;
            i = next;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
        }
        // Nested lists are also opened by indentation alone: each level needs at least two columns.
        int containers = markers + (markers > 0 ? indent / 2 : 0);
        if (containers > MAX_CONTAINERS) {
            throw BuildException.at(source.displayPath(), line, "block quotes and lists nested " + containers
                    + " levels deep; the limit is " + MAX_CONTAINERS);
        }
        int run = 0;
        while (i < end && "-*_ \t".indexOf(text.charAt(i)) >= 0) {
            run++;
            i++;
        }
        if (run > MAX_RULE_RUN) {
            throw BuildException.at(source.displayPath(), line, run + " rule characters (-, *, _) in a row; the"
                    + " Markdown parser cannot read more than " + MAX_RULE_RUN + ": shorten the line");
        }
    }

    private static boolean blankOrEnd(String text, int i, int end) {
        return i >= end || text.charAt(i) == ' ' || text.charAt(i) == '\t';
    }

    /** Checks the depth of the parsed tree without recursing, naming the line of the first node too deep. */
    static void checkTree(Node root, Source source) {
        int depth = 0;
        Node n = root.getFirstChild();
        if (n == null) {
            return;
        }
        depth = 1;
        while (n != null) {
            if (depth > MAX_DEPTH) {
                throw BuildException.at(source.displayPath(), source.line(n.getStartOffset()), "elements nested "
                        + depth + " levels deep (lists, quotes, emphasis, links); the limit is " + MAX_DEPTH);
            }
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                depth++;
                continue;
            }
            while (n != null && n != root && n.getNext() == null) {
                n = n.getParent();
                depth--;
            }
            n = n == null || n == root ? null : n.getNext();
        }
    }

    /** The error for a stack overflow the checks above did not foresee. */
    static BuildException overflow(Source source, String stage) {
        return BuildException.at(source.displayPath(), 0, "too deeply nested for the Markdown " + stage
                + " (a stack overflow); simplify the nesting of lists, quotes, emphasis or links");
    }
}
