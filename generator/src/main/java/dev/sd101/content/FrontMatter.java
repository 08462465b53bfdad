package dev.sd101.content;

import dev.sd101.BuildException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The YAML front matter of a Markdown file: the block between a first line {@code ---} and the next line
 * {@code ---} (or {@code ...}). Known keys are typed and checked; every key, known or not, stays in
 * {@link #params()} for templates, and list-valued keys can be read as taxonomy terms with their lines.
 *
 * @param title       {@code title}, or {@code null}; never blank (a blank title is an error)
 * @param description {@code description}, or {@code null}
 * @param image       {@code image} (a URL or a path relative to the file), or {@code null}
 * @param date        {@code date} or {@code createdAt} (midnight UTC for a plain date), or {@code null}
 * @param draft       {@code draft}
 * @param weight      {@code weight}, {@code order} or {@code sort}, or {@code null}
 * @param slug        {@code slug}: the file's URL name instead of its file name, or {@code null}
 * @param aliases     {@code aliases}: other site paths that redirect to the page
 * @param params      every key in file order with its plain value (lists, maps, text, numbers…)
 * @param entries     every key with its value and line, for typed reads such as {@link #terms}
 * @param file        the file as shown in messages
 * @param line        the line of the opening {@code ---}, or 0 when the file has no front matter
 * @param endOffset   the offset just past the closing line: where the Markdown body starts (0 without)
 */
public record FrontMatter(String title, String description, String image, OffsetDateTime date, boolean draft,
                          Integer weight, String slug, List<String> aliases, Map<String, Object> params,
                          Map<String, YamlTree.Value> entries, String file, int line, int endOffset) {

    /** A term named in a list-valued key, with the line it is written on. */
    public record Named(String name, int line) {
    }

    public FrontMatter {
        aliases = List.copyOf(aliases);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        Objects.requireNonNull(file, "file");
    }

    /** No front matter. */
    public static FrontMatter none(String file) {
        return new FrontMatter(null, null, null, null, false, null, null, List.of(), Map.of(), Map.of(), file, 0, 0);
    }

    /**
     * {@code lang}: the page's language as a BCP 47 tag such as {@code ko} or {@code en-US}, or {@code null}.
     *
     * @throws BuildException naming file:line when it is not text or not a language tag
     */
    public String lang() {
        return lang(entries, file);
    }

    private static String lang(Map<String, YamlTree.Value> entries, String shown) {
        String lang = new YamlReader(shown).text(entries, "lang", "");
        if (lang == null) {
            return null;
        }
        if (!LANGUAGE_TAG.matcher(lang.strip()).matches()) {
            throw BuildException.at(shown, entries.get("lang").line(), "lang must be a BCP 47 tag such as ko or en-US, not '" + lang + "'");
        }
        return lang.strip();
    }

    /** Language tags as {@code <html lang>} takes them: a primary subtag and optional subtags. */
    public static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    /** Whether the file had a front matter block. */
    public boolean present() {
        return line > 0;
    }

    /** The line of a key, or the block's first line when the key is absent. */
    public int lineOf(String key) {
        YamlTree.Value v = entries.get(key);
        return v != null ? v.line() : line;
    }

    /**
     * The names under a key that holds a list of text values (or a single text value), each with its
     * line; empty when the key is absent.
     *
     * @throws BuildException naming file:line when the key holds something else
     */
    public List<Named> terms(String key) {
        YamlTree.Value v = entries.get(key);
        if (v == null || v.value() == null) {
            return List.of();
        }
        if (v.value() instanceof String s) {
            return List.of(new Named(s, v.line()));
        }
        if (!(v.value() instanceof List<?> list)) {
            throw new YamlReader(file).wrong(key, v, "a list of text values");
        }
        List<Named> out = new ArrayList<>();
        for (Object o : list) {
            YamlTree.Value item = (YamlTree.Value) o;
            if (item.value() instanceof String || item.value() instanceof Number) {
                out.add(new Named(item.value().toString(), item.line()));
            } else if (item.value() != null) {
                throw new YamlReader(file).wrong(key, item, "text");
            }
        }
        return List.copyOf(out);
    }

    /** A line that starts a YAML mapping's key: what makes a block between {@code ---} lines front matter. */
    private static final Pattern KEY_LINE = Pattern.compile(
            "(?m)^(?:[^\\s#:\\-][^:\\n]*|\"[^\"\\n]*\"|'[^'\\n]*'):(?:[ \\t]|$)");

    /**
     * Splits the front matter off {@code text}. A file has front matter when its first line is {@code ---},
     * a later line is {@code ---} or {@code ...}, and a line between them starts a key ({@code key:}); otherwise
     * it has none and the lines are Markdown, as GitHub shows them: {@code ---}, {@code Foo}, {@code ---} is a rule
     * and a heading, not a YAML scalar.
     *
     * @throws BuildException naming file:line for invalid YAML, a wrong type or a date that does not parse
     */
    public static FrontMatter parse(String text, String shown) {
        int firstEnd = lineEnd(text, 0);
        if (!text.substring(0, firstEnd).stripTrailing().equals("---")) {
            return none(shown);
        }
        int at = next(text, firstEnd);
        while (at < text.length()) {
            int end = lineEnd(text, at);
            String l = text.substring(at, end).stripTrailing();
            if (l.equals("---") || l.equals("...")) {
                String yaml = text.substring(next(text, firstEnd), at);
                if (!KEY_LINE.matcher(yaml).find()) {
                    return none(shown);
                }
                return typed(YamlTree.parseMapping(yaml, shown, 2), shown, next(text, end));
            }
            at = next(text, end);
        }
        String second = text.substring(next(text, firstEnd), lineEnd(text, next(text, firstEnd)));
        if (second.matches("[A-Za-z_][\\w-]*:.*")) {
            // A lone --- is a thematic break, but one followed by "key:" was meant as front matter.
            throw BuildException.at(shown, 1, "front matter is never closed: add a line --- after its last key");
        }
        return none(shown);
    }

    private static FrontMatter typed(Map<String, YamlTree.Value> entries, String shown, int endOffset) {
        YamlReader yaml = new YamlReader(shown);
        String title = yaml.text(entries, "title", "");
        if (title != null && title.isBlank()) {
            throw BuildException.at(shown, entries.get("title").line(), "title is empty; give the page a title or remove the key");
        }
        String dateKey = entries.containsKey("date") ? "date" : "createdAt";
        String weightKey = entries.containsKey("weight") ? "weight" : entries.containsKey("order") ? "order" : "sort";
        List<String> aliases = new ArrayList<>();
        YamlTree.Value a = entries.get("aliases");
        if (a != null && a.value() != null) {
            List<?> list = a.value() instanceof List<?> l ? l : List.of(a);
            for (Object o : list) {
                YamlTree.Value v = (YamlTree.Value) o;
                if (!(v.value() instanceof String s)) {
                    throw yaml.wrong("aliases", v, "a list of site paths");
                }
                aliases.add(s.strip());
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        entries.forEach((k, v) -> params.put(k, v.plain()));
        String slug = yaml.text(entries, "slug", "");
        if (slug != null && (slug.isBlank() || slug.contains("/") || slug.contains(".."))) {
            throw BuildException.at(shown, entries.get("slug").line(), "slug must be a non-empty file name without '/', not '" + slug + "'");
        }
        lang(entries, shown); // checked here so that a wrong one stops the build at load, naming its line
        return new FrontMatter(title == null ? null : title.strip(), yaml.text(entries, "description", ""),
                yaml.text(entries, "image", ""), yaml.date(entries, dateKey, ""), Boolean.TRUE.equals(yaml.bool(entries, "draft", "")),
                yaml.integer(entries, weightKey, ""), slug == null ? null : slug.strip(), aliases, params, entries, shown, 1, endOffset);
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int next(String text, int lineEnd) {
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
            lineEnd++;
            if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') {
                lineEnd++;
            }
            return lineEnd;
        }
        return Math.min(text.length(), lineEnd + 1);
    }

    /**
     * {@code text} with the front matter block blanked out (every character but line ends replaced by a
     * space), so the Markdown parser sees blank lines there and every offset and line stays the file's.
     */
    public String blank(String text) {
        if (endOffset == 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text);
        for (int i = 0; i < endOffset; i++) {
            char c = b.charAt(i);
            if (c != '\n' && c != '\r') {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }
}
