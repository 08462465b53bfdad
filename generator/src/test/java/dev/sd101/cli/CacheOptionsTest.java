package dev.sd101.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where {@code generate} keeps its analysis cache: the user's cache folder by default, or as told, or nowhere. */
class CacheOptionsTest {
    @TempDir
    Path dir;

    private record Run(int code, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new Run(code, err.toString());
    }

    private Path doc() throws IOException {
        Path md = dir.resolve("docs/README.md");
        Files.createDirectories(md.getParent());
        Files.writeString(md, "# 제목\n\n## 캐시\n\n캐시는 자주 쓰는 데이터를 가까이 둡니다.\n");
        return md;
    }

    private static Path cacheFile(Path folder) {
        return folder.resolve(dev.sd101.search.AnalysisCache.FILE_NAME);
    }

    @Test
    void byDefaultTheCacheIsUnderXdgCacheHomeOneFolderPerOutputFolder() throws IOException {
        Path xdg = dir.resolve("xdg");
        Path out = dir.resolve("site");
        Run r = run(Map.of("XDG_CACHE_HOME", xdg.toString(), "HOME", dir.resolve("home").toString()),
                "generate", "--source", doc().toString(), "--output", out.toString(), "--lang", "ko");
        assertEquals(0, r.code(), r.err());
        Path expected = CacheFolder.of(out, Map.of("XDG_CACHE_HOME", xdg.toString()));
        assertTrue(expected.startsWith(xdg.resolve("sd101")), expected.toString());
        assertTrue(Files.isRegularFile(cacheFile(expected)));
        assertFalse(Files.exists(dir.resolve("home")), "XDG_CACHE_HOME wins over HOME");
    }

    @Test
    void cacheDirAndNoCache() throws IOException {
        Path xdg = dir.resolve("xdg");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", xdg.toString());
        Path chosen = dir.resolve("chosen");
        Run r = run(env, "generate", "--source", doc().toString(), "--output", dir.resolve("site").toString(),
                "--cache-dir", chosen.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(cacheFile(chosen)));
        r = run(env, "generate", "--source", doc().toString(), "--output", dir.resolve("site2").toString(), "--no-cache");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(xdg), "--no-cache writes no cache anywhere");
        r = run(env, "generate", "--source", doc().toString(), "--output", dir.resolve("site3").toString(), "--no-search");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(xdg), "a site without search has nothing to cache");
    }

    @Test
    void serveTakesTheSameCacheOptions() {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new String[]{"serve", "--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), Map.of()));
        assertTrue(out.toString().contains("--cache-dir=<dir>") && out.toString().contains("--no-cache"), out.toString());
    }

    @Test
    void aCacheDirInsideTheOutputIsAUsageErrorNamingTheOption() throws IOException {
        Path out = dir.resolve("site");
        Run r = run(Map.of(), "generate", "--source", doc().toString(), "--output", out.toString(),
                "--cache-dir", out.resolve("cache").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --cache-dir (cacheDirectory must be outside the output folder"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void defaultFolders() {
        Path out = Path.of("/srv/project/site");
        assertEquals(Path.of("/x/sd101"), CacheFolder.of(out, Map.of("XDG_CACHE_HOME", "/x")).getParent());
        assertEquals(Path.of("/home/u/.cache/sd101"), CacheFolder.of(out, Map.of("HOME", "/home/u")).getParent());
        assertEquals(Path.of("/home/u/.cache/sd101"), CacheFolder.of(out, Map.of("XDG_CACHE_HOME", "relative/ignored",
                "HOME", "/home/u")).getParent(), "a relative XDG_CACHE_HOME is ignored, as the XDG spec says");
        assertTrue(CacheFolder.of(out, Map.of("HOME", "/h")).getFileName().toString().startsWith("project-"));
        assertEquals(CacheFolder.of(out, Map.of("HOME", "/h")), CacheFolder.of(Path.of("/srv/project/./site"), Map.of("HOME", "/h")));
        assertNotEquals(CacheFolder.of(out, Map.of("HOME", "/h")), CacheFolder.of(Path.of("/other/project/site"), Map.of("HOME", "/h")),
                "two projects of the same name keep separate caches");
        assertNull(CacheFolder.of(out, Map.of()), "no cache folder known: no cache");
    }
}
