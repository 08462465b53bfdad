package dev.sd101.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysis cache: what one build records the next one finds, and a bad file never changes a result. */
class AnalysisCacheTest {
    @TempDir
    Path dir;

    /** An analysis that must not run: the cache is expected to answer. */
    private static final Function<String, List<String>> NEVER = t -> {
        throw new AssertionError("analysed although cached: " + t);
    };

    private final AtomicInteger analysed = new AtomicInteger();

    /** A stand-in analysis with repeats, Hangul, and terms a record introduces and then repeats. */
    private List<String> analyse(String text) {
        analysed.incrementAndGet();
        List<String> out = new ArrayList<>();
        for (String w : text.split(" ")) {
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(java.util.Locale.ROOT));
            }
        }
        out.addAll(out); // every term twice: frequencies survive the round trip
        return out;
    }

    private static final List<String> TEXTS = List.of("Redis는 왜 빠른가요", "API 게이트웨이 API", "", "  ",
            "캐시 cache 캐시 CACHE", "a".repeat(300) + " 한" + "글".repeat(200));

    private void build(Path folder) {
        try (AnalysisCache cache = AnalysisCache.open(folder)) {
            for (String t : TEXTS) {
                assertEquals(analyse(t), cache.terms(t, this::analyse));
            }
            cache.commit();
        }
    }

    @Test
    void aRebuildFindsEveryTextItRecorded() {
        Path folder = dir.resolve("cache");
        try (AnalysisCache first = AnalysisCache.open(folder)) {
            assertTrue(first.isEmpty());
        }
        build(folder);
        assertTrue(Files.isRegularFile(folder.resolve(AnalysisCache.FILE_NAME)));
        try (AnalysisCache second = AnalysisCache.open(folder)) {
            assertFalse(second.isEmpty());
            for (String t : TEXTS) {
                assertEquals(analyse(t), second.terms(t, NEVER), t);
            }
            assertEquals(TEXTS.size(), second.hits());
            assertEquals(0, second.misses());
            second.commit();
        }
        // The rebuild's own file holds the same texts (a hit is recorded again for the next build).
        try (AnalysisCache third = AnalysisCache.open(folder)) {
            for (String t : TEXTS) {
                assertEquals(analyse(t), third.terms(t, NEVER), t);
            }
        }
    }

    @Test
    void aChangedTextIsAnalysedAndTextsNoLongerUsedAreDropped() {
        Path folder = dir.resolve("cache");
        build(folder);
        try (AnalysisCache next = AnalysisCache.open(folder)) {
            analysed.set(0);
            assertEquals(analyse("새 문단 new"), next.terms("새 문단 new", this::analyse));
            assertEquals(2, analysed.get()); // the cache's call and the expectation's
            assertEquals(1, next.misses());
            next.commit();
        }
        try (AnalysisCache after = AnalysisCache.open(folder)) {
            assertEquals(analyse("새 문단 new"), after.terms("새 문단 new", NEVER));
            analysed.set(0);
            after.terms(TEXTS.get(0), this::analyse);
            assertEquals(1, analysed.get(), "a text the last build did not use is gone from its file");
        }
    }

    @Test
    void aBuildThatIsNotCommittedLeavesThePreviousFile() throws IOException {
        Path folder = dir.resolve("cache");
        build(folder);
        byte[] before = Files.readAllBytes(folder.resolve(AnalysisCache.FILE_NAME));
        try (AnalysisCache failed = AnalysisCache.open(folder)) {
            failed.terms("only in the failed build", this::analyse);
        }
        assertArrayEquals(before, Files.readAllBytes(folder.resolve(AnalysisCache.FILE_NAME)));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(AnalysisCache.FILE_NAME), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file left behind");
        }
    }

    /** The cache file one build writes in a new folder. */
    private Path builtFile() {
        Path folder = dir.resolve("cache");
        build(folder);
        return folder.resolve(AnalysisCache.FILE_NAME);
    }

    @Test
    void aDamagedFileCountsAsEmptyAndIsReplaced() throws IOException {
        Path file = builtFile();
        Path folder = file.getParent();
        byte[] good = Files.readAllBytes(file);
        List<byte[]> damaged = new ArrayList<>();
        for (int at : new int[]{0, 20, good.length / 2, good.length - 9, good.length - 1}) {
            byte[] b = good.clone();
            b[at] ^= 0x10; // header, identity, a record, the count, the checksum
            damaged.add(b);
        }
        damaged.add(java.util.Arrays.copyOf(good, good.length / 2)); // truncated
        damaged.add(java.util.Arrays.copyOf(good, 10));
        damaged.add(new byte[0]);
        damaged.add("not a cache file at all, just some text".repeat(10).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (byte[] b : damaged) {
            Files.write(file, b);
            analysed.set(0);
            try (AnalysisCache cache = AnalysisCache.open(folder)) {
                assertTrue(cache.isEmpty());
                for (String t : TEXTS) {
                    assertEquals(analyse(t), cache.terms(t, this::analyse));
                }
                assertEquals(2 * TEXTS.size(), analysed.get());
                cache.commit();
            }
            try (AnalysisCache repaired = AnalysisCache.open(folder)) {
                assertFalse(repaired.isEmpty(), "the build replaced the damaged file");
            }
        }
    }

    @Test
    void aFileWrittenByAnotherAnalysisIsIgnored() throws IOException {
        Path file = builtFile();
        byte[] b = Files.readAllBytes(file);
        // The identity follows the 12-byte magic and the 4-byte format: another analysis chain's hash.
        b[16] ^= 1;
        Files.write(file, b);
        try (AnalysisCache cache = AnalysisCache.open(file.getParent())) {
            assertTrue(cache.isEmpty());
        }
    }

    @Test
    void aWellFormedFileWithAnImpossibleLengthIsIgnoredWithoutAllocatingIt() throws IOException {
        // Header, checksum and record count all right; one term claims to be 2 GB long.
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(200);
        b.put("sd101-terms\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(1).put(AnalysisCache.identity());
        b.putLong(1).putLong(2).put((byte) 1).put((byte) 0).put(new byte[]{(byte) 0xF0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07});
        b.putInt(1);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        Path folder = Files.createDirectories(dir.resolve("cache"));
        Files.write(folder.resolve(AnalysisCache.FILE_NAME), java.util.Arrays.copyOf(b.array(), b.position()));
        try (AnalysisCache cache = AnalysisCache.open(folder)) {
            assertTrue(cache.isEmpty());
        }
    }

    @Test
    void anUnwritableFolderOnlyCostsTheCache() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        try (AnalysisCache cache = AnalysisCache.open(notAFolder)) {
            assertTrue(cache.isEmpty());
            assertEquals(analyse("가나 다"), cache.terms("가나 다", this::analyse));
            cache.commit();
        }
        assertEquals("x", Files.readString(notAFolder));
    }

    @Test
    void textsRecordedFromManyThreadsAreAllFound() {
        Path folder = dir.resolve("cache");
        List<String> texts = IntStream.range(0, 2000).mapToObj(i -> "문서 " + i + " 공통 단어 word" + (i % 37)).toList();
        try (AnalysisCache cache = AnalysisCache.open(folder)) {
            texts.parallelStream().forEach(t -> assertEquals(analyse(t), cache.terms(t, this::analyse)));
            cache.commit();
        }
        try (AnalysisCache cache = AnalysisCache.open(folder)) {
            texts.parallelStream().forEach(t -> assertEquals(analyse(t), cache.terms(t, NEVER)));
            assertEquals(texts.size(), cache.hits());
        }
    }

    @Test
    void withoutAFolderEveryTextIsAnalysed() {
        AnalysisCache none = AnalysisCache.none();
        assertEquals(analyse("a b"), none.terms("a b", this::analyse));
        none.commit();
        none.close();
        assertTrue(none.isEmpty());
    }
}
