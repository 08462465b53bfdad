package dev.sd101.search;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The client-side search index of a site, ready to be written: path relative to the site root (all under
 * {@code search/}) → file content, in path order. Same pages in, byte-identical files out.
 *
 * <p>An indexer that builds again and again ({@code serve}) gives most files {@linkplain #versioned versioned}: with
 * an object that stands for their bytes (the same object in the next build when the file is unchanged) and a way to
 * make them, so that a sink holding the previous build's file keeps it without the bytes being made or held.
 */
public final class SearchIndex {
    /** A file's version, the same object as long as its bytes are the same, and how to make its bytes. */
    public record Versioned(Object version, Supplier<byte[]> bytes) {
        public Versioned {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    private final Map<String, byte[]> plain;
    private final Map<String, Versioned> versioned;
    private final int sections;
    private final int terms;

    /**
     * @param files    every file
     * @param sections number of search documents (article sections)
     * @param terms    number of distinct index terms
     */
    public SearchIndex(Map<String, byte[]> files, int sections, int terms) {
        this(files, Map.of(), sections, terms);
    }

    /**
     * An index of which {@code versioned} files are made when asked for (see {@link Versioned}); {@code versioned} is
     * kept as given and must not change afterwards.
     */
    public SearchIndex(Map<String, byte[]> plain, Map<String, Versioned> versioned, int sections, int terms) {
        this.plain = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(plain, "plain")));
        // Taken as given (the indexer's own map, not changed after): a copy of 10,000s of entries per edit is not needed.
        this.versioned = Collections.unmodifiableMap(Objects.requireNonNull(versioned, "versioned"));
        this.sections = sections;
        this.terms = terms;
    }

    /** Every file with its bytes (the versioned ones made now), in path order. */
    public Map<String, byte[]> files() {
        if (versioned.isEmpty()) {
            return plain;
        }
        Map<String, byte[]> all = new TreeMap<>(plain);
        versioned.forEach((path, v) -> all.put(path, v.bytes().get()));
        return Collections.unmodifiableMap(all);
    }

    /** The files given with their bytes. */
    public Map<String, byte[]> plain() {
        return plain;
    }

    /**
     * The files given with a version and made when asked for, in no particular order; empty but for an indexer that
     * builds again.
     */
    public Map<String, Versioned> versioned() {
        return versioned;
    }

    /** Number of search documents (article sections). */
    public int sections() {
        return sections;
    }

    /** Number of distinct index terms. */
    public int terms() {
        return terms;
    }

    /** Total size of all files in bytes (uncompressed). */
    public long totalBytes() {
        long sum = 0;
        for (byte[] b : files().values()) {
            sum += b.length;
        }
        return sum;
    }
}
