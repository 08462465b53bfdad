package dev.sd101.engine;

import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import dev.sd101.SiteFiles;
import dev.sd101.markdown.MarkdownParser;
import dev.sd101.search.AnalysisCache;
import dev.sd101.search.SearchIndexer;
import dev.sd101.template.ThemeCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages rendered while the search analysis is still loading are indexed after the render pass instead of at once
 * ({@link RenderPass#indexingLaterWhile}): the site, its search index above all, must be the same bytes either way,
 * and whichever pages happen to wait.
 */
class DeferredIndexingTest {
    @Test
    void pagesIndexedAfterThePassGiveTheSameSiteAsPagesIndexedAtOnce(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("docs/README.md");
        Files.createDirectories(src.getParent());
        StringBuilder md = new StringBuilder("# 시스템 설계 안내서\n\n");
        for (int i = 1; i <= 12; i++) {
            md.append("- [").append(i).append("장 캐시(cache)와 복제](#").append(i).append("장-캐시cache와-복제)\n");
        }
        for (int i = 1; i <= 12; i++) {
            md.append("\n## ").append(i).append("장 캐시(cache)와 복제\n\n데이터베이스 앞에 캐시를 두면 읽기 부하가 줄어든다. ")
                    .append("Replication keeps copy ").append(i).append(" of the data; 로드 밸런서(load balancer)가 요청을 나눈다.\n\n")
                    .append("### 장애 ").append(i).append("\n\n[처음으로](#시스템-설계-안내서), [다음 장](#")
                    .append(i % 12 + 1).append("장-캐시cache와-복제).\n");
        }
        Files.writeString(src, md);
        SiteConfig config = SiteConfig.builder(src).outputDirectory(tmp.resolve("site")).language("ko").build();
        MarkdownParser parser = new MarkdownParser();
        SearchIndexer indexer = new SearchIndexer();

        SiteBuild atOnce = pass(config, parser, indexer, () -> false);
        SiteBuild allLater = pass(config, parser, indexer, () -> true);
        int[] calls = {0};
        SiteBuild someLater = pass(config, parser, indexer, () -> calls[0]++ % 3 == 0);

        assertTrue(atOnce.files().keySet().stream().anyMatch(f -> f.startsWith("search/")), "the site has a search index");
        SiteFiles.assertSameFiles(atOnce.files(), allLater.files());
        SiteFiles.assertSameFiles(atOnce.files(), someLater.files());
    }

    /** The render pass of a streamed build (as generate runs it), into memory. */
    private static SiteBuild pass(SiteConfig config, MarkdownParser parser, SearchIndexer indexer, BooleanSupplier busy) {
        StageClock clock = new StageClock();
        Planned planned = new Planner(parser).plan(config, clock, null, null, true, null);
        ThemeCache.Theme theme = new ThemeCache().get(config.themeDirectory());
        SiteCheck check = SiteCheck.of(planned);
        try (PageSink sink = new MemorySink(AnalysisCache.none())) {
            new RenderPass(config, planned, parser, theme, new RenderMemo().none(), "test").releasingTrees()
                    .indexingLaterWhile(busy)
                    .into(sink, SearchStage.streamed(indexer, planned.site().pages().size(), AnalysisCache.none()), check, clock);
            return sink.finish(List.of(), planned.site().pages().size(), clock);
        }
    }
}
