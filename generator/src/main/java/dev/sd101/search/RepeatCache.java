package dev.sd101.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The analysis of texts that occur more than once in one streamed build, within a fixed memory budget.
 *
 * <p>Analysis (Nori above all) is most of a large build's CPU, and documentation repeats itself: shared
 * introductions, boilerplate sections, the same category and title on many pages. Keeping every text's
 * analysis would hold the whole site's text to the end of the build, so a text is kept only once it is seen a
 * second time (first sightings leave just a 64-bit fingerprint), and only while the budget lasts. A hit is
 * confirmed on the full text, so the fingerprint never decides what the terms are: output does not depend on
 * what was cached. Thread-safe.
 */
final class RepeatCache {
    /** Estimated bytes of kept texts and term arrays (terms themselves are interned site-wide). */
    static final long BUDGET_BYTES = 24L << 20;

    private final Map<String, List<String>> kept = new ConcurrentHashMap<>();
    private final LongSet seen = new LongSet();
    private final AtomicLong left = new AtomicLong(BUDGET_BYTES);
    private final Map<String, String> intern;

    /** @param intern the build's shared term strings, so kept term lists hold no copies of their own */
    RepeatCache(Map<String, String> intern) {
        this.intern = intern;
    }

    /** The terms of {@code text}: cached if it was analysed before and kept, else {@code analyse}d. */
    List<String> terms(String text, Function<String, List<String>> analyse) {
        List<String> hit = kept.get(text);
        if (hit != null) {
            return hit;
        }
        List<String> terms = analyse.apply(text);
        if (!seen.add(fingerprint(text))) {
            long cost = 40L + 2L * text.length() + 16L + 4L * terms.size();
            if (left.addAndGet(-cost) >= 0) {
                String[] shared = new String[terms.size()];
                for (int i = 0; i < shared.length; i++) {
                    String t = terms.get(i);
                    String old = intern.putIfAbsent(t, t);
                    shared[i] = old == null ? t : old;
                }
                List<String> copy = List.of(shared);
                kept.putIfAbsent(text, copy);
                return copy;
            }
            left.addAndGet(cost); // over budget: stays a miss, and a smaller text may still fit
        }
        return terms;
    }

    /** FNV-1a over the UTF-16 units, 64 bits: a false match only costs a needless (but bounded) cache entry. */
    static long fingerprint(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h ^ s.length();
    }

    /** A set of longs by open addressing: one array, no object per entry. */
    static final class LongSet {
        private long[] slots = new long[1 << 12];
        private boolean hasZero;
        private int size;

        /** Adds {@code v}; whether it was absent. */
        synchronized boolean add(long v) {
            if (v == 0) {
                boolean absent = !hasZero;
                hasZero = true;
                return absent;
            }
            if (2 * (size + 1) > slots.length) {
                grow();
            }
            if (!insert(slots, v)) {
                return false;
            }
            size++;
            return true;
        }

        private static boolean insert(long[] table, long v) {
            int mask = table.length - 1;
            for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
                if (table[i] == v) {
                    return false;
                }
                if (table[i] == 0) {
                    table[i] = v;
                    return true;
                }
            }
        }

        private void grow() {
            long[] bigger = new long[slots.length * 2];
            for (long v : slots) {
                if (v != 0) {
                    insert(bigger, v);
                }
            }
            slots = bigger;
        }

        private static int mix(long v) {
            long x = v * 0x9E3779B97F4A7C15L;
            return (int) (x ^ (x >>> 32));
        }
    }
}
