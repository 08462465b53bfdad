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
        int n = sections.size();
        List<Map<String, Double>> tfs = new ArrayList<>(n);
        List<Map<String, Boolean>> titleHits = new ArrayList<>(n);
        double[] lengths = new double[n];
        Map<String, Integer> df = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Section s = sections.get(i);
            Map<String, Double> tf = new HashMap<>();
            Map<String, Boolean> inTitle = new HashMap<>();
            lengths[i] += add(tf, analysis.terms(s.title()), TITLE_WEIGHT);
            lengths[i] += add(tf, analysis.terms(s.heading()), HEADING_WEIGHT);
            lengths[i] += add(tf, analysis.terms(String.join(" ", s.breadcrumb())), CATEGORY_WEIGHT);
            lengths[i] += add(tf, analysis.terms(indexed(s.body())), BODY_WEIGHT);
            lengths[i] += add(tf, analysis.terms(String.join(" ", s.keywords())), KEYWORD_WEIGHT);
            // The heading is the title of a sub-section, so both count as "matched in the title".
            for (String t : analysis.terms(s.title() + " " + s.heading())) {
                inTitle.put(t, true);
            }
            tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
            tfs.add(tf);
            titleHits.add(inTitle);
        }
        double avgLength = 0;
        for (double l : lengths) {
            avgLength += l / Math.max(1, n);
        }
        // Sections are visited in order, so each term's list comes out sorted by section.
        SortedMap<String, List<double[]>> scores = new TreeMap<>();
        double max = 0;
        for (int i = 0; i < n; i++) {
            double norm = K1 * (1 - B + B * lengths[i] / Math.max(avgLength, 1e-9));
            for (Map.Entry<String, Double> e : tfs.get(i).entrySet()) {
                int d = df.get(e.getKey());
                double idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
                double tf = e.getValue();
                double score = idf * tf * (K1 + 1) / (tf + norm);
                scores.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {i, score});
                max = Math.max(max, score);
            }
        }
        double scale = max == 0 ? 1 : MAX_IMPACT / max;
        SortedMap<String, List<Posting>> terms = new TreeMap<>();
        for (Map.Entry<String, List<double[]>> e : scores.entrySet()) {
            List<Posting> list = new ArrayList<>(e.getValue().size());
            for (double[] p : e.getValue()) {
                int section = (int) p[0];
                int impact = (int) Math.max(1, Math.min(MAX_IMPACT, Math.round(p[1] * scale)));
                list.add(new Posting(section, impact, titleHits.get(section).containsKey(e.getKey())));
            }
            terms.put(e.getKey(), List.copyOf(list));
        }
        return new Postings(terms, scale);
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
