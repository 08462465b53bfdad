package dev.sd101.engine;

import dev.sd101.Problem;
import dev.sd101.SiteBuild;
import dev.sd101.output.SiteWriter;
import dev.sd101.search.AnalysisCache;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code generate}'s sink: each file goes straight into the staging folder and only its size is kept, so no page's
 * HTML is held to the end. {@link #finish} copies the images and swaps the folder in; closing it unfinished deletes
 * it, and the previous site stays as it was.
 */
final class StagingSink implements PageSink {
    private final SiteWriter.Staging out;
    private final Path output;
    private final AnalysisCache cache;
    private final Map<String, Long> sizes = new ConcurrentHashMap<>();
    private final Map<String, Path> copies = new ConcurrentHashMap<>();

    /** @param cache committed once the site is in place: a failed build keeps the previous file */
    StagingSink(SiteWriter writer, Path output, AnalysisCache cache) {
        this.out = writer.stage();
        this.output = output;
        this.cache = cache;
    }

    @Override
    public void put(String path, byte[] bytes) {
        out.put(path, bytes);
        sizes.put(path, (long) bytes.length);
    }

    @Override
    public boolean keep(String path) {
        return false; // a whole new folder: nothing of a previous build is in it
    }

    @Override
    public byte[] read(String path) {
        return null;
    }

    @Override
    public void copy(String path, Path from) {
        copies.put(path, from); // copied at the end, once each
    }

    @Override
    public Set<String> paths() {
        Set<String> all = new HashSet<>(sizes.keySet());
        all.addAll(copies.keySet());
        return all;
    }

    @Override
    public SiteBuild finish(List<Problem> problems, int pages, StageClock clock) {
        long copied = clock.time("write", () -> {
            long b = 0;
            for (Map.Entry<String, Path> c : new TreeMap<>(copies).entrySet()) {
                out.copy(c.getKey(), c.getValue());
                b += PageSink.size(c.getValue());
            }
            out.commit();
            cache.commit();
            return b;
        });
        long bytes = sizes.values().stream().mapToLong(Long::longValue).sum() + copied;
        return new SiteBuild(PageSink.result(problems, pages, sizes.size() + copies.size(), output, bytes, clock), Map.of(), Map.of());
    }

    @Override
    public void close() {
        out.close();
    }
}
