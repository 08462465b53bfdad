package dev.sd101.engine;

import dev.sd101.Problem;
import dev.sd101.SiteBuild;
import dev.sd101.search.AnalysisCache;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@code build}'s sink (and the editions'): the site's files kept in memory, written later or never. */
final class MemorySink implements PageSink {
    private final AnalysisCache cache;
    private final Map<String, byte[]> previous;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Path> copies = new ConcurrentHashMap<>();

    /** @param cache committed when the build finishes */
    MemorySink(AnalysisCache cache) {
        this(cache, Map.of());
    }

    /** @param previous the files of the previous build whose reuse state the render pass reads, which it may keep */
    MemorySink(AnalysisCache cache, Map<String, byte[]> previous) {
        this.cache = cache;
        this.previous = previous;
    }

    @Override
    public void put(String path, byte[] bytes) {
        files.put(path, bytes);
    }

    @Override
    public boolean keep(String path) {
        byte[] b = previous.get(path);
        if (b != null) {
            files.put(path, b);
        }
        return b != null;
    }

    @Override
    public byte[] read(String path) {
        return files.get(path);
    }

    @Override
    public void copy(String path, Path from) {
        copies.put(path, from);
    }

    @Override
    public Set<String> paths() {
        Set<String> all = new HashSet<>(files.keySet());
        all.addAll(copies.keySet());
        return all;
    }

    /** The files so far, by path (a live view). */
    Map<String, byte[]> files() {
        return files;
    }

    Map<String, Path> copies() {
        return copies;
    }

    @Override
    public SiteBuild finish(List<Problem> problems, int pages, StageClock clock) {
        cache.commit();
        long bytes = files.values().stream().mapToLong(b -> b.length).sum()
                + copies.values().stream().mapToLong(PageSink::size).sum();
        return new SiteBuild(PageSink.result(problems, pages, files.size() + copies.size(), null, bytes, clock), files, copies);
    }

    @Override
    public void close() {
    }
}
