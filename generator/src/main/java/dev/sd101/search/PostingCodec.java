package dev.sd101.search;

import java.util.List;

/**
 * Postings as short ASCII strings that sit in JSON without escaping and gzip well.
 *
 * <p>Each posting is two numbers: the gap to the previous section number (delta encoding; the first gap is
 * counted from -1) and {@code impact * 2 + titleHit}. A number is written in base 32, most significant digit
 * first: digits before the last come from {@link #MORE}, the last from {@link #LAST}. Most gaps and impacts fit
 * one or two characters. {@code search-engine.js} decodes it ({@code decodePostings}).
 */
final class PostingCodec {
    static final String LAST = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    static final String MORE = "WXYZabcdefghijklmnopqrstuvwxyz-_";

    private PostingCodec() {
    }

    static String encode(List<Postings.Posting> postings) {
        StringBuilder out = new StringBuilder(postings.size() * 3);
        int previous = -1;
        for (Postings.Posting p : postings) {
            number(out, p.section() - previous);
            number(out, p.impact() * 2 + (p.titleHit() ? 1 : 0));
            previous = p.section();
        }
        return out.toString();
    }

    /** As {@link #encode(List)}, from postings packed {@code section << 7 | impact << 1 | titleHit}. */
    static String encode(int[] packed) {
        StringBuilder out = new StringBuilder(packed.length * 3);
        int previous = -1;
        for (int p : packed) {
            int section = p >>> 7;
            number(out, section - previous);
            number(out, p & 127); // impact * 2 + titleHit
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
