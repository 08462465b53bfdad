package dev.sd101.link;

import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The start tags of an HTML page and their attributes, read as the HTML tokenizer reads them, without building a
 * tree: the site check needs only ids and link attributes, and a full parse of every page was a fifth of a large
 * build. It follows the tokenizer's rules for what is markup: comments, doctypes and bogus comments are skipped;
 * the content of {@code script}, {@code style}, {@code textarea}, {@code title}, {@code xmp}, {@code iframe},
 * {@code noembed} and {@code noframes} is text up to its end tag, and everything after {@code <plaintext>} is text;
 * attribute names are lower-cased, the first of duplicate attributes wins, values are character-reference decoded
 * as in an attribute; a tag cut off by the end of the file is dropped; {@code <image>} is {@code <img>}.
 * Equivalence with Jsoup's parse on generated pages is tested.
 */
final class TagScanner {
    /** Receives each start tag; the attribute lists are reused, copy what must be kept. */
    interface Visitor {
        void tag(String name, List<String> names, List<String> values);
    }

    private final String html;
    private final int n;
    private int pos;
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    private TagScanner(String html) {
        this.html = html;
        this.n = html.length();
    }

    static void scan(String html, Visitor visitor) {
        new TagScanner(html).run(visitor);
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
                visitor.tag(name, names, values);
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
        names.clear();
        values.clear();
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
                    value = html.substring(pos + 1, end);
                    pos = end + 1;
                } else {
                    int vs = pos;
                    while (pos < n && !isSpace(html.charAt(pos)) && html.charAt(pos) != '>') {
                        pos++;
                    }
                    value = html.substring(vs, pos);
                }
                if (value.indexOf('&') >= 0) {
                    value = Parser.unescapeEntities(value, true);
                }
            } else {
                pos = afterName;
            }
            if (!names.contains(name)) {
                names.add(name);
                values.add(value);
            }
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
