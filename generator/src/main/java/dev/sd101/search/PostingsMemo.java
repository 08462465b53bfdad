package dev.sd101.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Postings#encoded} for an indexer that builds again and again ({@code serve}), keeping per term its postings
 * and their encoding, and per analysed section (by identity: an unchanged page brings its very sections) its term
 * numbers. The scores are global (BM25's document frequencies, average length and the impact scale), so every posting
 * is scored again, by the same expressions as {@link Postings#encoded}; what is saved is the rest: no term is hashed
 * for an unchanged section, terms are sorted again only where they came or went, and a term's list is encoded again
 * only when one of its postings changed. The result is the same arrays, element for element.
 *
 * <p>Terms get numbers once, in the order first seen, and keep them; a term no section holds any more is left out of
 * the result. Not thread-safe: one build at a time.
 */
final class PostingsMemo {
    private final Map<String, Integer> idOf = new HashMap<>();
    private final List<String> termOf = new ArrayList<>();
    private Map<Postings.Analyzed, int[]> idsOf = new IdentityHashMap<>();
    /** The previous result: term numbers in term order, and each number's postings and encoding. */
    private int[] order = new int[0];
    private int[][] packedOf = new int[0][];
    private String[] encodedOf = new String[0];

    Postings.Encoded encoded(List<Postings.Analyzed> sections) {
        int n = sections.size();
        int[][] ids = new int[n][];
        Map<Postings.Analyzed, int[]> nextIds = new IdentityHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Postings.Analyzed a = sections.get(i);
            int[] x = idsOf.get(a);
            if (x == null) {
                String[] ts = a.terms();
                x = new int[ts.length];
                for (int j = 0; j < ts.length; j++) {
                    x[j] = idOf.computeIfAbsent(ts[j], t -> {
                        termOf.add(t);
                        return termOf.size() - 1;
                    });
                }
            }
            ids[i] = x;
            nextIds.put(a, x);
        }
        idsOf = nextIds;
        int terms = termOf.size();
        int[] df = new int[terms];
        for (int[] section : ids) {
            for (int id : section) {
                df[id]++;
            }
        }
        int[] sorted = order(df);
        // Each term's idf once, as Postings.scoreAll computes it.
        double[] idf = new double[terms];
        for (int id : sorted) {
            idf[id] = Math.log(1 + (n - df[id] + 0.5) / (df[id] + 0.5));
        }
        double avg = 0;
        for (Postings.Analyzed a : sections) {
            avg += a.length() / Math.max(1, n);
        }
        double avgLength = avg;
        double max = java.util.stream.IntStream.range(0, n).parallel().mapToDouble(i -> {
            Postings.Analyzed a = sections.get(i);
            double norm = Postings.norm(a, avgLength);
            double m = 0;
            for (int j = 0; j < ids[i].length; j++) {
                m = Math.max(m, Postings.score(idf[ids[i][j]], a.tf()[j], norm));
            }
            return m;
        }).max().orElse(0);
        double scale = max == 0 ? 1 : Postings.MAX_IMPACT / max;
        int[][] packed = new int[terms][];
        for (int id : sorted) {
            packed[id] = new int[df[id]];
        }
        int[] filled = new int[terms];
        for (int i = 0; i < n; i++) {
            Postings.Analyzed a = sections.get(i);
            double norm = Postings.norm(a, avgLength);
            int[] x = ids[i];
            for (int j = 0; j < x.length; j++) {
                double score = Postings.score(idf[x[j]], a.tf()[j], norm);
                int impact = (int) Math.max(1, Math.min(Postings.MAX_IMPACT, Math.round(score * scale)));
                packed[x[j]][filled[x[j]]++] = i << 7 | impact << 1 | (a.inTitle()[j] ? 1 : 0);
            }
        }
        String[] encoded = new String[terms];
        String[] outTerms = new String[sorted.length];
        String[] outLists = new String[sorted.length];
        int[][] before = packedOf;
        String[] beforeEncoded = encodedOf;
        java.util.stream.IntStream.range(0, sorted.length).parallel().forEach(k -> {
            int id = sorted[k];
            String e = id < before.length && before[id] != null && Arrays.equals(before[id], packed[id])
                    ? beforeEncoded[id] : PostingCodec.encode(packed[id]);
            encoded[id] = e;
            outTerms[k] = termOf.get(id);
            outLists[k] = e;
        });
        order = sorted;
        packedOf = packed;
        encodedOf = encoded;
        return new Postings.Encoded(outTerms, outLists);
    }

    /**
     * The numbers of the terms some section holds, in term order (UTF-16 code units, as {@link Postings} sorts): the
     * previous order with the terms that went taken out and the ones that came merged in.
     */
    private int[] order(int[] df) {
        boolean[] was = new boolean[df.length];
        for (int id : order) {
            was[id] = true;
        }
        List<Integer> came = new ArrayList<>();
        for (int id = 0; id < df.length; id++) {
            if (df[id] > 0 && !was[id]) {
                came.add(id);
            }
        }
        came.sort((x, y) -> termOf.get(x).compareTo(termOf.get(y)));
        int[] out = new int[order.length + came.size()];
        int k = 0;
        int c = 0;
        for (int id : order) {
            if (df.length > id && df[id] == 0) {
                continue; // no section holds it any more
            }
            while (c < came.size() && termOf.get(came.get(c)).compareTo(termOf.get(id)) < 0) {
                out[k++] = came.get(c++);
            }
            out[k++] = id;
        }
        while (c < came.size()) {
            out[k++] = came.get(c++);
        }
        return Arrays.copyOf(out, k);
    }
}
