package dev.sd101.bench;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.Rebuild;
import dev.sd101.SiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one-page rebuild of {@code serve}, in a fresh JVM: one engine builds a copy of the content, then the copy is
 * edited one line at a time (each edit in a paragraph of another article, kept, so each rebuild has exactly one
 * changed page) and rebuilt as {@code serve} rebuilds after a save: {@link Sd101#rebuild(SiteConfig, Set)} told the
 * edited file as the watcher tells it, which writes what changed into the output folder the server answers from:
 * the time {@code serve} prints and after which it tells open pages to reload. Finally one heading is renamed, which changes every page's
 * navigation (or the front matter's {@code title}, in a file titled by it). Prints one {@code PROBE} line: the first build, the first edit's rebuild (the least warm), the median
 * and 90th percentile of the rest, the median of each stage, the heading rename, and the memory: the heap's peak
 * (garbage included, as the pools saw it), the most it held live after a build (a full collection after each, outside
 * the timings) and the process's peak resident size. Between the first build and
 * the first edit it runs {@link Sd101#warmUp} (up to 3,000 files), as {@code serve} does in the background while the
 * user opens a page.
 *
 * <p>The content is one Markdown file (README-ko: edits in paragraphs below the first {@code ###}, the last
 * {@code ###} renamed) or a folder of them (edits each in another file, spread over the folder; the last file's
 * title renamed).
 *
 * <pre>{@code java -Xmx512m -cp … dev.sd101.bench.ServeProbe <source.md|folder> <lang> <image base url> <edits> [split level]}</pre>
 */
public final class ServeProbe {
    /** Sites of more files than this are not warmed up (as {@code serve}'s DevServer decides). */
    private static final int WARM_UP_MAX_FILES = 3_000;

    private ServeProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("sd101-serve-probe");
        Path original = Path.of(args[0]);
        Path source = dir.resolve(original.getFileName().toString());
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(original)) {
            try (var walk = Files.walk(original)) {
                for (Path p : walk.sorted().toList()) {
                    Path copy = source.resolve(original.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(p, copy);
                        if (copy.toString().endsWith(".md")) {
                            files.add(copy);
                        }
                    }
                }
            }
        } else {
            Files.copy(original, source);
            files.add(source);
        }
        SiteConfig config = SiteConfig.builder(source).outputDirectory(dir.resolve("site")).language(args[1])
                .imageBaseUrl(args[2].isEmpty() ? null : args[2])
                .splitLevel(args.length > 4 ? Integer.parseInt(args[4]) : 0).build();
        int edits = Integer.parseInt(args[3]);
        List<Edit> places = files.size() == 1 ? paragraphs(files.get(0), "### ") : firstParagraphs(files, edits);
        if (places.size() < 2) {
            throw new IllegalArgumentException(original + ": no paragraphs to edit (below a ### heading in a file, "
                    + "below the title in a folder's files)");
        }
        Sd101 engine = new Sd101();

        Timed firstBuild = build(engine, config, null);
        long first = firstBuild.nanos();
        // As serve does on a spare core after its first build, done here before the user's first edit; as there, not
        // for a large site, whose first build warms the JIT by itself (and whose throwaway builds hold it in memory).
        if (firstBuild.result().files() <= WARM_UP_MAX_FILES) {
            engine.warmUp(config, () -> false);
        }
        List<Long> rebuilds = new ArrayList<>();
        List<Map<String, Long>> stages = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            // Spread over the content: each edit lands in another article's paragraph.
            Edit e = places.get((int) ((long) i * places.size() / edits));
            append(e.file(), e.line(), " (edit " + i + ")");
            Timed t = build(engine, config, Set.of(e.file()));
            rebuilds.add(t.nanos());
            stages.add(t.result().stageNanos());
        }
        Path last = files.get(files.size() - 1);
        rename(last, files.size() == 1 ? "### " : "# ");
        Timed renamed = build(engine, config, Set.of(last));

        long heapPeak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        List<Long> rest = rebuilds.subList(1, rebuilds.size()).stream().sorted().toList();
        StringBuilder out = new StringBuilder("PROBE first=").append(first)
                .append(" firstEdit=").append(rebuilds.get(0))
                .append(" median=").append(rest.get(rest.size() / 2))
                .append(" p90=").append(rest.get(Math.min(rest.size() - 1, rest.size() * 9 / 10)))
                .append(" headingRename=").append(renamed.nanos())
                .append(" edits=").append(edits)
                .append(" pages=").append(renamed.result().pages())
                .append(" heapPeak=").append(heapPeak)
                .append(" heapLive=").append(liveMax)
                .append(" rss=").append(peakRss());
        for (String stage : stages.get(0).keySet()) {
            List<Long> xs = stages.subList(1, stages.size()).stream().map(s -> s.getOrDefault(stage, 0L)).sorted().toList();
            out.append(" stage.").append(stage).append('=').append(xs.get(xs.size() / 2));
        }
        System.out.println(out);
    }

    /** A line of a file to edit, and its text before the edit. */
    record Edit(Path file, int line, String text) {
    }

    /**
     * The paragraphs the edits of a folder go to, as {@link #main} picks them: the first paragraph of each of
     * {@code edits} files spread over the folder's Markdown files in path order (so that {@link HugoServe} can make
     * the same edits on Hugo's copy).
     */
    static List<Edit> places(Path folder, int edits) throws IOException {
        return firstParagraphs(markdownFiles(folder), edits);
    }

    /** The file whose title the last edit renames: the folder's last Markdown file in path order. */
    static Path lastFile(Path folder) throws IOException {
        List<Path> files = markdownFiles(folder);
        return files.get(files.size() - 1);
    }

    private static List<Path> markdownFiles(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            return walk.sorted().filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".md")).toList();
        }
    }

    private static void append(Path file, int line, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(line, lines.get(line) + text);
        Files.write(file, lines);
    }

    private record Timed(long nanos, BuildResult result) {
    }

    /** The most the heap held live after a build, in bytes: measured after each, outside its time. */
    private static long liveMax;

    private static void measureLive() {
        System.gc();
        liveMax = Math.max(liveMax, java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The process's peak resident set in bytes (Linux's VmHWM), or 0 where not known. */
    private static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return 0;
    }

    /** A build as serve makes one, told what the watcher saw change ({@code null}: the first build, told nothing). */
    private static Timed build(Sd101 engine, SiteConfig config, Set<Path> changed) {
        long start = System.nanoTime();
        Rebuild site = engine.rebuild(config, changed);
        long nanos = System.nanoTime() - start;
        if (!site.result().written()) {
            throw new IllegalStateException("the build failed: " + site.result().problems());
        }
        measureLive();
        return new Timed(nanos, site.result());
    }

    /** Lines of plain paragraph text in a file below its first heading that starts with {@code from}. */
    private static List<Edit> paragraphs(Path file, String from) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Edit> out = new ArrayList<>();
        boolean inArticles = false;
        boolean fence = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```")) {
                fence = !fence;
            }
            if (l.startsWith(from)) {
                inArticles = true;
            }
            if (inArticles && !fence && l.length() > 20 && Character.isLetter(l.codePointAt(0))) {
                out.add(new Edit(file, i, l));
            }
        }
        return out;
    }

    /** The first paragraph of each of {@code count} files spread over the folder (files without one are passed over). */
    private static List<Edit> firstParagraphs(List<Path> files, int count) throws IOException {
        List<Edit> out = new ArrayList<>();
        for (int i = 0; i < files.size() && out.size() < count; i += Math.max(1, files.size() / count)) {
            List<Edit> in = paragraphs(files.get(i), "# ");
            if (!in.isEmpty()) {
                out.add(in.get(0));
            }
        }
        return out;
    }

    /**
     * Renames the file's title: its last heading of {@code prefix}'s level, or, in a file titled by its front matter
     * (the {@code small} corpus shape, Hugo's layout), the front matter's {@code title}.
     */
    private static void rename(Path file, String prefix) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        if (!lines.isEmpty() && lines.get(0).equals("---")) {
            for (int i = 1; i < lines.size() && !lines.get(i).equals("---"); i++) {
                String l = lines.get(i);
                if (l.startsWith("title:")) {
                    lines.set(i, l.endsWith("\"") ? l.substring(0, l.length() - 1) + " (renamed)\"" : l + " (renamed)");
                    Files.write(file, lines);
                    return;
                }
            }
        }
        append(file, headingLine(lines, prefix), " (renamed)");
    }

    private static int headingLine(List<String> lines, String prefix) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + prefix.strip() + " heading to rename");
    }
}
