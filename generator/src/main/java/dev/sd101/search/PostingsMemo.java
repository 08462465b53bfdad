package dev.sd101.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link Postings#encoded} for an indexer that builds again and again ({@code serve}): it keeps the last build's
 * sections (by identity: an unchanged page brings its very sections), every term's packed postings and their
 * encoding. A posting depends on its own section only ({@link Postings#code}), so when the sections are the same
 * objects but a few, only the lists of the terms those few held or hold are merged and encoded again: the work of an
 * edit follows what it changed, not the site. A build that adds or removes sections (their numbers shift) or changes
 * many is packed afresh. Either way the result is the same arrays, element for element, as {@link Postings#encoded}.
 *
 * <p>Not thread-safe: one build at a time.
 */
final class PostingsMemo {
    /** More changed sections than this share of the site: packed afresh (as fast, and simpler). */
    private static final int FRESH_SHARE = 16;

    private List<Postings.Analyzed> last = List.of();
    /** The last result: sorted terms, each one's packed postings and encoding. */
    private String[] terms = new String[0];
    private int[][] packed = new int[0][];
    private String[] lists = new String[0];
    private long length;
    private boolean termsChanged = true;

    /** @param sections this build's, in order; kept as given until the next build (the caller does not change it) */
    Postings.Encoded encoded(List<Postings.Analyzed> sections) {
        int[] changed = changed(sections);
        if (changed == null) {
            fresh(sections);
        } else if (changed.length == 0) {
            termsChanged = false;
        } else {
            merge(sections, changed);
        }
        last = sections; // the caller's own list, not changed after (a copy of 60,000 sections per edit)
        return new Postings.Encoded(terms, lists, length);
    }

    /** Whether the last {@link #encoded} added or removed a term (the lexicon and vocabulary follow the terms). */
    boolean termsChanged() {
        return termsChanged;
    }

    /** The numbers of the sections not the very objects of the last build, or {@code null} to pack afresh. */
    private int[] changed(List<Postings.Analyzed> sections) {
        int n = sections.size();
        if (n != last.size() || n == 0) {
            return null;
        }
        int[] out = new int[Math.max(16, n / FRESH_SHARE)];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (sections.get(i) != last.get(i)) {
                if (count == out.length) {
                    return null;
                }
                out[count++] = i;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private void fresh(List<Postings.Analyzed> sections) {
        Postings.Packed p = Postings.pack(sections);
        String[] encoded = new String[p.lists().length];
        java.util.stream.IntStream.range(0, encoded.length).parallel().forEach(id -> encoded[id] = PostingCodec.encode(p.lists()[id]));
        termsChanged = true;
        terms = p.terms();
        packed = p.lists();
        lists = encoded;
        length = Postings.totalLength(sections);
    }

    /** Merges the postings of the changed sections into the lists of the terms they held or hold. */
    private void merge(List<Postings.Analyzed> sections, int[] changed) {
        BitSet isChanged = new BitSet(sections.size());
        // Term → the changed sections' new postings of it, in section order (changed is ascending).
        Map<String, List<Integer>> added = new TreeMap<>();
        for (int i : changed) {
            isChanged.set(i);
            Postings.Analyzed before = last.get(i);
            for (String t : before.terms()) {
                added.computeIfAbsent(t, x -> new ArrayList<>(1));
            }
            Postings.Analyzed now = sections.get(i);
            length += (long) now.length() - (long) before.length();
            int lengthClass = Postings.lengthClass(now.length());
            for (int j = 0; j < now.terms().length; j++) {
                added.computeIfAbsent(now.terms()[j], x -> new ArrayList<>(1))
                        .add(PostingCodec.pack(i, Postings.code(now.tf()[j], lengthClass), now.inTitle()[j]));
            }
        }
        List<String> newTerms = new ArrayList<>();
        List<int[]> newPacked = new ArrayList<>();
        BitSet gone = new BitSet(terms.length);
        String[] nextLists = lists.clone();
        int[][] nextPacked = packed.clone();
        for (Map.Entry<String, List<Integer>> e : added.entrySet()) {
            int at = Arrays.binarySearch(terms, e.getKey());
            int[] before = at >= 0 ? packed[at] : new int[0];
            int[] after = merged(before, e.getValue(), isChanged, changed[0], changed[changed.length - 1]);
            if (at < 0) {
                if (after.length > 0) {
                    newTerms.add(e.getKey());
                    newPacked.add(after);
                }
            } else if (after.length == 0) {
                gone.set(at);
            } else if (!Arrays.equals(before, after)) {
                nextPacked[at] = after;
                nextLists[at] = PostingCodec.encode(after);
            }
        }
        termsChanged = !newTerms.isEmpty() || !gone.isEmpty();
        if (!termsChanged) {
            packed = nextPacked;
            lists = nextLists;
            return;
        }
        // Terms came or went: the arrays again, the old order with the new terms merged in (both sorted).
        int size = terms.length - gone.cardinality() + newTerms.size();
        String[] t = new String[size];
        int[][] p = new int[size][];
        String[] l = new String[size];
        int k = 0;
        int c = 0;
        for (int i = 0; i < terms.length; i++) {
            if (gone.get(i)) {
                continue;
            }
            while (c < newTerms.size() && newTerms.get(c).compareTo(terms[i]) < 0) {
                t[k] = newTerms.get(c);
                p[k] = newPacked.get(c);
                l[k++] = PostingCodec.encode(newPacked.get(c++));
            }
            t[k] = terms[i];
            p[k] = nextPacked[i];
            l[k++] = nextLists[i];
        }
        while (c < newTerms.size()) {
            t[k] = newTerms.get(c);
            p[k] = newPacked.get(c);
            l[k++] = PostingCodec.encode(newPacked.get(c++));
        }
        terms = t;
        packed = p;
        lists = l;
    }

    /**
     * {@code before} without the changed sections' postings, with {@code added} (sorted) merged in by section. A list
     * is in section order and the changed sections lie in {@code first..last}: only that stretch is merged, the rest
     * copied as it is (a common term's list holds a quarter of a large site's sections).
     */
    private static int[] merged(int[] before, List<Integer> added, BitSet isChanged, int first, int last) {
        int lo = firstAtOrAfter(before, first);
        int hi = firstAtOrAfter(before, last + 1);
        int[] mid = new int[hi - lo + added.size()];
        int m = 0;
        int a = 0;
        for (int i = lo; i < hi; i++) {
            int p = before[i];
            int section = PostingCodec.section(p);
            while (a < added.size() && PostingCodec.section(added.get(a)) < section) {
                mid[m++] = added.get(a++);
            }
            if (!isChanged.get(section)) {
                mid[m++] = p;
            }
        }
        while (a < added.size()) {
            mid[m++] = added.get(a++);
        }
        if (m == hi - lo && Arrays.equals(mid, 0, m, before, lo, hi)) {
            return before; // the edit left this term's postings as they were (most of a page's terms): no copy
        }
        int[] out = new int[lo + m + before.length - hi];
        System.arraycopy(before, 0, out, 0, lo);
        System.arraycopy(mid, 0, out, lo, m);
        System.arraycopy(before, hi, out, lo + m, before.length - hi);
        return out;
    }

    /** The index of the first posting of a section at or after {@code section} in a list in section order. */
    private static int firstAtOrAfter(int[] list, int section) {
        int lo = 0;
        int hi = list.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (PostingCodec.section(list[mid]) < section) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
