package dev.sd101.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Impact-scored postings: for every term, the sections it occurs in with a precomputed, quantised BM25F score.
 *
 * <p>Scoring at build time keeps the browser's work to adding small integers, and one byte-sized impact per
 * posting is what makes the index small. Field weights make a term in the title or a heading count as several
 * body occurrences (BM25F); the {@code titleHit} flag lets the browser put sections whose title holds every query
 * word first.
 *
 * @param terms  term → postings in section order (sorted by UTF-16 code units, the order JavaScript's {@code <} uses)
 * @param scale  impact = round(score × scale), so impacts use the range 1..{@link #MAX_IMPACT}
 */
record Postings(SortedMap<String, List<Posting>> terms, double scale) {

    /** One section in a term's postings list. */
    record Posting(int section, int impact, boolean titleHit) {
    }

    static final double TITLE_WEIGHT = 4;
    static final double HEADING_WEIGHT = 3;
    static final double CATEGORY_WEIGHT = 1;
    static final double BODY_WEIGHT = 1;
    /** Tags and categories a page is filed under: chosen words about the whole page, worth more than body text. */
    static final double KEYWORD_WEIGHT = 2;
    /** Body text analysed per section. A section longer than this is indexed by its start only: one term
     *  per word would otherwise hold the whole text several times in memory (a 10 MB paragraph needs more
     *  than a 256 MB heap), and the start is what a reader's query is most likely to aim at. */
    static final int MAX_INDEXED_CHARS = 200_000;
    static final int MAX_IMPACT = 63;
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    /**
     * A section's weighted term frequencies, in compact arrays: a large site keeps one of these per section until
     * every page is analysed (document frequencies need all of them), so they must be small.
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
        Map<String, Double> tf = new HashMap<>();
        double length = 0;
        length += add(tf, terms.apply(s.title()), TITLE_WEIGHT);
        length += add(tf, terms.apply(s.heading()), HEADING_WEIGHT);
        length += add(tf, terms.apply(String.join(" ", s.breadcrumb())), CATEGORY_WEIGHT);
        length += add(tf, terms.apply(indexed(s.body())), BODY_WEIGHT);
        length += add(tf, terms.apply(String.join(" ", s.keywords())), KEYWORD_WEIGHT);
        // The heading is the title of a sub-section, so both count as "matched in the title".
        java.util.Set<String> inTitle = new java.util.HashSet<>(terms.apply(s.title() + " " + s.heading()));
        String[] termArray = new String[tf.size()];
        float[] weights = new float[tf.size()];
        boolean[] title = new boolean[tf.size()];
        int j = 0;
        for (Map.Entry<String, Double> e : tf.entrySet()) {
            String t = e.getKey();
            String shared = intern.get(t); // most terms are known already: a read takes no lock, putIfAbsent does
            if (shared == null) {
                shared = intern.putIfAbsent(t, t);
            }
            termArray[j] = shared == null ? t : shared;
            float w = e.getValue().floatValue();
            if (w != e.getValue()) {
                throw new IllegalStateException("a term frequency a float cannot hold exactly: " + e.getValue());
            }
            weights[j] = w;
            title[j] = inTitle.contains(t);
            j++;
        }
        Section kept = new Section(s.url(), s.title(), s.heading(), s.breadcrumb(), ClientIndexWriter.truncate(s.body()), s.keywords());
        return new Analyzed(kept, termArray, weights, title, length);
    }

    /** Builds the postings of analysed sections; the order of the list is the section number. */
    static Postings build(List<Analyzed> sections) {
        Scored scored = scoreAll(sections);
        SortedMap<String, List<Posting>> terms = new TreeMap<>();
        for (int id = 0; id < scored.terms().length; id++) {
            int[] packed = scored.packed()[id];
            Posting[] list = new Posting[packed.length];
            for (int k = 0; k < packed.length; k++) {
                list[k] = new Posting(packed[k] >>> 7, (packed[k] >>> 1) & 63, (packed[k] & 1) == 1);
            }
            terms.put(scored.terms()[id], List.of(list));
        }
        return new Postings(terms, scored.scale());
    }

    /**
     * Every term with its postings encoded ({@link PostingCodec}), in term order: {@code lists[i]} belongs to
     * {@code terms[i]}. A large site never holds an object per posting (10,000 pages have millions).
     */
    record Encoded(String[] terms, String[] lists) {
    }

    /** As {@link #build(List)}, but each term's postings already encoded, on all cores. */
    static Encoded encoded(List<Analyzed> sections) {
        Scored scored = scoreAll(sections);
        int[][] packed = scored.packed();
        String[] lists = new String[packed.length];
        java.util.stream.IntStream.range(0, packed.length).parallel().forEach(id -> {
            lists[id] = PostingCodec.encode(packed[id]);
            packed[id] = null; // the encoded form replaces it
        });
        return new Encoded(scored.terms(), lists);
    }

    /**
     * All postings, scored: {@code terms} sorted (UTF-16 order), {@code packed[i]} the postings of {@code terms[i]}
     * in section order, each {@code section << 7 | impact << 1 | titleHit}.
     */
    private record Scored(String[] terms, int[][] packed, double scale) {
    }

    /**
     * Scores every posting in two passes (the scale needs the maximum first). Terms are numbered once, on all
     * cores, so that the passes index arrays instead of hashing a term per posting (millions at 10,000 pages);
     * every number is computed by the same expressions as one section-ordered loop would, so the result does
     * not depend on the thread count.
     */
    private static Scored scoreAll(List<Analyzed> sections) {
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
        // Each term's idf once, not once per posting and pass.
        double[] idf = new double[terms.length];
        for (int id = 0; id < terms.length; id++) {
            idf[id] = Math.log(1 + (n - df[id] + 0.5) / (df[id] + 0.5));
        }
        double avg = 0;
        for (Analyzed a : sections) {
            avg += a.length() / Math.max(1, n);
        }
        double avgLength = avg;
        double max = java.util.stream.IntStream.range(0, n).parallel().mapToDouble(i -> {
            Analyzed a = sections.get(i);
            double norm = norm(a, avgLength);
            double m = 0;
            for (int j = 0; j < ids[i].length; j++) {
                m = Math.max(m, score(idf[ids[i][j]], a.tf()[j], norm));
            }
            return m;
        }).max().orElse(0);
        double scale = max == 0 ? 1 : MAX_IMPACT / max;
        // Impacts per section on all cores; then each lands in its term's list, sections in order.
        int[][] values = new int[n][];
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            Analyzed a = sections.get(i);
            double norm = norm(a, avgLength);
            int[] out = new int[ids[i].length];
            for (int j = 0; j < out.length; j++) {
                double score = score(idf[ids[i][j]], a.tf()[j], norm);
                int impact = (int) Math.max(1, Math.min(MAX_IMPACT, Math.round(score * scale)));
                out[j] = i << 7 | impact << 1 | (a.inTitle()[j] ? 1 : 0);
            }
            values[i] = out;
        });
        int[][] packed = new int[terms.length][];
        for (int id = 0; id < terms.length; id++) {
            packed[id] = new int[df[id]];
        }
        int[] filled = new int[terms.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < ids[i].length; j++) {
                int id = ids[i][j];
                packed[id][filled[id]++] = values[i][j];
            }
            ids[i] = null;
            values[i] = null;
        }
        return new Scored(terms, packed, scale);
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

    static double norm(Analyzed a, double avgLength) {
        return K1 * (1 - B + B * a.length() / Math.max(avgLength, 1e-9));
    }

    static double score(double idf, double tf, double norm) {
        return idf * tf * (K1 + 1) / (tf + norm);
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

    private static double add(Map<String, Double> tf, List<String> terms, double weight) {
        for (String t : terms) {
            tf.merge(t, weight, Double::sum);
        }
        return terms.size() * weight;
    }
}
