package dev.sd101.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a {@code .gen} file of the bad-input corpus into the bytes of a source, so that a 10 MB case is
 * a one-line file in the repository. One instruction per line; {@code #} starts a comment:
 * <pre>
 * "text"                    the text once
 * repeat N "text"           the text N times
 * ramp N "unit" "tail"      N lines: unit repeated 0, 1, …, N-1 times, then tail
 * </pre>
 * Strings take backslash escapes n, r, t, 0, backslash and quote, xHH (one raw byte, to write invalid
 * UTF-8) and u{H…} (a code point, as UTF-8).
 */
final class Recipe {
    private Recipe() {
    }

    static byte[] expand(String recipe) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lineNo = 0;
        for (String line : recipe.split("\n", -1)) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            List<String> words = words(l, lineNo);
            switch (words.get(0)) {
                case "repeat" -> {
                    byte[] unit = bytes(words.get(2), lineNo);
                    for (int i = Integer.parseInt(words.get(1)); i > 0; i--) {
                        out.writeBytes(unit);
                    }
                }
                case "ramp" -> {
                    byte[] unit = bytes(words.get(2), lineNo);
                    byte[] tail = bytes(words.get(3), lineNo);
                    int n = Integer.parseInt(words.get(1));
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < i; j++) {
                            out.writeBytes(unit);
                        }
                        out.writeBytes(tail);
                    }
                }
                default -> out.writeBytes(bytes(words.get(0), lineNo));
            }
        }
        return out.toByteArray();
    }

    /** Splits a line into bare words and quoted strings (kept with their quotes). */
    private static List<String> words(String line, int lineNo) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                int j = i + 1;
                while (j < line.length() && line.charAt(j) != '"') {
                    j += line.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= line.length()) {
                    throw new IllegalArgumentException("recipe line " + lineNo + ": unclosed string");
                }
                out.add(line.substring(i, j + 1));
                i = j + 1;
            } else {
                int j = line.indexOf(' ', i);
                j = j < 0 ? line.length() : j;
                out.add(line.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    private static byte[] bytes(String quoted, int lineNo) {
        if (!quoted.startsWith("\"")) {
            throw new IllegalArgumentException("recipe line " + lineNo + ": expected a \"string\", not " + quoted);
        }
        String s = quoted.substring(1, quoted.length() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c != '\\') {
                int cp = s.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
                continue;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i, i + 2), 16));
                    i += 2;
                }
                case 'u' -> {
                    int close = s.indexOf('}', i);
                    int cp = Integer.parseInt(s.substring(i + 1, close), 16);
                    out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                    i = close + 1;
                }
                default -> out.write(e);
            }
        }
        return out.toByteArray();
    }
}
