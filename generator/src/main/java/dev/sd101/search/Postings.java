package dev.sd101.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Postings: for every term, the sections it occurs in, each with what BM25F needs that belongs to the section alone
 * (a term frequency level and a length class, {@link #code}) and a {@code titleHit} flag.
 *
 * <p>Nothing global is baked in: the browser computes each score from the code, the list's length (the term's
 * document frequency) and the section count and total length in {@code meta.json}. So an edit changes only the
 * lists of the terms its sections hold (a score baked at build time would change with every section's length, and
 * every list with it). Field weights make a term in the title or a heading count as several body occurrences
 * (BM25F); the {@code titleHit} flag lets the browser put sections whose title holds every query word first.
 *
 * @param terms term → postings in section order (sorted by UTF-16 code units, the order JavaScript's {@code <} uses)
 */
record Postings(SortedMap<String, List<Posting>> terms) {

    /** One section in a term's postings list: {@code code} as {@link #code} makes it. */
    record Posting(int section, int code, boolean titleHit) {
    }

    static final int TITLE_WEIGHT = 4;
    static final int HEADING_WEIGHT = 3;
    static final int CATEGORY_WEIGHT = 1;
    static final int BODY_WEIGHT = 1;
    /** Tags and categories a page is filed under: chosen words about the whole page, worth more than body text. */
    static final int KEYWORD_WEIGHT = 2;
    /** Body text analysed per section. A section longer than this is indexed by its start only: one term
     *  per word would otherwise hold the whole text several times in memory (a 10 MB paragraph needs more
     *  than a 256 MB heap), and the start is what a reader's query is most likely to aim at. */
    static final int MAX_INDEXED_CHARS = 200_000;
    /**
     * The term frequency levels a code tells apart: every whole number up to 16, then coarser (BM25 saturates: at
     * 20 occurrences the next ten add about 2 %). {@code search-engine.js} has the same table.
     */
    static final int[] TF_LEVELS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 24, 28, 32, 40, 48, 56,
            64, 80, 96, 128, 192};
    /**
     * Length classes: half an octave each, class {@code c} standing for a field-weighted length of
     * {@code 2^((c + LENGTH_OFFSET) / 2)} (about 16 to 2,900; shorter and longer sections take the end classes), as
     * Lucene keeps a document's length in one byte. Sixteen, so that a body term's posting (the most common
     * kind: frequency 1) is one base-32 digit with its title flag.
     */
    static final int LENGTH_CLASSES = 16;
    static final int LENGTH_OFFSET = 8;

    /**
     * A section's weighted term frequencies, in compact arrays: a large site keeps one of these per section until
     * every page is analysed (a term's list needs all of them), so they must be small.
     *
     * @param section what the fragment file shows (body already cut to what a snippet needs)
     * @param terms   distinct terms (interned across the site)
     * @param tf      field-weighted frequency of each term: whole numbers (the field weights are), so a float holds
     *                each exactly and a large site's index keeps half the bytes
     * @param inTitle whether each term occurs in the title or the heading
     * @param length  field-weighted length
     */
    record Analyzed(Section section, String[] terms, float[] tf, boolean[] inTitle, double length) {
    }

    /**
     * Analyses one section, each of its texts by {@code terms} (a streamed build passes one that caches only within
     * a page: the build-wide cache would keep every section's texts and terms); may run on many threads at once
     * ({@code intern} must then be concurrent).
     */
    static Analyzed analyze(Section s, java.util.function.Function<String, List<String>> terms, Map<String, String> intern) {
        // Per term: its field-weighted frequency (the weights are whole numbers) and whether the title or the heading
        // holds it (the heading is the title of a sub-section, so both count as "matched in the title").
        Map<String, int[]> tf = new HashMap<>();
        long length = 0;
        length += add(tf, terms.apply(s.title()), TITLE_WEIGHT, true);
        length += add(tf, terms.apply(s.heading()), HEADING_WEIGHT, true);
        length += add(tf, terms.apply(String.join(" ", s.breadcrumb())), CATEGORY_WEIGHT, false);
        length += add(tf, terms.apply(indexed(s.body())), BODY_WEIGHT, false);
        length += add(tf, terms.apply(String.join(" ", s.keywords())), KEYWORD_WEIGHT, false);
        String[] termArray = new String[tf.size()];
        float[] weights = new float[tf.size()];
        boolean[] title = new boolean[tf.size()];
        int j = 0;
        for (Map.Entry<String, int[]> e : tf.entrySet()) {
            String t = e.getKey();
            String shared = intern.get(t); // most terms are known already: a read takes no lock, putIfAbsent does
            if (shared == null) {
                shared = intern.putIfAbsent(t, t);
            }
            termArray[j] = shared == null ? t : shared;
            int w = e.getValue()[0];
            if ((float) w != w) {
                throw new IllegalStateException("a term frequency a float cannot hold exactly: " + w);
            }
            weights[j] = w;
            title[j] = e.getValue()[1] != 0;
            j++;
        }
        Section kept = new Section(s.url(), s.title(), s.heading(), s.breadcrumb(), ClientIndexWriter.truncate(s.body()), s.keywords());
        return new Analyzed(kept, termArray, weights, title, length);
    }

    /** Builds the postings of analysed sections; the order of the list is the section number. */
    static Postings build(List<Analyzed> sections) {
        Packed packed = pack(sections);
        SortedMap<String, List<Posting>> terms = new TreeMap<>();
        for (int id = 0; id < packed.terms().length; id++) {
            int[] list = packed.lists()[id];
            Posting[] out = new Posting[list.length];
            for (int k = 0; k < list.length; k++) {
                out[k] = new Posting(PostingCodec.section(list[k]), (list[k] & PostingCodec.VALUE_MASK) >>> 1,
                        (list[k] & 1) == 1);
            }
            terms.put(packed.terms()[id], List.of(out));
        }
        return new Postings(terms);
    }

    /**
     * Every term with its postings encoded ({@link PostingCodec}), in term order: {@code lists[i]} belongs to
     * {@code terms[i]}. A large site never holds an object per posting (10,000 pages have millions).
     *
     * @param length the sections' total field-weighted length (the browser's average length is it over the count)
     */
    record Encoded(String[] terms, String[] lists, long length) {
        Encoded(String[] terms, String[] lists) {
            this(terms, lists, 0);
        }
    }

    /** As {@link #build(List)}, but each term's postings already encoded, on all cores. */
    static Encoded encoded(List<Analyzed> sections) {
        Packed packed = pack(sections);
        int[][] lists = packed.lists();
        String[] encoded = new String[lists.length];
        java.util.stream.IntStream.range(0, lists.length).parallel().forEach(id -> {
            encoded[id] = PostingCodec.encode(lists[id]);
            lists[id] = null; // the encoded form replaces it
        });
        return new Encoded(packed.terms(), encoded, totalLength(sections));
    }

    /** The sections' total field-weighted length: whole numbers, summed exactly. */
    static long totalLength(List<Analyzed> sections) {
        long sum = 0;
        for (Analyzed a : sections) {
            sum += (long) a.length();
        }
        return sum;
    }

    /**
     * All postings, packed ({@link PostingCodec#pack}): {@code terms} sorted (UTF-16 order), {@code lists[i]} the
     * postings of {@code terms[i]} in section order.
     */
    record Packed(String[] terms, int[][] lists) {
    }

    /**
     * Packs every posting. Terms are numbered once, on all cores, so that the pass indexes arrays instead of hashing
     * a term per posting (millions at 10,000 pages).
     */
    static Packed pack(List<Analyzed> sections) {
        int n = sections.size();
        java.util.Set<String> distinct = java.util.concurrent.ConcurrentHashMap.newKeySet();
        sections.parallelStream().forEach(a -> distinct.addAll(java.util.Arrays.asList(a.terms())));
        String[] terms = distinct.toArray(new String[0]);
        java.util.Arrays.parallelSort(terms);
        int[][] ids = termIds(sections, terms);
        int[] df = new int[terms.length];
        for (int[] section : ids) {
            for (int id : section) {
                df[id]++;
            }
        }
        int[][] packed = new int[terms.length][];
        for (int id = 0; id < terms.length; id++) {
            packed[id] = new int[df[id]];
        }
        int[] filled = new int[terms.length];
        for (int i = 0; i < n; i++) {
            Analyzed a = sections.get(i);
            int lengthClass = lengthClass(a.length());
            for (int j = 0; j < ids[i].length; j++) {
                int id = ids[i][j];
                packed[id][filled[id]++] = PostingCodec.pack(i, code(a.tf()[j], lengthClass), a.inTitle()[j]);
            }
            ids[i] = null;
        }
        return new Packed(terms, packed);
    }

    /** Per section, the number (index in {@code sorted}) of each of its terms. */
    private static int[][] termIds(List<Analyzed> sections, String[] sorted) {
        Map<String, Integer> idOf = new HashMap<>(sorted.length * 2);
        for (int id = 0; id < sorted.length; id++) {
            idOf.put(sorted[id], id);
        }
        int[][] ids = new int[sections.size()][];
        java.util.stream.IntStream.range(0, ids.length).parallel().forEach(i -> {
            String[] ts = sections.get(i).terms();
            int[] out = new int[ts.length];
            for (int j = 0; j < ts.length; j++) {
                out[j] = idOf.get(ts[j]);
            }
            ids[i] = out;
        });
        return ids;
    }

    /** A posting's code: its term frequency's level ({@link #TF_LEVELS}) times the classes, plus its length class. */
    static int code(float tf, int lengthClass) {
        return tfLevel(tf) * LENGTH_CLASSES + lengthClass;
    }

    /** The level nearest {@code tf} (by ratio, as BM25 sees frequencies). */
    static int tfLevel(double tf) {
        int k = 0;
        while (k + 1 < TF_LEVELS.length && TF_LEVELS[k + 1] <= tf) {
            k++;
        }
        // Between two levels: the nearer by ratio (geometric mean as the boundary).
        if (k + 1 < TF_LEVELS.length && tf * tf > (double) TF_LEVELS[k] * TF_LEVELS[k + 1]) {
            k++;
        }
        return k;
    }

    /** The class of a field-weighted length (see {@link #LENGTH_CLASSES}). */
    static int lengthClass(double length) {
        // StrictMath: the same class on every JVM, so that every build writes the same bytes.
        long c = Math.round(2 * StrictMath.log(Math.max(1, length)) / StrictMath.log(2)) - LENGTH_OFFSET;
        return (int) Math.max(0, Math.min(LENGTH_CLASSES - 1, c));
    }

    /** The start of a body, at most {@link #MAX_INDEXED_CHARS}, cut before a word. */
    static String indexed(String body) {
        if (body.length() <= MAX_INDEXED_CHARS) {
            return body;
        }
        int cut = body.lastIndexOf(' ', MAX_INDEXED_CHARS);
        if (cut <= 0) {
            cut = Character.isLowSurrogate(body.charAt(MAX_INDEXED_CHARS)) ? MAX_INDEXED_CHARS - 1 : MAX_INDEXED_CHARS;
        }
        return body.substring(0, cut);
    }

    private static long add(Map<String, int[]> tf, List<String> terms, int weight, boolean inTitle) {
        for (String t : terms) {
            int[] v = tf.computeIfAbsent(t, x -> new int[2]);
            v[0] += weight;
            v[1] |= inTitle ? 1 : 0;
        }
        return (long) terms.size() * weight;
    }
}
