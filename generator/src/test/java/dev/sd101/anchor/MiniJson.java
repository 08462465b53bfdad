package dev.sd101.anchor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough JSON for test fixtures: an array of objects whose values are strings. */
final class MiniJson {
    private final String s;
    private int i;

    private MiniJson(String s) {
        this.s = s;
    }

    static List<Map<String, String>> parseArrayOfStringObjects(String json) {
        MiniJson p = new MiniJson(json);
        List<Map<String, String>> out = new ArrayList<>();
        p.expect('[');
        if (p.peek() == ']') {
            p.i++;
            return out;
        }
        do {
            out.add(p.object());
        } while (p.comma());
        p.expect(']');
        p.ws();
        if (p.i != json.length()) {
            throw new IllegalArgumentException("trailing content at " + p.i);
        }
        return out;
    }

    private Map<String, String> object() {
        Map<String, String> m = new LinkedHashMap<>();
        expect('{');
        if (peek() == '}') {
            i++;
            return m;
        }
        do {
            String k = string();
            expect(':');
            m.put(k, string());
        } while (comma());
        expect('}');
        return m;
    }

    private boolean comma() {
        if (peek() == ',') {
            i++;
            return true;
        }
        return false;
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u': b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                default: throw new IllegalArgumentException("bad escape \\" + e + " at " + i);
            }
        }
    }

    private char peek() {
        ws();
        return s.charAt(i);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + i + ", found '" + s.charAt(i) + "'");
        }
        i++;
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }
}
