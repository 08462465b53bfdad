package dev.sd101.search;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search per edition, through the real browser engine (search-engine.js under Node, via benchmark.mjs): each
 * edition's index is analysed for its own language, and a query that only that language's analysis can answer
 * finds its article there, and not in the same text indexed with the default analysis. The upstream editions' search
 * is {@link EditionSearchIT}.
 */
class EditionSearchTest {
    private static final Path FIXTURE = Path.of("src/test/resources/editions").toAbsolutePath();
    private static final Pattern RESULT = Pattern.compile("RESULT set=(\\S+) engine=sd101 r1=([\\d.]+) r5=([\\d.]+) mrr=([\\d.]+)");
    private static final Pattern COST = Pattern.compile("RESULT cost indexBytes=(\\d+) firstQueryMaxGzip=(\\d+)");
    /** Today's budget of the first query's download (scripts and index files, gzip). */
    static final int FIRST_QUERY_BUDGET = 69 * 1024;

    /** recall@5 of a query set against an edition's folder, and its first query's gzip bytes. */
    record Scores(double r1, double r5, long firstQueryGzip) {
    }

    static Scores run(Path editionDir, Path queries) throws IOException, InterruptedException {
        Path repo = ReadmeKoPages.repo();
        NodeRunner.Result result = NodeRunner.run(repo, Map.of(), "generator/src/test/js/benchmark.mjs",
                editionDir.toString(), "templates/theme/assets", queries.toString());
        System.out.println(editionDir + ": " + result.output());
        assertEquals(0, result.exitCode(), result.output());
        Matcher m = RESULT.matcher(result.output());
        assertTrue(m.find(), result.output());
        Matcher c = COST.matcher(result.output());
        assertTrue(c.find(), result.output());
        return new Scores(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Long.parseLong(c.group(2)));
    }

    static Path queries(Path tmp, String name, List<String> lines) throws IOException {
        Path file = tmp.resolve(name + ".tsv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void eachEditionIsAnalysedInItsLanguage(@TempDir Path tmp) throws Exception {
        NodeRunner.node();
        Path out = tmp.resolve("site");
        BuildResult r = new Sd101().generate(SiteConfig.builder(FIXTURE).configFile(FIXTURE.resolve("sd101.yml")).outputDirectory(out).build());
        assertTrue(r.written());
        // Japanese is written without spaces: only Kuromoji finds the word 設計 inside システム設計の基本.
        Path ja = queries(tmp, "ja", List.of("設計\tメッセージキューとは", "複製\tデータベースのレプリケーション"));
        // English: "sharing" is indexed with its base form "share" (KStem); a prefix of "sharing" it is not.
        Path en = queries(tmp, "en", List.of("share\tdatabase-replication", "edge servers\thow-does-a-cdn-work"));
        Path ko = queries(tmp, "ko", List.of("복제 지연\t데이터베이스-복제", "엣지 서버\tcdn은-어떻게-작동하나요"));
        assertEquals(1.0, run(out.resolve("ja"), ja).r5());
        assertEquals(1.0, run(out.resolve("en"), en).r5());
        assertEquals(1.0, run(out, ko).r5());
        // Each edition's box searches its own edition: the Korean index does not hold the English article.
        assertEquals(0.0, run(out, en).r5());

        // The same texts as sites of one edition each, indexed with the default analysis: the first queries miss.
        Path empty = Files.writeString(tmp.resolve("none.yml"), "title: one edition\n");
        for (String lang : List.of("ja", "en")) {
            Path single = tmp.resolve("single-" + lang);
            new Sd101().generate(SiteConfig.builder(FIXTURE.resolve(lang + "/README.md")).configFile(empty).language(lang)
                    .outputDirectory(single).build());
            Path first = queries(tmp, lang + "-first", List.of(Files.readAllLines(lang.equals("ja") ? ja : en).get(0)));
            assertEquals(0.0, run(single, first).r5(), lang + " without its analysis");
        }
    }

    /**
     * Japanese and Chinese compounds typed without spaces (as readers type them) find their articles: Kuromoji and
     * smartcn split システム設計 and 系统设计 into two words, which a query of one surface token never equals and is a
     * prefix of no term; the editions' bigrams are what the browser's query bigrams meet
     * (src/test/resources/editions-cjk: Japanese at the root, Chinese under zh/).
     */
    @Test
    void cjkCompoundsTypedWithoutSpacesFindTheirArticles(@TempDir Path tmp) throws Exception {
        NodeRunner.node();
        Path fixture = Path.of("src/test/resources/editions-cjk").toAbsolutePath();
        Path out = tmp.resolve("site");
        BuildResult r = new Sd101().generate(SiteConfig.builder(fixture).configFile(fixture.resolve("sd101.yml")).outputDirectory(out).build());
        assertTrue(r.written(), r.problems().toString());
        try (TermAnalysis ja = new TermAnalysis(TermAnalysis.Language.JAPANESE);
             TermAnalysis zh = new TermAnalysis(TermAnalysis.Language.CHINESE)) {
            // The segmenters' words alone: the compound as typed is no term of its text.
            assertTrue(!ja.morphemes("大規模なシステム設計では").contains("システム設計"));
            assertTrue(!zh.morphemes("大型分布式系统设计时").contains("系统设计"));
        }
        Path jaQueries = queries(tmp, "ja-compounds", List.of("システム設計\t大規模サービスの考え方", "負荷分散\t負荷を分けるには"));
        Path zhQueries = queries(tmp, "zh-compounds", List.of("系统设计\t大规模服务的思路", "负载均衡\t如何分担压力"));
        assertEquals(1.0, run(out, jaQueries).r1());
        assertEquals(1.0, run(out.resolve("zh"), zhQueries).r1());
    }
}
