package dev.sd101.engine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A file's fingerprint, what {@code serve} keeps of each file it wrote instead of its bytes: 128 bits of MD5 (not for
 * security; a collision would only leave one file unwritten), so equal digests mean equal bytes for any practical
 * purpose.
 */
record Digest(long high, long low, int length) {
    static Digest of(byte[] bytes) {
        byte[] d = md5().digest(bytes);
        return new Digest(word(d, 0), word(d, 8), bytes.length);
    }

    private static long word(byte[] d, int at) {
        long w = 0;
        for (int i = at; i < at + 8; i++) {
            w = w << 8 | (d[i] & 0xff);
        }
        return w;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
