package dev.sd101.site;

import dev.sd101.content.ContentRoot;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Link;
import dev.sd101.markdown.LinkKind;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The order of the pages of one folder in the sidebar and in previous/next: first the files the folder's
 * README (or index) links, in the order it links them, as readers of the repository navigate it; then the
 * files with a front matter {@code weight} (or {@code order}, {@code sort}), smallest first; then the rest in
 * natural order of their names, so that {@code 2. 설치.md} comes before {@code 10. 마무리.md}.
 */
final class ReadingOrder {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private ReadingOrder() {
    }

    /**
     * Sorts sibling pages, each the first page of its own document.
     *
     * @param index the document of the folder's index page (README.md or index.md), or {@code null}
     */
    static List<Page> sort(List<Page> siblings, Document index, Map<String, Document> byPath) {
        Map<String, Integer> linked = index == null ? Map.of() : linkOrder(index, byPath);
        List<Page> out = new ArrayList<>(siblings);
        out.sort(Comparator.comparing((Page p) -> linked.getOrDefault(p.document().source().path(), Integer.MAX_VALUE))
                .thenComparing(p -> weight(p), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(p -> name(p.path()), ReadingOrder::natural)
                .thenComparing(Page::path));
        return out;
    }

    private static Integer weight(Page p) {
        return p.document().source().frontMatter().weight();
    }

    /** The position of each document the index links, by its first link (images do not count). */
    static Map<String, Integer> linkOrder(Document index, Map<String, Document> byPath) {
        String path = index.source().path();
        String dir = path.substring(0, path.lastIndexOf('/') + 1);
        Map<String, Integer> order = new HashMap<>();
        for (Link link : index.links()) {
            if (link.kind() == LinkKind.IMAGE || link.kind() == LinkKind.HTML_IMAGE) {
                continue;
            }
            String target = target(dir, link.target(), byPath);
            if (target != null && !target.equals(path)) {
                order.putIfAbsent(target, order.size());
            }
        }
        return order;
    }

    /** The source path a link leads to, or {@code null} when it leads to no document of the site. */
    private static String target(String dir, String raw, Map<String, Document> byPath) {
        String t = raw.strip();
        if (t.startsWith("<") && t.endsWith(">")) {
            t = t.substring(1, t.length() - 1);
        }
        int cut = indexOfAny(t, "#?");
        t = cut < 0 ? t : t.substring(0, cut);
        if (t.isEmpty() || SCHEME.matcher(t).find() || t.startsWith("/")) {
            return null;
        }
        try {
            t = URLDecoder.decode(t.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // a broken escape leads nowhere; check reports it
        }
        String resolved = normalize(dir + t);
        if (resolved == null) {
            return null;
        }
        if (byPath.containsKey(resolved)) {
            return resolved;
        }
        String folder = resolved.isEmpty() || resolved.endsWith("/") ? resolved : resolved + "/";
        for (String name : ContentRoot.INDEX_NAMES) {
            if (byPath.containsKey(folder + name)) {
                return folder + name;
            }
        }
        return null;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Removes {@code .} and {@code ..} segments; {@code null} when the path climbs out of the root. */
    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else if (!s.equals(".") && !(s.isEmpty() && i < segments.length - 1)) {
                parts.add(s);
            }
        }
        String joined = String.join("/", parts);
        return path.endsWith("/") && !joined.isEmpty() ? joined + "/" : joined;
    }

    /** The last segment of a page path: {@code guide/2. 설치/} → {@code 2. 설치}. */
    private static String name(String pagePath) {
        String p = pagePath.endsWith("/") ? pagePath.substring(0, pagePath.length() - 1) : pagePath;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /**
     * Natural order: runs of digits compare by their value ({@code 2} before {@code 10}), other runs by text,
     * ignoring case first. Digits are ASCII and the other decimal digits Unicode knows.
     */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int c = compareNumbers(a.substring(i, ei), b.substring(j, ej));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int e = from;
        while (e < s.length() && Character.isDigit(s.charAt(e))) {
            e++;
        }
        return e;
    }

    private static int compareNumbers(String x, String y) {
        String a = stripZeros(x);
        String b = stripZeros(y);
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        for (int k = 0; k < a.length(); k++) {
            int c = Integer.compare(Character.digit(a.charAt(k), 10), Character.digit(b.charAt(k), 10));
            if (c != 0) {
                return c;
            }
        }
        return 0; // 01 and 1: equal values; the text as a whole breaks the tie at the end
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && Character.digit(digits.charAt(k), 10) == 0) {
            k++;
        }
        return digits.substring(k);
    }
}
