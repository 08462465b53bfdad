package dev.sd101.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The search-quality benchmark as a test: builds the index of {@code content/README-ko.md}, runs
 * {@code benchmark.mjs} (the real JS engine under Node) on the shared query set and the committed hard set, prints
 * the report and asserts the quality goals. Timings and sizes are printed, not asserted (machines differ).
 *
 * <p>Run just this: {@code mvn -q -pl generator -am test -Dtest=SearchQualityIT -Dsurefire.failIfNoSpecifiedTests=false}
 */
class SearchQualityIT {
    private static final Pattern RESULT =
            Pattern.compile("RESULT set=(\\S+) engine=sd101 r1=([\\d.]+) r5=([\\d.]+) mrr=([\\d.]+)");

    @Test
    void readmeKoMeetsTheQualityGoals() throws Exception {
        Path shared = ReadmeKoPages.shared();
        Path repo = ReadmeKoPages.repo();
        Path site = repo.resolve("generator/target/search-bench/site");
        SearchIndex index = new SearchIndexer().build(ReadmeKoPages.load());
        NodeRunner.write(index, site);
        NodeRunner.Result result = NodeRunner.run(repo, Map.of(), "generator/src/test/js/benchmark.mjs",
                site.toString(), "templates/theme/assets", shared.resolve("search-queries.tsv").toString(),
                "generator/src/test/resources/search/hard-queries.tsv",
                "generator/src/test/resources/search/expansion-queries.tsv");
        System.out.println(result.output());
        assertEquals(0, result.exitCode(), result.output());

        Map<String, double[]> scores = new HashMap<>();
        Matcher m = RESULT.matcher(result.output());
        while (m.find()) {
            scores.put(m.group(1), new double[] {Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
        }
        double[] shared5 = scores.get("search-queries");
        double[] hard = scores.get("hard-queries");
        assertEquals(1.0, shared5[0], 1e-9, "shared set recall@5");
        assertTrue(shared5[1] >= 0.95, "shared set MRR " + shared5[1]);
        assertTrue(hard[0] >= 0.95, "hard set recall@5 " + hard[0]);
        assertTrue(hard[1] >= 0.90, "hard set MRR " + hard[1]);
        // Words the text writes otherwise: Hangul for Latin, English for Korean, typos, synonyms, questions.
        double[] expansion = scores.get("expansion-queries");
        assertTrue(expansion[0] >= 0.90, "expansion set recall@5 " + expansion[0]);
        assertTrue(expansion[1] >= 0.80, "expansion set MRR " + expansion[1]);
    }
}
