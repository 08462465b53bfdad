package dev.sd101.site;

import dev.sd101.Problem;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.Heading;
import dev.sd101.markdown.Link;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds, for every page of every edition, the same page in each other edition. Translations of a README are
 * separate files with their own headings (so their own ids), so pages are matched by what survives translation,
 * in this order:
 * <ol>
 *   <li>{@link Rule#HOME}: the editions' home pages;</li>
 *   <li>{@link Rule#KEY}: the same front matter {@value #KEY} (Hugo's name for it);</li>
 *   <li>{@link Rule#DIAGRAM}: the same image file (by file name), when that image appears in exactly one page of
 *       each edition: translations reuse the diagrams;</li>
 *   <li>{@link Rule#POSITION}: between two matched pages, pages of the same kind in the same order, when both
 *       editions have as many of them there (the table of contents is the same, only translated).</li>
 * </ol>
 * A page left without a twin is reported (a warning; {@code --strict} makes it an error) at its heading's line.
 */
public final class EditionMatcher {
    /** The front matter key naming a translation group. */
    public static final String KEY = "translationKey";

    /** How a page was matched to its twin. */
    public enum Rule {
        HOME, KEY, DIAGRAM, POSITION;

        /** The rule's name as reports print it. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One edition's planned site. */
    public record EditionSite(String language, String prefix, SiteModel site) {
    }

    /** A page's twin in another edition, and the rule that found it. */
    public record Twin(String path, Rule rule) {
    }

    /**
     * The matching of a whole site.
     *
     * @param twins    for each edition (by index), page path → for each other edition (by index) its twin, when any
     * @param problems the pages without a twin in some edition, and one note per pair of editions with the counts
     */
    public record Matches(List<Map<String, Map<Integer, Twin>>> twins, List<Problem> problems) {
        /** A page's twin in edition {@code other}, or {@code null}. */
        public Twin twin(int edition, String path, int other) {
            Map<Integer, Twin> t = twins.get(edition).get(path);
            return t == null ? null : t.get(other);
        }
    }

    private EditionMatcher() {
    }

    /** Matches every pair of editions. */
    public static Matches match(List<EditionSite> editions) {
        List<Map<String, Map<Integer, Twin>>> twins = new ArrayList<>();
        for (int i = 0; i < editions.size(); i++) {
            twins.add(new LinkedHashMap<>());
        }
        List<Problem> problems = new ArrayList<>();
        for (int a = 0; a < editions.size(); a++) {
            for (int b = a + 1; b < editions.size(); b++) {
                Map<Integer, Integer> pairs = new TreeMap<>();
                Map<Integer, Rule> rules = new HashMap<>();
                List<Page> pa = matchable(editions.get(a).site());
                List<Page> pb = matchable(editions.get(b).site());
                pair(pa, pb, pairs, rules);
                int[] byRule = new int[Rule.values().length];
                for (Map.Entry<Integer, Integer> e : pairs.entrySet()) {
                    Rule rule = rules.get(e.getKey());
                    byRule[rule.ordinal()]++;
                    twins.get(a).computeIfAbsent(pa.get(e.getKey()).path(), k -> new TreeMap<>())
                            .put(b, new Twin(pb.get(e.getValue()).path(), rule));
                    twins.get(b).computeIfAbsent(pb.get(e.getValue()).path(), k -> new TreeMap<>())
                            .put(a, new Twin(pa.get(e.getKey()).path(), rule));
                }
                java.util.Set<Integer> matchedB = new java.util.HashSet<>(pairs.values());
                int unmatched = 0;
                for (int i = 0; i < pa.size(); i++) {
                    if (!pairs.containsKey(i)) {
                        problems.add(unmatched(pa.get(i), editions.get(b).language()));
                        unmatched++;
                    }
                }
                for (int j = 0; j < pb.size(); j++) {
                    if (!matchedB.contains(j)) {
                        problems.add(unmatched(pb.get(j), editions.get(a).language()));
                        unmatched++;
                    }
                }
                Page home = editions.get(a).site().pages().get(0);
                String where = home.document() == null ? "" : home.document().source().displayPath();
                problems.add(Problem.note(where, 0, 0, "editions " + editions.get(a).language() + " and "
                        + editions.get(b).language() + ": " + pairs.size() + " pages matched (" + byRule[Rule.HOME.ordinal()]
                        + " home, " + byRule[Rule.KEY.ordinal()] + " by " + KEY + ", " + byRule[Rule.DIAGRAM.ordinal()]
                        + " by diagram, " + byRule[Rule.POSITION.ordinal()] + " by position), " + unmatched + " without a twin"));
            }
        }
        return new Matches(twins, problems);
    }

    /** The pages that can have a twin: those cut from a document, in reading order. */
    private static List<Page> matchable(SiteModel site) {
        return site.pages().stream().filter(p -> p.document() != null).toList();
    }

    private static void pair(List<Page> a, List<Page> b, Map<Integer, Integer> pairs, Map<Integer, Rule> rules) {
        if (!a.isEmpty() && !b.isEmpty() && a.get(0).kind() == PageKind.HOME && b.get(0).kind() == PageKind.HOME) {
            add(pairs, rules, 0, 0, Rule.HOME);
        }
        byUniqueKey(a, b, pairs, rules, EditionMatcher::translationKeys, Rule.KEY);
        byUniqueKey(a, b, pairs, rules, EditionMatcher::diagrams, Rule.DIAGRAM);
        byPosition(a, b, pairs, rules);
    }

    private static void add(Map<Integer, Integer> pairs, Map<Integer, Rule> rules, int i, int j, Rule rule) {
        pairs.put(i, j);
        rules.put(i, rule);
    }

    /** Pairs pages sharing a key that no other page of either edition has. */
    private static void byUniqueKey(List<Page> a, List<Page> b, Map<Integer, Integer> pairs, Map<Integer, Rule> rules,
                                    java.util.function.Function<Page, List<String>> keys, Rule rule) {
        Map<String, Integer> ka = unique(a, keys);
        Map<String, Integer> kb = unique(b, keys);
        java.util.Set<Integer> taken = new java.util.HashSet<>(pairs.values());
        for (Map.Entry<String, Integer> e : ka.entrySet()) {
            Integer j = kb.get(e.getKey());
            int i = e.getValue();
            if (j != null && i >= 0 && j >= 0 && !pairs.containsKey(i) && !taken.contains(j)
                    && a.get(i).kind() == b.get(j).kind()) {
                add(pairs, rules, i, j, rule);
                taken.add(j);
            }
        }
    }

    /** Key → the one page holding it; -1 for a key that several pages hold (it tells nothing). */
    private static Map<String, Integer> unique(List<Page> pages, java.util.function.Function<Page, List<String>> keys) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            for (String k : new java.util.LinkedHashSet<>(keys.apply(pages.get(i)))) {
                Integer old = out.putIfAbsent(k, i);
                if (old != null && old != i) {
                    out.put(k, -1);
                }
            }
        }
        return out;
    }

    /**
     * Pairs the pages left between two matched pages (and before the first, after the last) by their order, when
     * both editions have as many pages of each kind in that gap: then the tables of contents agree there.
     */
    private static void byPosition(List<Page> a, List<Page> b, Map<Integer, Integer> pairs, Map<Integer, Rule> rules) {
        // Anchors in order of edition a; a crossing pair (a translation that moved an article) ends the gap too.
        List<int[]> anchors = new ArrayList<>();
        anchors.add(new int[]{-1, -1});
        for (Map.Entry<Integer, Integer> e : new TreeMap<>(pairs).entrySet()) {
            int[] last = anchors.get(anchors.size() - 1);
            if (e.getValue() > last[1]) {
                anchors.add(new int[]{e.getKey(), e.getValue()});
            }
        }
        anchors.add(new int[]{a.size(), b.size()});
        java.util.Set<Integer> taken = new java.util.HashSet<>(pairs.values());
        for (int k = 0; k + 1 < anchors.size(); k++) {
            List<Integer> ga = new ArrayList<>();
            List<Integer> gb = new ArrayList<>();
            for (int i = anchors.get(k)[0] + 1; i < anchors.get(k + 1)[0]; i++) {
                if (!pairs.containsKey(i)) {
                    ga.add(i);
                }
            }
            for (int j = anchors.get(k)[1] + 1; j < anchors.get(k + 1)[1]; j++) {
                if (!taken.contains(j)) {
                    gb.add(j);
                }
            }
            if (ga.size() != gb.size()) {
                continue;
            }
            boolean sameKinds = true;
            for (int n = 0; n < ga.size(); n++) {
                sameKinds &= a.get(ga.get(n)).kind() == b.get(gb.get(n)).kind();
            }
            if (sameKinds) {
                for (int n = 0; n < ga.size(); n++) {
                    add(pairs, rules, ga.get(n), gb.get(n), Rule.POSITION);
                }
            }
        }
    }

    private static List<String> translationKeys(Page p) {
        if (p.fromBlock() != 0) {
            return List.of(); // a page cut from inside a document shares its file's front matter with the others
        }
        Object key = p.document().source().frontMatter().params().get(KEY);
        return key == null || String.valueOf(key).isBlank() ? List.of() : List.of(String.valueOf(key).strip());
    }

    /** The file names of the images a page shows, decoded and lowercased (a path differs between translations). */
    static List<String> diagrams(Page p) {
        Document d = p.document();
        List<String> out = new ArrayList<>();
        for (Link l : d.links()) {
            if (!l.kind().isImage()) {
                continue;
            }
            int block = d.blockAt(l.line());
            if (block < p.fromBlock() || block >= p.toBlock()) {
                continue;
            }
            String t = l.target().strip();
            int cut = t.length();
            for (char c : new char[]{'?', '#'}) {
                int at = t.indexOf(c);
                if (at >= 0) {
                    cut = Math.min(cut, at);
                }
            }
            t = t.substring(0, cut);
            String name = t.substring(t.lastIndexOf('/') + 1);
            try {
                name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // kept as written
            }
            if (!name.isBlank()) {
                out.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static Problem unmatched(Page p, String otherLanguage) {
        int line = 1;
        for (Heading h : p.headings()) {
            if (h.id().equals(p.titleId())) {
                line = h.line();
                break;
            }
        }
        return Problem.warning(p.document().source().displayPath(), line, 0, "'" + p.title() + "' has no twin in the "
                + otherLanguage + " edition; its language switcher leads to that edition's home page (give both the same "
                + KEY + " in their front matter, or the same diagram)");
    }
}
