package dev.sd101.link;

import dev.sd101.markdown.Document;
import dev.sd101.markdown.Heading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds what a broken link most likely meant: the nearest heading id of the target document (same text
 * with different punctuation, a dropped or added word, a typo, case) or the nearest file name in the
 * target folder. A suggestion is unambiguous only when exactly one candidate has the best score and
 * that score reaches {@link #THRESHOLD}; ties are reported but never applied by {@code --fix}.
 */
public final class Suggester {
    private Suggester() {
    }

    /** Below this similarity a candidate is a guess, not a likely fix. */
    static final double THRESHOLD = 0.75;
    /** Same letters and digits, only punctuation, spaces or hyphens differ: nearly certain. */
    private static final double SAME_LETTERS = 0.99;

    /** A candidate: the id or file name, where it is (0 for files) and its text ("" for files and HTML anchors). */
    record Candidate(String name, int line, String text, double score) {
    }

    /** The best candidates for a fragment (tied when more than one), or empty when none is likely. */
    static List<Candidate> nearestId(Document doc, String fragment) {
        String wanted = fragment.toLowerCase(Locale.ROOT);
        List<Candidate> all = new ArrayList<>();
        for (Heading h : doc.headings()) {
            all.add(new Candidate(h.id(), h.line(), h.text(), similarity(wanted, h.id().toLowerCase(Locale.ROOT))));
        }
        for (Map.Entry<String, Integer> a : doc.htmlAnchors().entrySet()) {
            all.add(new Candidate(a.getKey(), a.getValue(), "", similarity(wanted, a.getKey().toLowerCase(Locale.ROOT))));
        }
        return best(all);
    }

    /**
     * The file names in {@code folder} a missing {@code name} most likely meant (more than one when tied), or
     * empty: for "did you mean" in messages about a file that does not exist.
     */
    public static List<String> nearestFileNames(Path folder, String name) {
        return nearestFile(folder, name).stream().map(Candidate::name).toList();
    }

    /** The best existing file names in {@code folder} for a missing {@code name}, or empty. */
    static List<Candidate> nearestFile(Path folder, String name) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        List<Candidate> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .forEach(n -> all.add(new Candidate(n, 0, "", similarity(wanted, n.toLowerCase(Locale.ROOT)))));
        } catch (IOException e) {
            return List.of(); // a folder we cannot list offers no suggestion; the problem itself is still reported
        }
        return best(all);
    }

    private static List<Candidate> best(List<Candidate> all) {
        double top = THRESHOLD;
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : all) {
            if (c.score() > top) {
                top = c.score();
                out.clear();
                out.add(c);
            } else if (c.score() == top) {
                out.add(c);
            }
        }
        // Document order, so a tie reads in the order the author sees the headings.
        out.sort(java.util.Comparator.comparingInt(Candidate::line).thenComparing(Candidate::name));
        return out;
    }

    /**
     * How alike two lower-cased ids are, from 0 to 1: {@link #SAME_LETTERS} when only punctuation and
     * separators differ, otherwise the better of a character edit similarity (typos) and a word edit
     * similarity over the {@code -}-separated words (a dropped or added word).
     */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        String la = lettersAndDigits(a);
        if (!la.isEmpty() && la.equals(lettersAndDigits(b))) {
            return SAME_LETTERS;
        }
        int[] ca = a.codePoints().toArray();
        int[] cb = b.codePoints().toArray();
        double chars = 1.0 - (double) distance(ca, cb) / Math.max(ca.length, cb.length);
        String[] wa = words(a);
        String[] wb = words(b);
        double words = wa.length == 0 || wb.length == 0 ? 0
                : 1.0 - (double) distance(wa, wb) / Math.max(wa.length, wb.length);
        return Math.max(chars, words);
    }

    private static String lettersAndDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String[] words(String s) {
        return Stream.of(s.split("[-_\\s]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    /** Levenshtein distance over code points. */
    private static int distance(int[] a, int[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }

    /** Levenshtein distance over words: each distinct word becomes one symbol. */
    private static int distance(String[] a, String[] b) {
        java.util.Map<String, Integer> symbols = new java.util.HashMap<>();
        return distance(symbolsOf(a, symbols), symbolsOf(b, symbols));
    }

    private static int[] symbolsOf(String[] words, java.util.Map<String, Integer> symbols) {
        int[] out = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = symbols.computeIfAbsent(words[i], w -> symbols.size());
        }
        return out;
    }
}
