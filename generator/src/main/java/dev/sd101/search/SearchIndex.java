package dev.sd101.search;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The client-side search index of a site, ready to be written.
 *
 * @param files    path relative to the site root (all under {@code search/}) → file content; iterates in path order.
 *                 Same pages in, byte-identical files out.
 * @param sections number of search documents (article sections)
 * @param terms    number of distinct index terms
 */
public record SearchIndex(Map<String, byte[]> files, int sections, int terms) {
    public SearchIndex {
        Objects.requireNonNull(files, "files");
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Total size of all files in bytes (uncompressed). */
    public long totalBytes() {
        long sum = 0;
        for (byte[] b : files.values()) {
            sum += b.length;
        }
        return sum;
    }
}
