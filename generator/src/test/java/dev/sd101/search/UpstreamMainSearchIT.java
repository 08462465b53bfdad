package dev.sd101.search;

import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search benchmark over the whole upstream-main collection (400 guides): builds the site through the engine,
 * derives two query sets from the data at test time (each guide's title → that guide; each tag → the guides
 * filed under it; written under {@code target/}, never committed), runs {@code benchmark.mjs} and prints index
 * size, first-query bytes and quality. Only quality is asserted; sizes and times are printed.
 *
 * <p>Run just this: {@code mvn -q -pl generator -am test -Dtest=UpstreamMainSearchIT -Dsurefire.failIfNoSpecifiedTests=false}
 */
class UpstreamMainSearchIT {
    private static final Pattern RESULT = Pattern.compile("RESULT set=(\\S+) engine=sd101 r1=([\\d.]+) r5=([\\d.]+) mrr=([\\d.]+)");

    @Test
    void theWholeCollectionIsSearchable() throws Exception {
        Path data = ReadmeKoPages.shared().resolve("upstream-main");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(data.resolve("data/guides")), "no upstream-main; skipping");
        NodeRunner.node();
        Path repo = ReadmeKoPages.repo();
        Path work = repo.resolve("generator/target/upstream-main-search");
        Path site = work.resolve("site");
        new Sd101().generate(SiteConfig.builder(data).configFile(repo.resolve("examples/system-design-101/sd101.yml"))
                .outputDirectory(site).build());

        StringBuilder titles = new StringBuilder();
        Map<String, List<String>> tags = new TreeMap<>();
        Pattern title = Pattern.compile("(?m)^title:\\s*[\"']?(.*?)[\"']?\\s*$");
        Pattern tagLine = Pattern.compile("(?m)^  - [\"']?(.*?)[\"']?\\s*$");
        try (Stream<Path> files = Files.list(data.resolve("data/guides"))) {
            for (Path f : files.sorted().toList()) {
                String id = "guides/" + f.getFileName().toString().replaceFirst("\\.md$", "");
                String fm = Files.readString(f, StandardCharsets.UTF_8).split("(?m)^---\\s*$", 3)[1];
                Matcher m = title.matcher(fm);
                if (m.find()) {
                    titles.append(m.group(1).replace('\t', ' ')).append('\t').append(id).append('\n');
                }
                String tagBlock = fm.substring(Math.max(0, fm.indexOf("tags:")));
                Matcher t = tagLine.matcher(tagBlock);
                while (t.find()) {
                    tags.computeIfAbsent(t.group(1).toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(id);
                }
            }
        }
        StringBuilder tagQueries = new StringBuilder();
        tags.forEach((tag, ids) -> tagQueries.append(tag).append('\t').append(String.join(",", ids)).append('\n'));
        Files.writeString(work.resolve("title-queries.tsv"), titles);
        Files.writeString(work.resolve("tag-queries.tsv"), tagQueries);

        NodeRunner.Result result = NodeRunner.run(repo, Map.of(), "generator/src/test/js/benchmark.mjs", site.toString(),
                "templates/theme/assets", work.resolve("title-queries.tsv").toString(), work.resolve("tag-queries.tsv").toString());
        System.out.println(result.output());
        assertEquals(0, result.exitCode(), result.output());
        Map<String, Double> recall5 = new TreeMap<>();
        Matcher m = RESULT.matcher(result.output());
        while (m.find()) {
            recall5.put(m.group(1), Double.parseDouble(m.group(3)));
        }
        assertTrue(recall5.get("title-queries") >= 0.98, "a guide's title finds it: " + recall5);
        assertTrue(recall5.get("tag-queries") >= 0.85, "a tag finds a guide filed under it: " + recall5);
    }
}
