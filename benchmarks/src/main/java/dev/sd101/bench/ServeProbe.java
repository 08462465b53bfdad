package dev.sd101.bench;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one-page rebuild of {@code serve}, in a fresh JVM: one engine builds a copy of the document, then the copy is
 * edited one line at a time (each edit in a paragraph of another article, kept, so each rebuild has exactly one
 * changed page) and rebuilt as {@code serve} rebuilds after a save: {@link Sd101#build}, the time {@code serve}
 * prints and after which it tells open pages to reload. Finally one heading is renamed, which changes every page's
 * navigation. Prints one {@code PROBE} line: the first build, the first edit's rebuild (the least warm), the median
 * and 90th percentile of the rest, the median of each stage, and the heading rename. Between the first build and
 * the first edit it runs {@link Sd101#warmUp}, as {@code serve} does in the background while the user opens a page.
 *
 * <pre>{@code java -Xmx512m -cp … dev.sd101.bench.ServeProbe <source.md> <lang> <image base url> <edits>}</pre>
 */
public final class ServeProbe {
    private ServeProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("sd101-serve-probe");
        Path source = dir.resolve(Path.of(args[0]).getFileName().toString());
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(args[0])));
        Files.write(source, lines);
        SiteConfig config = SiteConfig.builder(source).outputDirectory(dir.resolve("site")).language(args[1])
                .imageBaseUrl(args[2].isEmpty() ? null : args[2]).build();
        int edits = Integer.parseInt(args[3]);
        List<Integer> paragraphs = paragraphLines(lines);
        Sd101 engine = new Sd101();

        long first = build(engine, config).nanos();
        // As serve does on a spare core after its first build, done here before the user's first edit.
        engine.warmUp(config, () -> false);
        List<Long> rebuilds = new ArrayList<>();
        List<Map<String, Long>> stages = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            // Spread over the document: each edit lands in another article's paragraph.
            int line = paragraphs.get((int) ((long) i * paragraphs.size() / edits));
            lines.set(line, lines.get(line) + " (edit " + i + ")");
            Files.write(source, lines);
            Timed t = build(engine, config);
            rebuilds.add(t.nanos());
            stages.add(t.result().stageNanos());
        }
        int heading = headingLine(lines);
        lines.set(heading, lines.get(heading) + " (renamed)");
        Files.write(source, lines);
        long renamed = build(engine, config).nanos();

        List<Long> rest = rebuilds.subList(1, rebuilds.size()).stream().sorted().toList();
        StringBuilder out = new StringBuilder("PROBE first=").append(first)
                .append(" firstEdit=").append(rebuilds.get(0))
                .append(" median=").append(rest.get(rest.size() / 2))
                .append(" p90=").append(rest.get(Math.min(rest.size() - 1, rest.size() * 9 / 10)))
                .append(" headingRename=").append(renamed)
                .append(" edits=").append(edits);
        for (String stage : stages.get(0).keySet()) {
            List<Long> xs = stages.subList(1, stages.size()).stream().map(s -> s.getOrDefault(stage, 0L)).sorted().toList();
            out.append(" stage.").append(stage).append('=').append(xs.get(xs.size() / 2));
        }
        System.out.println(out);
    }

    private record Timed(long nanos, BuildResult result) {
    }

    private static Timed build(Sd101 engine, SiteConfig config) {
        long start = System.nanoTime();
        SiteBuild site = engine.build(config);
        long nanos = System.nanoTime() - start;
        if (site.files().isEmpty()) {
            throw new IllegalStateException("the build failed: " + site.result().problems());
        }
        return new Timed(nanos, site.result());
    }

    /** Lines of plain paragraph text below the first {@code ###} heading (inside articles, not the TOC). */
    private static List<Integer> paragraphLines(List<String> lines) {
        List<Integer> out = new ArrayList<>();
        boolean inArticles = false;
        boolean fence = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```")) {
                fence = !fence;
            }
            if (l.startsWith("### ")) {
                inArticles = true;
            }
            if (inArticles && !fence && l.length() > 20 && Character.isLetter(l.codePointAt(0))) {
                out.add(i);
            }
        }
        if (out.size() < 2) {
            throw new IllegalArgumentException("no paragraphs to edit below a ### heading");
        }
        return out;
    }

    private static int headingLine(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("### ")) {
                return i;
            }
        }
        throw new IllegalArgumentException("no ### heading to rename");
    }
}
