package dev.sd101.search;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * The search analysis of a site's texts, kept on disk from one {@code generate} to the next, so that a rebuild
 * analyses only the texts that changed: a rebuild of unchanged Korean content never loads Nori's dictionary (the
 * largest part of a cold build), and a large site skips most of its index stage. The cache never decides what the
 * index says: an entry is found by a SHA-256 of the text, the file names the analysis that wrote it
 * ({@link AnalysisIdentity}: Lucene's version and sd101's analysis classes, so a changed chain starts afresh), and a file that
 * fails its checksum or does not parse is ignored. Output is byte for byte the same with or without it.
 *
 * <p>One file per site, {@value #FILE_NAME} in the cache folder. A build reads the previous file and writes a new
 * one beside it with exactly the texts it analysed (so the file never grows beyond one build's worth), which
 * {@link #commit} moves into place once the site is written; a failed build leaves the previous file. Any I/O
 * problem with the cache only costs the cache: builds never fail because of it.
 *
 * <p>Format: a header ({@code sd101-terms}, format version, the analysis identity), then one record per text
 * (16 bytes of key, a varint term count, and per term a varint: 0 introduces a new term as varint length and
 * UTF-8 bytes, n &gt; 0 repeats term n-1 of this file), then the record count and a CRC32C of everything before.
 * Thread-safe.
 */
public final class AnalysisCache implements AutoCloseable {
    /** The cache file's name in the cache folder. */
    public static final String FILE_NAME = "search-terms.bin";
    private static final byte[] MAGIC = "sd101-terms\n".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    private static final int KEY_BYTES = 16;

    private static final AnalysisCache NONE = new AnalysisCache(null, null, Previous.EMPTY);

    private final Path file;
    private final byte[] identity;
    private final Previous previous;
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(AnalysisCache::newDigest);
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    // The next file, written as texts are analysed; null until the first text, or when writing failed.
    private Path temp;
    private OutputStream out;
    private final CRC32C crc = new CRC32C();
    private final Map<String, Integer> newIds = new HashMap<>();
    private final Set<Key> written = new HashSet<>();
    private boolean failed;
    private boolean closed;

    private AnalysisCache(Path file, byte[] identity, Previous previous) {
        this.file = file;
        this.identity = identity;
        this.previous = previous;
    }

    /** No cache: every text is analysed, nothing is read or written. */
    public static AnalysisCache none() {
        return NONE;
    }

    /**
     * The cache in {@code folder} (created when the first text is written). A missing, unreadable, corrupt or
     * foreign file counts as empty; never throws for what is on disk.
     */
    public static AnalysisCache open(Path folder) {
        byte[] identity = identity();
        if (identity == null) {
            return NONE;
        }
        Path file = folder.toAbsolutePath().normalize().resolve(FILE_NAME);
        return new AnalysisCache(file, identity, Previous.read(file, identity));
    }

    /** Whether the previous build left entries: when not, a build that indexes Hangul needs Nori for sure. */
    public boolean isEmpty() {
        return previous.size() == 0;
    }

    /** Texts found in the previous build's file so far. */
    public int hits() {
        return hits.get();
    }

    /** Texts analysed because the previous build's file did not have them. */
    public int misses() {
        return misses.get();
    }

    /**
     * The terms of {@code text}: the previous build's, or {@code analyse}d now; either way recorded for the next
     * build. Without a cache folder, just {@code analyse}.
     */
    List<String> terms(String text, Function<String, List<String>> analyse) {
        if (file == null) {
            return analyse.apply(text);
        }
        Key key = key(text);
        List<String> terms = previous.terms(key);
        if (terms != null) {
            hits.incrementAndGet();
        } else {
            misses.incrementAndGet();
            terms = analyse.apply(text);
        }
        record(key, terms);
        return terms;
    }

    /**
     * Makes this build's file the one the next build reads (a no-op without a cache folder, or when writing it
     * failed). Call once the site is written.
     */
    public synchronized void commit() {
        if (file == null || closed) {
            return;
        }
        closed = true;
        if (out == null || failed) {
            discard();
            return;
        }
        try {
            ByteBuffer trailer = ByteBuffer.allocate(4).putInt(written.size());
            crc.update(trailer.array(), 0, 4);
            out.write(trailer.array());
            out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            out.close();
            out = null;
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            discard();
        }
    }

    /** Drops this build's file unless {@link #commit}ted; the previous file stays. */
    @Override
    public synchronized void close() {
        if (file == null || closed) {
            return;
        }
        closed = true;
        discard();
    }

    private void discard() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // the file is deleted next
        }
        out = null;
        try {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException ignored) {
            // a stray temporary file in the cache folder is harmless
        }
    }

    private synchronized void record(Key key, List<String> terms) {
        if (failed || closed || !written.add(key)) {
            return;
        }
        try {
            if (out == null) {
                Files.createDirectories(file.getParent());
                temp = Files.createTempFile(file.getParent(), FILE_NAME + ".", ".tmp");
                out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING), 1 << 16);
                write(MAGIC);
                write(ByteBuffer.allocate(4).putInt(FORMAT).array());
                write(identity);
            }
            ByteArrayBuilder b = new ByteArrayBuilder(KEY_BYTES + 8 + terms.size() * 3);
            b.putLong(key.high).putLong(key.low).putVarint(terms.size());
            for (String t : terms) {
                Integer id = newIds.get(t);
                if (id == null) {
                    newIds.put(t, newIds.size());
                    byte[] utf8 = t.getBytes(StandardCharsets.UTF_8);
                    b.putVarint(0).putVarint(utf8.length).put(utf8);
                } else {
                    b.putVarint(id + 1);
                }
            }
            write(Arrays.copyOf(b.bytes, b.length));
        } catch (IOException | RuntimeException e) {
            failed = true; // this build keeps working without a next file
        }
    }

    private void write(byte[] bytes) throws IOException {
        crc.update(bytes, 0, bytes.length);
        out.write(bytes);
    }

    private Key key(String text) {
        MessageDigest md = sha256.get();
        byte[] d = md.digest(text.getBytes(StandardCharsets.UTF_8));
        ByteBuffer bb = ByteBuffer.wrap(d);
        return new Key(bb.getLong(), bb.getLong());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** What the analysis is ({@link AnalysisIdentity}, computed when the generator was packaged); {@code null}: no cache. */
    static byte[] identity() {
        return AnalysisIdentity.packaged();
    }

    /** 128 bits of a text's SHA-256. Equality and hash by hand: a record's are bootstrapped on first use, in a cold JVM. */
    record Key(long high, long low) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.high == high && k.low == low;
        }

        @Override
        public int hashCode() {
            return (int) (low ^ (low >>> 32)); // SHA-256 bits: any 32 of them are evenly spread
        }
    }

    /**
     * The previous build's entries: a key → offset table over the mapped file. Terms are decoded once, when the
     * file is read; a record's new terms have consecutive numbers, from the first one it introduces.
     */
    private static final class Previous {
        static final Previous EMPTY = new Previous(null, Map.of(), Map.of(), new String[0]);

        private final ByteBuffer data;
        private final Map<Key, Integer> offsets;
        private final Map<Integer, Integer> firstNewTerm;
        private final String[] terms;

        private Previous(ByteBuffer data, Map<Key, Integer> offsets, Map<Integer, Integer> firstNewTerm, String[] terms) {
            this.data = data;
            this.offsets = offsets;
            this.firstNewTerm = firstNewTerm;
            this.terms = terms;
        }

        int size() {
            return offsets.size();
        }

        List<String> terms(Key key) {
            Integer at = offsets.get(key);
            if (at == null) {
                return null;
            }
            ByteBuffer b = data.duplicate().position(at);
            String[] out = new String[varint(b)];
            int next = firstNewTerm.getOrDefault(at, 0);
            for (int i = 0; i < out.length; i++) {
                int v = varint(b);
                if (v == 0) {
                    int length = varint(b);
                    b.position(b.position() + length);
                    out[i] = terms[next++];
                } else {
                    out[i] = terms[v - 1];
                }
            }
            return Arrays.asList(out);
        }

        static Previous read(Path file, byte[] identity) {
            if (!Files.isRegularFile(file)) {
                return EMPTY;
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                int header = MAGIC.length + 4 + identity.length;
                if (size < header + 8 || size > Integer.MAX_VALUE) {
                    return EMPTY;
                }
                MappedByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
                byte[] head = new byte[header];
                data.get(0, head);
                if (!Arrays.equals(head, ByteBuffer.allocate(header).put(MAGIC).putInt(FORMAT).put(identity).array())) {
                    return EMPTY;
                }
                int end = (int) size - 8;
                CRC32C crc = new CRC32C();
                crc.update(data.duplicate().position(0).limit(end + 4));
                if ((int) crc.getValue() != data.getInt(end + 4)) {
                    return EMPTY;
                }
                int count = data.getInt(end);
                Map<Key, Integer> offsets = new HashMap<>(Math.max(16, count * 2));
                Map<Integer, Integer> firstNewTerm = new HashMap<>();
                List<String> terms = new ArrayList<>();
                ByteBuffer b = data.duplicate().position(header).limit(end);
                while (b.hasRemaining()) {
                    Key key = new Key(b.getLong(), b.getLong());
                    int at = b.position();
                    int n = varint(b);
                    for (int i = 0; i < n; i++) {
                        int v = varint(b);
                        if (v == 0) {
                            firstNewTerm.putIfAbsent(at, terms.size());
                            int length = varint(b);
                            if (length > b.remaining()) {
                                return EMPTY; // checked before allocating: a wrong length must not cost memory
                            }
                            byte[] utf8 = new byte[length];
                            b.get(utf8);
                            terms.add(new String(utf8, StandardCharsets.UTF_8));
                        } else if (v > terms.size()) {
                            return EMPTY;
                        }
                    }
                    offsets.put(key, at);
                }
                if (offsets.size() != count) {
                    return EMPTY;
                }
                return new Previous(data, offsets, firstNewTerm, terms.toArray(new String[0]));
            } catch (IOException | RuntimeException e) {
                return EMPTY; // unreadable or malformed: analysed afresh, and replaced by this build's file
            }
        }
    }

    private static int varint(ByteBuffer b) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte x = b.get();
            v |= (x & 0x7F) << shift;
            if (x >= 0) {
                if (v < 0) {
                    throw new IllegalStateException("negative varint");
                }
                return v;
            }
        }
        throw new IllegalStateException("varint too long");
    }

    /** A growable byte array for one record. */
    private static final class ByteArrayBuilder {
        byte[] bytes;
        int length;

        ByteArrayBuilder(int capacity) {
            bytes = new byte[Math.max(32, capacity)];
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        ByteArrayBuilder putLong(long v) {
            ensure(8);
            for (int i = 7; i >= 0; i--) {
                bytes[length++] = (byte) (v >>> (8 * i));
            }
            return this;
        }

        ByteArrayBuilder putVarint(int v) {
            ensure(5);
            while ((v & ~0x7F) != 0) {
                bytes[length++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[length++] = (byte) v;
            return this;
        }

        ByteArrayBuilder put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, length, b.length);
            length += b.length;
            return this;
        }
    }
}
