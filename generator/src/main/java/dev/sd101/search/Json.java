package dev.sd101.search;

import java.util.List;

/** The few bits of JSON output the index needs, so no JSON library is pulled in for writing flat objects. */
final class Json {
    private Json() {
    }

    /** Appends {@code s} as a JSON string. {@code <}, {@code >}, {@code &} are escaped too, so the JSON is inert
     *  even if someone inlines it into HTML. */
    static StringBuilder string(StringBuilder out, String s) {
        return dev.sd101.render.Json.string(out, s);
    }

    static StringBuilder strings(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values.get(i));
        }
        return out.append(']');
    }
}
