package dev.sd101.markdown;

import com.vladsch.flexmark.util.ast.Node;
import dev.sd101.BuildException;
import dev.sd101.content.Source;

/**
 * Limits that keep flexmark inside a thread's stack and a reasonable time. flexmark recurses once per nesting level while it
 * parses (block quotes, lists), while it renders (every node), and inside {@code java.util.regex} while it
 * tries a thematic break on a long run of {@code -}, {@code *} or {@code _}. With a 1 MB stack it fails
 * past about 950 nested quotes, 400 nested lists, 2,400 nested emphases, 1,900 rule characters in a
 * row or 1,000 table columns, with a {@link StackOverflowError} and no place in the file. No real document comes near
 * these limits; a hostile or broken one gets an error naming the file and line instead.
 *
 * <p>Time: for every regex match inside a paragraph (a link's {@code ](}, a tag, an entity, a code span)
 * flexmark copies the paragraph's remaining text ({@code Matcher.toMatchResult}), so a paragraph costs
 * matches × length: 10,000 links in one 120 kB paragraph take 5.5 s, 100,000 take minutes.
 */
final class ParserLimits {
    /** Block quotes and list items opened on one line (or implied by its indentation). */
    static final int MAX_CONTAINERS = 100;
    /** Characters in a run of {@code -}, {@code *}, {@code _} and blanks where a block may start. */
    static final int MAX_RULE_RUN = 1000;
    /** Columns of a table's delimiter row ({@code |---|---|}), which flexmark matches with a recursive regex. */
    static final int MAX_TABLE_COLUMNS = 256;
    /** Inline regex matches × characters in one paragraph: about 5 s of parsing at the limit. */
    static final long MAX_INLINE_WORK = 1_000_000_000L;
    /** Levels of the parsed tree: what rendering recurses over (blocks and inlines alike). */
    static final int MAX_DEPTH = 256;

    private ParserLimits() {
    }

    /** Checks each line before flexmark sees it; linear in the text, so a 10 MB line costs one pass. */
    static void checkLines(Source source) {
        String text = source.text();
        int n = text.length();
        int line = 1;
        Paragraph paragraph = new Paragraph(source);
        for (int start = 0; start <= n; line++) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            checkLine(source, text, start, end, line);
            paragraph.add(text, start, end, line);
            if (end >= n) {
                paragraph.end();
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
        int pipes = 0;
        boolean delimiterRow = true;
        for (int j = i; j < end && delimiterRow; j++) {
            char c = text.charAt(j);
            pipes += c == '|' ? 1 : 0;
            delimiterRow = "|-: \t".indexOf(c) >= 0;
        }
        if (delimiterRow && pipes - 1 > MAX_TABLE_COLUMNS) {
            throw BuildException.at(source.displayPath(), line, "a table with " + (pipes - 1) + " columns; the"
                    + " Markdown parser cannot read more than " + MAX_TABLE_COLUMNS);
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

    /**
     * Lines that flexmark parses inline as one unit, approximately: a run of lines not broken by a blank
     * line or a line that opens a block (list item, quote, heading, table row); fenced code is skipped.
     */
    private static final class Paragraph {
        private final Source source;
        private boolean inFence;
        private boolean inHtml;
        private int firstLine;
        private long length;
        private long matches;
        private int open;

        Paragraph(Source source) {
            this.source = source;
        }

        void add(String text, int start, int end, int line) {
            int i = start;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (text.startsWith("```", i) || text.startsWith("~~~", i)) {
                end();
                inFence = !inFence;
                return;
            }
            if (inFence) {
                return;
            }
            char c = i < end ? text.charAt(i) : '\n';
            if (c == '\n') {
                end();
                inHtml = false;
                return;
            }
            if (c == '#' || c == '>' || c == '|' || ((c == '-' || c == '*' || c == '+') && blankOrEnd(text, i + 1, end))
                    || (c >= '0' && c <= '9')) {
                end();
            }
            if (length == 0 && c == '<') {
                inHtml = true; // an HTML block, up to the next blank line: not parsed inline
            }
            if (inHtml) {
                return;
            }
            if (length == 0) {
                firstLine = line;
            }
            length += end - start + 1;
            for (int j = i; j < end; j++) {
                char x = text.charAt(j);
                if (x == '<' || x == '&' || x == '`' || (x == ']' && j + 1 < end && text.charAt(j + 1) == '(')) {
                    matches++;
                }
            }
            emphasis(text, i, end, line);
        }

        /**
         * Emphasis opened and not yet closed, counted before flexmark sees it: flexmark's parse walks the tree
         * recursively too, so a deep enough nest overflows the stack before {@link #checkTree} can name a line,
         * and how deep is enough depends on how much of the parser is compiled yet. A run of {@code *} or
         * {@code _} that can only open (CommonMark's left-flanking, not right-flanking) adds its length, one that
         * can only close takes it away: an upper bound of the emphasis levels, exact for the usual nest.
         */
        private void emphasis(String text, int from, int end, int line) {
            for (int j = from; j < end; ) {
                char x = text.charAt(j);
                if (x != '*' && x != '_') {
                    j++;
                    continue;
                }
                int run = j;
                while (run < end && text.charAt(run) == x) {
                    run++;
                }
                char before = j > from ? text.charAt(j - 1) : ' ';
                char after = run < end ? text.charAt(run) : ' ';
                boolean left = !Character.isWhitespace(after) && (!punctuation(after) || Character.isWhitespace(before) || punctuation(before));
                boolean right = !Character.isWhitespace(before) && (!punctuation(before) || Character.isWhitespace(after) || punctuation(after));
                if (left && !right) {
                    open += run - j;
                    if (open > MAX_DEPTH) {
                        throw BuildException.at(source.displayPath(), line, "emphasis nested " + open
                                + " levels deep (lists, quotes, emphasis, links); the limit is " + MAX_DEPTH);
                    }
                } else if (right && !left) {
                    open = Math.max(0, open - (run - j));
                }
                j = run;
            }
        }

        private static boolean punctuation(char c) {
            return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
        }

        void end() {
            if (matches * length > MAX_INLINE_WORK) {
                throw BuildException.at(source.displayPath(), firstLine, "a paragraph of " + length + " characters with "
                        + matches + " links, tags, entities or code spans: too slow for the Markdown parser (whose time"
                        + " grows with their product); split it with blank lines");
            }
            length = 0;
            matches = 0;
            open = 0;
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
    static BuildException overflow(Source source, String stage, StackOverflowError cause) {
        return new BuildException(source.displayPath() + ": too deeply nested for the Markdown " + stage
                + " (a stack overflow); simplify the nesting of lists, quotes, emphasis or links", cause);
    }
}
