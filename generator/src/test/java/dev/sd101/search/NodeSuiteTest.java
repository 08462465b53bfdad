package dev.sd101.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs the JavaScript tests ({@code generator/src/test/js/*.test.mjs}, {@code node --test}) against a fixture
 * index built here by the real indexer. Skipped without Node, failing on CI ({@link NodeRunner}).
 */
class NodeSuiteTest {
    static final List<SearchPage> FIXTURE = List.of(
            new SearchPage("redis/", "Redis는 왜 빠른가요?", List.of("캐시"),
                    "<h3 id=\"redis\">Redis는 왜 빠른가요?</h3><p>Redis는 RAM 기반 데이터 스토리지입니다. 캐시는 디스크보다 "
                            + "빠릅니다. Redis는 IO 멀티플렉싱과 싱글 스레드 익스큐션 루프를 활용합니다.</p>"),
            new SearchPage("kubernetes/", "쿠버네티스란 무엇인가요?", List.of("DevOps"),
                    "<h3 id=\"kubernetes\">쿠버네티스란 무엇인가요?</h3><p>쿠버네티스는 컨테이너 오케스트레이션 플랫폼입니다. "
                            + "Kubernetes schedules pods on nodes.</p><h4 id=\"control-plane\">컨트롤 플레인</h4>"
                            + "<p>API 서버, 스케줄러, 컨트롤러 매니저로 구성됩니다.</p>"),
            new SearchPage("gateway/", "API gateway는 무엇을 하나요?", List.of("Communication protocols"),
                    "<h3 id=\"gateway\">API gateway는 무엇을 하나요?</h3><p>클라이언트가 API 게이트웨이에 HTTP 요청을 "
                            + "보냅니다. Rate limiting and authentication happen here.</p>"),
            new SearchPage("english/", "Microservice best practices", List.of("Microservices"),
                    "<h3 id=\"english\">Microservice best practices</h3><p>Use a separate data store for each "
                            + "microservice. Services talk through message queues.</p>"),
            new SearchPage("xss/", "<script>alert(1)</script>", List.of(),
                    "<h3 id=\"xss\">&lt;script&gt;alert(1)&lt;/script&gt;</h3><p>&lt;img src=x onerror=alert(2)&gt; "
                            + "is shown as text.</p>"));

    /** Another edition's index (English, analysed as an English edition), for the search across editions. */
    static final List<SearchPage> ENGLISH_EDITION = List.of(
            new SearchPage("webhook/", "What is a webhook?", List.of("API"),
                    "<h3 id=\"webhook\">What is a webhook?</h3><p>A webhook is a callback over HTTP: the payment service "
                            + "calls our URL when a payment completes, instead of us polling it.</p>"),
            new SearchPage("redis/", "Why is Redis so fast?", List.of("Cache"),
                    "<h3 id=\"redis\">Why is Redis so fast?</h3><p>Redis keeps data in RAM and serves requests with "
                            + "IO multiplexing on a single thread.</p>"));

    @Test
    void javascriptTestsPass() throws Exception {
        Path repo = ReadmeKoPages.repo();
        Path site = repo.resolve("generator/target/search-fixture/site");
        NodeRunner.write(new SearchIndexer().build(FIXTURE), site);
        NodeRunner.write(new SearchIndexer("en").build(ENGLISH_EDITION), site.resolve("en"));
        Path jsDir = repo.resolve("generator/src/test/js");
        List<String> args = new ArrayList<>(List.of("--test"));
        try (Stream<Path> files = Files.list(jsDir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".test.mjs")).sorted()
                    .forEach(p -> args.add(repo.relativize(p).toString()));
        }
        NodeRunner.Result result = NodeRunner.run(repo, Map.of("SD101_FIXTURE_SITE", site.toString()),
                args.toArray(String[]::new));
        System.out.println(result.output());
        assertEquals(0, result.exitCode(), result.output());
    }
}
