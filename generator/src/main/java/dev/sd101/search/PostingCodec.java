package dev.sd101.search;

import java.util.List;

/**
 * Postings as short ASCII strings that sit in JSON without escaping and gzip well.
 *
 * <p>Each posting is two numbers: the gap to the previous section number (delta encoding; the first gap is
 * counted from -1) and {@code code * 2 + titleHit} ({@link Postings#code}). A number is written in base 32, most significant digit
 * first: digits before the last come from {@link #MORE}, the last from {@link #LAST}. Most gaps and codes fit
 * one or two characters. {@code search-engine.js} decodes it ({@code decodePostings}).
 */
final class PostingCodec {
    static final String LAST = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    static final String MORE = "WXYZabcdefghijklmnopqrstuvwxyz-_";

    /** Bits of a packed posting below its section number: {@code code << 1 | titleHit}. */
    static final int VALUE_BITS = 10;
    static final int VALUE_MASK = (1 << VALUE_BITS) - 1;
    /** Sections a packed posting can number. */
    static final int MAX_SECTIONS = 1 << (31 - VALUE_BITS);

    private PostingCodec() {
    }

    /** A posting as one int, ordered by section: {@code section << VALUE_BITS | code << 1 | titleHit}. */
    static int pack(int section, int code, boolean titleHit) {
        if (section >= MAX_SECTIONS) {
            throw new IllegalArgumentException("more than " + MAX_SECTIONS + " search sections");
        }
        return section << VALUE_BITS | code << 1 | (titleHit ? 1 : 0);
    }

    static int section(int packed) {
        return packed >>> VALUE_BITS;
    }

    /** A list of at least this many postings keeps its length classes to whole octaves ({@link #coarse}). */
    static final int OCTAVES_FROM = 128;
    /** A list of at least this many postings keeps its length classes to two octaves. */
    static final int TWO_OCTAVES_FROM = 1024;

    static String encode(List<Postings.Posting> postings) {
        StringBuilder out = new StringBuilder(postings.size() * 3);
        int previous = -1;
        int coarse = coarse(postings.size());
        for (Postings.Posting p : postings) {
            number(out, p.section() - previous);
            number(out, (p.code() * 2 + (p.titleHit() ? 1 : 0)) & ~coarse);
            previous = p.section();
        }
        return out.toString();
    }

    /**
     * The bits of a value ({@code code * 2 + titleHit}) a list of {@code n} postings clears: the low bits of the
     * length class. A common term's postings are most of a first query's bytes, and its scores (a low idf) are the
     * least telling; coarser lengths cut their gzip size by about a sixth, and the browser decodes them as it
     * decodes any class. Depends on the list alone, so an edit still changes only the lists of its terms.
     */
    static int coarse(int n) {
        return n >= TWO_OCTAVES_FROM ? 6 : n >= OCTAVES_FROM ? 2 : 0;
    }

    /** As {@link #encode(List)}, from postings {@link #pack}ed. */
    static String encode(int[] packed) {
        StringBuilder out = new StringBuilder(packed.length * 3);
        int previous = -1;
        int coarse = coarse(packed.length);
        for (int p : packed) {
            int section = p >>> VALUE_BITS;
            number(out, section - previous);
            number(out, p & VALUE_MASK & ~coarse); // code * 2 + titleHit
            previous = section;
        }
        return out.toString();
    }

    /** How many sections an encoded list holds: each posting's two numbers end in a {@link #LAST} digit. */
    static int count(String encoded) {
        int last = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'V') {
                last++;
            }
        }
        return last / 2;
    }

    static void number(StringBuilder out, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        int digits = 1;
        while (value >>> (5 * digits) != 0) {
            digits++;
        }
        for (int d = digits - 1; d > 0; d--) {
            out.append(MORE.charAt((value >>> (5 * d)) & 31));
        }
        out.append(LAST.charAt(value & 31));
    }
}
