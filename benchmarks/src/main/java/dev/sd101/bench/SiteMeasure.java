package dev.sd101.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Sizes of a built site as a reader's browser sees them: the whole output, the search index (raw and gzip, file by
 * file as a server compresses them), and the gzip bytes a reader's first search query downloads.
 *
 * <p>The first-query figure comes from the search package's own benchmark ({@code generator/src/test/js/benchmark.mjs},
 * the real browser engine under Node, one cold engine per query), run on the committed hard query set, so there is
 * one definition of that number, not two.
 */
final class SiteMeasure {
    private static final Pattern COST = Pattern.compile("RESULT cost indexBytes=(\\d+) firstQueryMaxGzip=(\\d+)");
    private static final Pattern MEDIAN = Pattern.compile("first query \\(scripts \\+ fetched files, gzip\\): median (\\d+) B");

    /** Sizes of one site; {@code -1} where not measured. */
    record Sizes(long outputBytes, long outputFiles, long indexBytes, long indexGzip, long firstQueryMedianGzip,
                 long firstQueryMaxGzip, Pages pages) {
    }

    /**
     * What the HTML pages carry: the largest page (its path and bytes) and the links ({@code <a href}) per page, which
     * grow with the site when every page repeats its navigation.
     */
    record Pages(String largest, long largestBytes, double meanLinks, long maxLinks) {
    }

    private static final Pattern LINK = Pattern.compile("<a\\s[^>]*href=");

    /** {@link Pages} of the {@code .html} files under {@code site} (the 404 page and search folder left out). */
    static Pages pages(Path site) throws IOException {
        String largest = "";
        long largestBytes = 0;
        long links = 0;
        long maxLinks = 0;
        long count = 0;
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html") && Files.isRegularFile(f)).sorted().toList()) {
                String rel = site.relativize(p).toString();
                if (rel.equals("404.html") || rel.startsWith("pagefind") || rel.startsWith("search")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(p);
                if (bytes.length > largestBytes) {
                    largestBytes = bytes.length;
                    largest = rel;
                }
                Matcher m = LINK.matcher(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                long n = 0;
                while (m.find()) {
                    n++;
                }
                links += n;
                maxLinks = Math.max(maxLinks, n);
                count++;
            }
        }
        return new Pages(largest, largestBytes, count == 0 ? 0 : (double) links / count, maxLinks);
    }

    private SiteMeasure() {
    }

    static Sizes measure(Path site, Path searchDir, Path repo) throws IOException {
        long[] out = walk(site, false);
        long[] index = Files.isDirectory(searchDir) ? walk(searchDir, true) : new long[] {0, 0, 0};
        long[] first = firstQuery(site, repo);
        return new Sizes(out[0], out[1], index[0], index[2], first[0], first[1], pages(site));
    }

    /** {bytes, files, gzip bytes (when asked)}. */
    static long[] walk(Path dir, boolean gzip) throws IOException {
        long[] r = new long[3];
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                r[0] += Files.size(p);
                r[1]++;
                if (gzip) {
                    r[2] += gzipSize(Files.readAllBytes(p));
                }
            }
        }
        return r;
    }

    /** gzip level 6, what nginx and Node's default use. */
    static long gzipSize(byte[] data) {
        return gzip(data).length;
    }

    /** {@code data} gzipped at level 6. */
    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf) {
            {
                def.setLevel(6);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return buf.toByteArray();
    }

    /** {median, max} gzip bytes of a first query, or {-1, -1} when Node or the site's search is missing. */
    private static long[] firstQuery(Path site, Path repo) {
        Path script = repo.resolve("generator/src/test/js/benchmark.mjs");
        Path queries = repo.resolve("generator/src/test/resources/search/hard-queries.tsv");
        // Words the text writes otherwise (Hangul for Latin, English for Korean, typos, synonyms, questions):
        // their recall per kind is printed, and their lookups count in the first-query bytes.
        Path expansion = repo.resolve("generator/src/test/resources/search/expansion-queries.tsv");
        if (!Files.exists(site.resolve("search/meta.json")) || !Files.exists(script)) {
            return new long[] {-1, -1};
        }
        try {
            Process p = new ProcessBuilder("node", script.toString(), site.toString(), site.resolve("assets").toString(),
                    queries.toString(), expansion.toString()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            text.lines().filter(l -> l.startsWith("RESULT set=") && l.contains("engine=sd101"))
                    .forEach(l -> System.out.println("  search quality " + l.substring("RESULT ".length())));
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                System.err.println("benchmark.mjs failed:\n" + text);
                return new long[] {-1, -1};
            }
            Matcher cost = COST.matcher(text);
            Matcher median = MEDIAN.matcher(text);
            return cost.find() && median.find()
                    ? new long[] {Long.parseLong(median.group(1)), Long.parseLong(cost.group(2))}
                    : new long[] {-1, -1};
        } catch (IOException e) {
            System.err.println("first-query bytes not measured (node not found: " + e.getMessage() + ")");
            return new long[] {-1, -1};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new long[] {-1, -1};
        }
    }
}
