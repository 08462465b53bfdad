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

    /** Builds the postings of {@code sections}; the order of sections is the section number. */
    static Postings build(List<Section> sections, TermAnalysis analysis) {
        List<Analyzed> analyzed = new ArrayList<>(sections.size());
        for (Section s : sections) {
            analyzed.add(analyze(s, analysis, new HashMap<>()));
        }
        return build(analyzed);
    }

    /**
     * A section's weighted term frequencies, in compact arrays: a large site keeps one of these per section until
     * every page is analysed (document frequencies need all of them), so they must be small.
     *
     * @param section what the fragment file shows (body already cut to what a snippet needs)
     * @param terms   distinct terms (interned across the site)
     * @param tf      field-weighted frequency of each term
     * @param inTitle whether each term occurs in the title or the heading
     * @param length  field-weighted length
     */
    record Analyzed(Section section, String[] terms, double[] tf, boolean[] inTitle, double length) {
    }

    /** Analyses one section; may run on many threads at once ({@code intern} must then be concurrent). */
    static Analyzed analyze(Section s, TermAnalysis analysis, Map<String, String> intern) {
        return analyze(s, analysis::terms, intern);
    }

    /**
     * As {@link #analyze(Section, TermAnalysis, Map)}, each text analysed by {@code terms} (a streamed build passes
     * one that caches only within a page: the build-wide cache would keep every section's texts and terms).
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
        double[] weights = new double[tf.size()];
        boolean[] title = new boolean[tf.size()];
        int j = 0;
        for (Map.Entry<String, Double> e : tf.entrySet()) {
            String t = e.getKey();
            String shared = intern.putIfAbsent(t, t);
            termArray[j] = shared == null ? t : shared;
            weights[j] = e.getValue();
            title[j] = inTitle.contains(t);
            j++;
        }
        Section kept = new Section(s.url(), s.title(), s.heading(), s.breadcrumb(), ClientIndexWriter.truncate(s.body()), s.keywords());
        return new Analyzed(kept, termArray, weights, title, length);
    }

    /** One term's postings while they are collected: {@code section << 7 | impact << 1 | titleHit} in one int each. */
    private static final class Acc {
        int[] packed = new int[2];
        int size;

        void add(int value) {
            if (size == packed.length) {
                packed = java.util.Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = value;
        }

        List<Posting> postings() {
            Posting[] list = new Posting[size];
            for (int k = 0; k < size; k++) {
                list[k] = new Posting(packed[k] >>> 7, (packed[k] >>> 1) & 63, (packed[k] & 1) == 1);
            }
            return List.of(list);
        }
    }

    /** Builds the postings of analysed sections; the order of the list is the section number. */
    static Postings build(List<Analyzed> sections) {
        SortedMap<String, List<Posting>> terms = new TreeMap<>();
        double scale = scoreAll(sections, (term, acc) -> terms.put(term, acc.postings()));
        return new Postings(terms, scale);
    }

    /**
     * As {@link #build(List)}, but each term's postings are handed over already encoded ({@link PostingCodec}) and
     * in term order, so that a large site never holds an object per posting (10,000 pages have millions).
     */
    static SortedMap<String, String> encoded(List<Analyzed> sections) {
        SortedMap<String, String> terms = new TreeMap<>();
        scoreAll(sections, (term, acc) -> terms.put(term, PostingCodec.encode(acc.postings())));
        return terms;
    }

    /** Scores every posting in two passes (the scale needs the maximum first); returns the scale. */
    private static double scoreAll(List<Analyzed> sections, java.util.function.BiConsumer<String, Acc> sink) {
        int n = sections.size();
        Map<String, int[]> df = new HashMap<>();
        for (Analyzed a : sections) {
            for (String t : a.terms()) {
                df.computeIfAbsent(t, k -> new int[1])[0]++;
            }
        }
        // Each term's idf once, not once per posting and pass: a large site has millions of postings.
        Map<String, Double> idfs = new HashMap<>(df.size() * 2);
        df.forEach((t, d) -> idfs.put(t, Math.log(1 + (n - d[0] + 0.5) / (d[0] + 0.5))));
        df = null;
        double avgLength = 0;
        for (Analyzed a : sections) {
            avgLength += a.length() / Math.max(1, n);
        }
        double max = 0;
        for (int pass = 0; pass < 2; pass++) {
            double scale = max == 0 ? 1 : MAX_IMPACT / max;
            // Sections are visited in order, so each term's list comes out sorted by section.
            Map<String, Acc> scores = pass == 0 ? null : new HashMap<>();
            for (int i = 0; i < n; i++) {
                Analyzed a = sections.get(i);
                double norm = K1 * (1 - B + B * a.length() / Math.max(avgLength, 1e-9));
                for (int j = 0; j < a.terms().length; j++) {
                    double idf = idfs.get(a.terms()[j]);
                    double tf = a.tf()[j];
                    double score = idf * tf * (K1 + 1) / (tf + norm);
                    if (pass == 0) {
                        max = Math.max(max, score);
                    } else {
                        int impact = (int) Math.max(1, Math.min(MAX_IMPACT, Math.round(score * scale)));
                        scores.computeIfAbsent(a.terms()[j], k -> new Acc()).add(i << 7 | impact << 1 | (a.inTitle()[j] ? 1 : 0));
                    }
                }
            }
            if (pass == 1) {
                java.util.List<String> keys = new ArrayList<>(scores.keySet());
                java.util.Collections.sort(keys);
                for (String k : keys) {
                    sink.accept(k, scores.remove(k));
                }
                return scale;
            }
        }
        throw new AssertionError();
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
