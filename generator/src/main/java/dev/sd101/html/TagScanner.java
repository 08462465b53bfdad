package dev.sd101.html;

import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The start tags of an HTML text and their attributes, read as the HTML tokenizer reads them, without building a
 * tree: the parser needs only the links and anchors of the raw HTML in Markdown, the site check only the ids and
 * links of each page, and a Jsoup parse for either was most of their cost. It follows the tokenizer's rules for
 * what is markup: comments, doctypes and bogus comments are skipped; the content of {@code script}, {@code style},
 * {@code textarea}, {@code title}, {@code xmp}, {@code iframe}, {@code noembed} and {@code noframes} is text up to
 * its end tag, and everything after {@code <plaintext>} is text; attribute names are lower-cased, the first of
 * duplicate attributes wins, values are character-reference decoded as in an attribute; a tag cut off by the end
 * of the text is dropped; {@code <image>} is {@code <img>}. Equivalence with Jsoup's parse is tested.
 */
public final class TagScanner {
    /** One start tag while it is visited; the scanner reuses it for the next, so copy what must be kept. */
    public interface Tag {
        /** The tag name, lower case. */
        String name();

        /** Offset of the tag's {@code <} in the text. */
        int start();

        /** The number of attributes (duplicates dropped). */
        int size();

        /** The {@code i}th attribute's name, lower case. */
        String attributeName(int i);

        /** The {@code i}th attribute's value, character references decoded; empty when it has none. */
        String attributeValue(int i);

        /** Offset of the {@code i}th attribute's name. */
        int attributeStart(int i);

        /** Offset of the {@code i}th attribute's value as written (inside its quotes); {@code -1} when it has none. */
        int valueStart(int i);

        /** Offset just past the {@code i}th attribute's value as written; {@code -1} when it has none. */
        int valueEnd(int i);

        /** The value of the attribute {@code name}, or {@code null} when the tag has none. */
        String get(String name);

        /** The index of the attribute {@code name}, or {@code -1}. */
        int indexOf(String name);
    }

    /** Receives each start tag. */
    public interface Visitor {
        void tag(Tag tag);
    }

    private final String html;
    private final int n;
    private int pos;
    private final Current current = new Current();

    private TagScanner(String html) {
        this.html = html;
        this.n = html.length();
    }

    public static void scan(String html, Visitor visitor) {
        new TagScanner(html).run(visitor);
    }

    /** The tag being visited: lists and offsets reused from tag to tag. */
    private static final class Current implements Tag {
        String name;
        int start;
        final List<String> names = new ArrayList<>();
        final List<String> values = new ArrayList<>();
        /** Per attribute: name start, value start, value end. */
        int[] offsets = new int[24];

        void clear() {
            names.clear();
            values.clear();
        }

        void add(String attribute, String value, int nameStart, int valueStart, int valueEnd) {
            if (names.contains(attribute)) {
                return;
            }
            int i = names.size() * 3;
            if (i + 3 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[i] = nameStart;
            offsets[i + 1] = valueStart;
            offsets[i + 2] = valueEnd;
            names.add(attribute);
            values.add(value);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int start() {
            return start;
        }

        @Override
        public int size() {
            return names.size();
        }

        @Override
        public String attributeName(int i) {
            return names.get(i);
        }

        @Override
        public String attributeValue(int i) {
            return values.get(i);
        }

        @Override
        public int attributeStart(int i) {
            return offsets[3 * i];
        }

        @Override
        public int valueStart(int i) {
            return offsets[3 * i + 1];
        }

        @Override
        public int valueEnd(int i) {
            return offsets[3 * i + 2];
        }

        @Override
        public String get(String attribute) {
            int i = names.indexOf(attribute);
            return i < 0 ? null : values.get(i);
        }

        @Override
        public int indexOf(String attribute) {
            return names.indexOf(attribute);
        }
    }

    private void run(Visitor visitor) {
        while (true) {
            int lt = html.indexOf('<', pos);
            if (lt < 0 || lt + 1 >= n) {
                return;
            }
            pos = lt + 1;
            char c = html.charAt(pos);
            if (isAsciiLetter(c)) {
                String name = tagName();
                if (!attributes()) {
                    return; // end of file inside the tag: the tokenizer drops it
                }
                if (name.equals("image")) {
                    name = "img";
                }
                current.name = name;
                current.start = lt;
                visitor.tag(current);
                switch (name) {
                    case "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes" -> skipText(name);
                    case "plaintext" -> {
                        return;
                    }
                    default -> {
                    }
                }
            } else if (c == '/') {
                pos++;
                if (pos < n && isAsciiLetter(html.charAt(pos))) {
                    tagName();
                    if (!attributes()) {
                        return;
                    }
                } else {
                    skipPast('>'); // "</>" or a bogus comment
                }
            } else if (c == '!') {
                if (html.startsWith("!--", pos)) {
                    comment();
                } else {
                    skipPast('>'); // a doctype, or a bogus comment
                }
            } else if (c == '?') {
                skipPast('>');
            }
            // Anything else: the "<" was text.
        }
    }

    private String tagName() {
        int start = pos;
        while (pos < n && !isSpace(html.charAt(pos)) && html.charAt(pos) != '/' && html.charAt(pos) != '>') {
            pos++;
        }
        return html.substring(start, pos).toLowerCase(Locale.ROOT);
    }

    /** Reads attributes up to the tag's {@code >}; {@code false} when the file ends first. */
    private boolean attributes() {
        current.clear();
        while (true) {
            while (pos < n && (isSpace(html.charAt(pos)) || html.charAt(pos) == '/')) {
                pos++;
            }
            if (pos >= n) {
                return false;
            }
            if (html.charAt(pos) == '>') {
                pos++;
                return true;
            }
            int start = pos++; // a name may start with "=" (a parse error the tokenizer keeps)
            while (pos < n && !isSpace(html.charAt(pos)) && "/>=".indexOf(html.charAt(pos)) < 0) {
                pos++;
            }
            String name = html.substring(start, pos).toLowerCase(Locale.ROOT);
            int afterName = pos;
            while (pos < n && isSpace(html.charAt(pos))) {
                pos++;
            }
            String value = "";
            int vs = -1;
            int ve = -1;
            if (pos < n && html.charAt(pos) == '=') {
                pos++;
                while (pos < n && isSpace(html.charAt(pos))) {
                    pos++;
                }
                if (pos >= n) {
                    return false;
                }
                char q = html.charAt(pos);
                if (q == '"' || q == '\'') {
                    int end = html.indexOf(q, pos + 1);
                    if (end < 0) {
                        return false;
                    }
                    vs = pos + 1;
                    ve = end;
                    pos = end + 1;
                } else {
                    vs = pos;
                    while (pos < n && !isSpace(html.charAt(pos)) && html.charAt(pos) != '>') {
                        pos++;
                    }
                    ve = pos;
                }
                value = html.substring(vs, ve);
                if (value.indexOf('&') >= 0) {
                    value = Parser.unescapeEntities(value, true);
                }
            } else {
                pos = afterName;
            }
            current.add(name, value, start, vs, ve);
        }
    }

    /** Skips text up to the element's end tag ({@code </name} then a space, {@code /} or {@code >}), any case. */
    private void skipText(String name) {
        while (true) {
            int at = html.indexOf("</", pos);
            if (at < 0) {
                pos = n;
                return;
            }
            int after = at + 2 + name.length();
            if (html.regionMatches(true, at + 2, name, 0, name.length())
                    && (after >= n || isSpace(html.charAt(after)) || html.charAt(after) == '/' || html.charAt(after) == '>')) {
                pos = at;
                return;
            }
            pos = at + 2;
        }
    }

    private void comment() {
        pos += 3; // "!--"
        if (html.startsWith(">", pos)) { // "<!-->"
            pos++;
            return;
        }
        if (html.startsWith("->", pos)) { // "<!--->"
            pos += 2;
            return;
        }
        int end = html.indexOf("-->", pos);
        int bang = html.indexOf("--!>", pos);
        if (bang >= 0 && (end < 0 || bang < end)) {
            pos = bang + 4;
        } else {
            pos = end < 0 ? n : end + 3;
        }
    }

    private void skipPast(char c) {
        int at = html.indexOf(c, pos);
        pos = at < 0 ? n : at + 1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
