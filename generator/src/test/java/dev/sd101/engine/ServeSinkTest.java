package dev.sd101.engine;

import dev.sd101.output.SiteWriter;
import dev.sd101.search.AnalysisCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * serve's sink: a file put with the version it was last put with is kept without its bytes being made; anything
 * else (another version, a build that failed in between, a folder written whole) is written from its bytes; a path
 * the build no longer has is deleted, and the path set is the previous one exactly when the paths are the same.
 */
class ServeSinkTest {
    private final AtomicReference<ServeSink.Served> state = new AtomicReference<>();

    private ServeSink sink(Path out) {
        return new ServeSink(new SiteWriter(out), out.toAbsolutePath().normalize(), state, AnalysisCache.none());
    }

    private static Supplier<byte[]> bytes(String text, AtomicInteger made) {
        return () -> {
            made.incrementAndGet();
            return text.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String read(Path out, String path) throws IOException {
        return Files.readString(out.resolve(path));
    }

    private Set<String> build(Path out, Object version, String text, AtomicInteger made, boolean finish) {
        try (ServeSink s = sink(out)) {
            s.put("index.html", "<p>home</p>".getBytes(StandardCharsets.UTF_8));
            s.put("search/terms/a.json", version, bytes(text, made));
            Set<String> paths = s.paths();
            if (finish) {
                s.finish(List.of(), 1, new StageClock());
            }
            return paths;
        }
    }

    @Test
    void aFileOfTheSameVersionIsKeptWithoutItsBytes(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("site");
        AtomicInteger made = new AtomicInteger();
        Object v1 = new Object();
        Set<String> first = build(out, v1, "one", made, true);
        assertEquals(1, made.get(), "written whole: the bytes are made");
        Set<String> second = build(out, v1, "one", made, true);
        assertEquals(1, made.get(), "the same version: kept, its bytes not made");
        assertEquals("one", read(out, "search/terms/a.json"));
        assertSame(state.get().paths(), second, "the same paths: the very set of the build before");
        assertEquals(first, second);
        build(out, new Object(), "two", made, true);
        assertEquals(2, made.get(), "another version: made and written");
        assertEquals("two", read(out, "search/terms/a.json"));
    }

    @Test
    void aFailedBuildInBetweenLeavesNoStaleFileKept(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("site");
        AtomicInteger made = new AtomicInteger();
        Object v1 = new Object();
        Object v2 = new Object();
        build(out, v1, "one", made, true);
        // The producer moves on to v2, but the build fails before it finishes: the folder still holds v1's file.
        build(out, v2, "two", made, false);
        assertEquals("one", read(out, "search/terms/a.json"), "a failed build leaves the folder as it was");
        build(out, v2, "two", made, true);
        assertEquals("two", read(out, "search/terms/a.json"), "v2 was never in the folder: written, not kept");
    }

    @Test
    void aPathTheBuildNoLongerHasIsDeleted(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("site");
        AtomicInteger made = new AtomicInteger();
        Object v1 = new Object();
        build(out, v1, "one", made, true);
        try (ServeSink s = sink(out)) {
            s.put("index.html", "<p>home</p>".getBytes(StandardCharsets.UTF_8));
            s.put("other.json", "{}".getBytes(StandardCharsets.UTF_8)); // as many paths, not the same ones
            Set<String> paths = s.paths();
            assertEquals(Set.of("index.html", "other.json"), paths);
            s.finish(List.of(), 1, new StageClock());
            assertEquals(Set.of("search/terms/a.json", "other.json"), s.changed());
        }
        assertEquals(false, Files.exists(out.resolve("search/terms/a.json")));
        assertEquals("{}", read(out, "other.json"));
    }
}
