package dev.sd101.engine;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import dev.sd101.SiteFiles;
import dev.sd101.search.AnalysisCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code generate} with an analysis cache: each build in a new engine (a new CLI process), and the site always
 * byte for byte the one a build without the cache writes: a first build, a rebuild of unchanged content, a rebuild
 * after an edit. A build that fails leaves the previous cache file.
 */
class AnalysisCacheBuildTest {
    @TempDir
    Path tmp;

    private static final String DOC = "# 시스템 설계 101\n\n- [API와 웹 개발](#api와-웹-개발)\n- [캐싱](#캐싱)\n\n"
            + "## API와 웹 개발\n\n### REST API와 GraphQL\n\nREST API는 자원을 URL로 나타내고, GraphQL은 하나의 엔드포인트로 "
            + "필요한 데이터만 요청합니다.\n\n### gRPC는 어떻게 작동하나요?\n\ngRPC는 HTTP/2 위에서 프로토콜 버퍼를 사용합니다.\n\n"
            + "## 캐싱\n\n### Redis는 왜 빠른가요?\n\nRedis는 메모리 기반 저장소이며 단일 스레드 이벤트 루프를 사용합니다.\n\n"
            + "| 전략 | 설명 |\n|---|---|\n| Cache Aside | 애플리케이션이 캐시를 관리 |\n";

    private Path source(String text) throws IOException {
        Path src = tmp.resolve("docs/README.md");
        Files.createDirectories(src.getParent());
        Files.writeString(src, text);
        return src;
    }

    private Map<String, byte[]> generate(Path src, Path cache) throws IOException {
        Path site = tmp.resolve(cache == null ? "site-plain" : "site-cached");
        SiteConfig config = SiteConfig.builder(src).outputDirectory(site).language("ko").cacheDirectory(cache).build();
        BuildResult r = new Sd101().generate(config);
        assertTrue(r.written(), r.problems().toString());
        return SiteFiles.read(site);
    }

    @Test
    void firstBuildRebuildAndEditedRebuildWriteWhatABuildWithoutTheCacheWrites() throws IOException {
        Path cache = tmp.resolve("cache");
        Path src = source(DOC);
        Map<String, byte[]> plain = generate(src, null);
        assertTrue(plain.keySet().stream().anyMatch(k -> k.startsWith("search/")), "the site has a search index");

        SiteFiles.assertSameFiles(plain, generate(src, cache));
        assertTrue(Files.isRegularFile(cache.resolve(AnalysisCache.FILE_NAME)));
        SiteFiles.assertSameFiles(plain, generate(src, cache)); // every text from the cache

        Path edited = source(DOC.replace("단일 스레드 이벤트 루프", "다중화된 입출력과 효율적인 자료 구조"));
        Map<String, byte[]> editedPlain = generate(edited, null);
        assertTrue(plain.keySet().stream().filter(k -> k.startsWith("search/"))
                .anyMatch(k -> !java.util.Arrays.equals(plain.get(k), editedPlain.get(k))), "the edit changed the index");
        SiteFiles.assertSameFiles(editedPlain, generate(edited, cache)); // the changed section analysed, the rest from the cache
    }

    @Test
    void serveReadsAndWritesTheCacheOnItsFirstBuildOnly() throws IOException {
        Path cache = tmp.resolve("cache");
        Path src = source(DOC);
        SiteConfig plain = SiteConfig.builder(src).outputDirectory(tmp.resolve("site-mem")).language("ko").build();
        SiteConfig cached = plain.withCacheDirectory(cache);
        Map<String, byte[]> expected = new Sd101().build(plain).files();

        Sd101 engine = new Sd101();
        SiteFiles.assertSameFiles(expected, engine.build(cached).files());
        Path file = cache.resolve(AnalysisCache.FILE_NAME);
        byte[] written = Files.readAllBytes(file);
        var modified = Files.getLastModifiedTime(file);
        SiteFiles.assertSameFiles(expected, engine.build(cached).files()); // the engine's own analyses
        assertArrayEquals(written, Files.readAllBytes(file));
        assertTrue(modified.equals(Files.getLastModifiedTime(file)), "a later build of the same engine leaves the file");

        SiteFiles.assertSameFiles(expected, new Sd101().build(cached).files()); // a restarted serve finds the cache
    }

    @Test
    void aFailedBuildLeavesThePreviousCacheFile() throws IOException {
        Path cache = tmp.resolve("cache");
        Path src = source(DOC);
        generate(src, cache);
        byte[] before = Files.readAllBytes(cache.resolve(AnalysisCache.FILE_NAME));
        // Strict mode with a broken link: nothing is written, the cache neither.
        source(DOC + "\n\n새 문단 [깨진 링크](#없는-제목)\n");
        SiteConfig strict = SiteConfig.builder(src).outputDirectory(tmp.resolve("site-cached")).language("ko")
                .cacheDirectory(cache).strict(true).build();
        assertFalse(new Sd101().generate(strict).written());
        assertArrayEquals(before, Files.readAllBytes(cache.resolve(AnalysisCache.FILE_NAME)));
    }

    @Test
    void theCacheMayNotLiveInTheOutputFolder() throws IOException {
        Path src = source(DOC);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SiteConfig.builder(src)
                .outputDirectory(tmp.resolve("site")).cacheDirectory(tmp.resolve("site/.cache")).build());
        assertTrue(e.getMessage().startsWith("cacheDirectory must be outside the output folder"), e.getMessage());
    }
}
