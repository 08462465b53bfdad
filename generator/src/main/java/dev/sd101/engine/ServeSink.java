package dev.sd101.engine;

import dev.sd101.BuildException;
import dev.sd101.Problem;
import dev.sd101.SiteBuild;
import dev.sd101.output.SiteWriter;
import dev.sd101.search.AnalysisCache;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code serve}'s sink: the site goes to its output folder as it is rendered, and of each file only a {@link Digest}
 * is kept, so a site of any size is served from disk within a small heap. The first build (or one after the folder
 * was lost) stages the whole site beside the folder and swaps it in, as {@code generate} does; later builds stage
 * only the files whose digest changed and, once the whole build succeeded, rename each into place and delete the
 * files the site no longer has. A build that fails before that leaves the folder exactly as it was.
 */
final class ServeSink implements PageSink {
    /**
     * What the output folder holds, as the last good build left it.
     *
     * @param files  path → digest of its bytes
     * @param copies path → the local file copied there, with its size and time when copied
     * @param versions path → the version the file was last put with ({@link PageSink#put(String, Object, java.util.function.Supplier)}),
     *                 or the very array last put there, held weakly: a producer that hands the same version again
     *                 (the search index's unchanged chunks) costs neither bytes nor a digest
     * @param paths    every path of the site (files and copies), as {@link #paths()} gave them
     */
    record Served(Path output, Map<String, Digest> files, Map<String, Copy> copies, Map<String, WeakReference<Object>> versions,
                  Set<String> paths) {
    }

    /** A copied file's source and what it was when copied: a change of either copies it again. */
    record Copy(Path from, long size, long modified) {
        static Copy of(Path from) {
            try {
                BasicFileAttributes a = Files.readAttributes(from, BasicFileAttributes.class);
                return new Copy(from, a.size(), a.lastModifiedTime().toMillis());
            } catch (IOException e) {
                return new Copy(from, -1, -1); // the copy itself reports the file
            }
        }
    }

    private final Path output;
    private final AnalysisCache cache;
    private final AtomicReference<Served> state;
    /** The folder as the previous build left it, or {@code null}: this build writes the whole site. */
    private final Served before;
    private final SiteWriter.Staging whole;
    private final SiteWriter.Patch patch;
    // Sized for what the folder held: a rebuild puts or keeps about as many, and growing a map of 20,000 entries
    // from empty on every edit cost more than filling it.
    private final Map<String, Digest> files;
    private final Map<String, WeakReference<Object>> versions;
    private final Map<String, Path> copies = new ConcurrentHashMap<>();
    private Set<String> changed = Set.of();
    /** How many distinct paths of this build the folder held before (as a file or a copy), to tell if any went. */
    private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();
    /** Bytes of the files put or kept, summed as they come: not a walk over 10,000s of digests at the end. */
    private final java.util.concurrent.atomic.LongAdder fileBytes = new java.util.concurrent.atomic.LongAdder();

    /**
     * @param state what the folder holds: read at the start, cleared while the folder changes, set once it holds
     *              this build's site
     */
    ServeSink(SiteWriter writer, Path output, AtomicReference<Served> state, AnalysisCache cache) {
        this.output = output;
        this.cache = cache;
        this.state = state;
        Served last = state.get();
        this.before = last != null && last.output().equals(output) && writer.isSite() ? last : null;
        int size = before == null ? 16 : before.files().size() + before.files().size() / 8;
        this.files = new ConcurrentHashMap<>(size);
        this.versions = new ConcurrentHashMap<>(size);
        this.whole = before == null ? writer.stage() : null;
        this.patch = before == null ? null : writer.patch();
    }

    @Override
    public void put(String path, byte[] bytes) {
        put(path, bytes, bytes);
    }

    @Override
    public void put(String path, Object version, java.util.function.Supplier<byte[]> bytes) {
        WeakReference<Object> last = before == null ? null : before.versions().get(path); // none: written whole
        Digest old = last != null && last.get() == version ? before.files().get(path) : null;
        if (old != null) {
            keepDigest(path, old);
            versions.put(path, last);
            return;
        }
        put(path, version, bytes.get());
    }

    private void put(String path, Object version, byte[] bytes) {
        Digest old = before == null ? null : before.files().get(path);
        WeakReference<Object> last = before == null ? null : before.versions().get(path);
        Digest d = old != null && last != null && last.get() == version ? old : Digest.of(bytes);
        Digest earlier = files.put(path, d);
        counted(path, d, earlier);
        versions.put(path, new WeakReference<>(version));
        if (whole != null) {
            whole.put(path, bytes);
        } else if (!d.equals(old) || earlier != null && !earlier.equals(d)) {
            patch.put(path, bytes);
        }
    }

    @Override
    public boolean keep(String path) {
        Digest old = before == null ? null : before.files().get(path);
        if (old == null) {
            return false;
        }
        keepDigest(path, old);
        WeakReference<Object> last = before.versions().get(path);
        if (last != null) {
            versions.put(path, last);
        }
        return true;
    }

    @Override
    public byte[] read(String path) {
        try {
            return Files.readAllBytes(output.resolve(path));
        } catch (IOException e) {
            throw new BuildException(output.resolve(path) + ": cannot read the served site: " + e.getMessage(), e);
        }
    }

    @Override
    public void copy(String path, Path from) {
        boolean first = copies.put(path, from) == null;
        if (first && before != null && (before.files().containsKey(path) || before.copies().containsKey(path))) {
            held.incrementAndGet();
        }
    }

    /** Puts a file the folder holds as it is ({@code old}, its digest there), counted as held, with its bytes. */
    private void keepDigest(String path, Digest old) {
        Digest earlier = files.put(path, old);
        if (earlier == null) {
            held.incrementAndGet();
        }
        fileBytes.add(old.length() - (earlier == null ? 0 : earlier.length()));
    }

    /** Counts a file path put or kept for the first time in this build that the folder held before, and its bytes. */
    private void counted(String path, Digest now, Digest earlier) {
        fileBytes.add(now.length() - (earlier == null ? 0 : earlier.length()));
        boolean first = earlier == null;
        if (first && before != null && (before.files().containsKey(path) || before.copies().containsKey(path))) {
            held.incrementAndGet();
        }
    }

    @Override
    public Set<String> paths() {
        if (before != null && before.paths() != null && !mixed() && files.size() + copies.size() == held.get()
                && held.get() == before.files().size() + before.copies().size()) {
            return before.paths(); // every path this build has, the folder held, and as many: the same set
        }
        Set<String> all = new HashSet<>(files.keySet());
        all.addAll(copies.keySet());
        return Collections.unmodifiableSet(all);
    }

    /** The files this build wrote or deleted (paths relative to the site root); all of them when written whole. */
    Set<String> changed() {
        return changed;
    }

    @Override
    public SiteBuild finish(List<Problem> problems, int pages, StageClock clock) {
        long copied = clock.time("write", () -> {
            Map<String, Copy> stamps = new TreeMap<>();
            long b = 0;
            for (Map.Entry<String, Path> c : new TreeMap<>(copies).entrySet()) {
                Copy now = Copy.of(c.getValue());
                stamps.put(c.getKey(), now);
                b += Math.max(0, now.size());
                if (whole != null) {
                    whole.copy(c.getKey(), c.getValue());
                } else if (!now.equals(before.copies().get(c.getKey())) || now.size() < 0
                        || !Files.isRegularFile(output.resolve(c.getKey()))) {
                    patch.copy(c.getKey(), c.getValue());
                }
            }
            Set<String> touched = new TreeSet<>();
            state.set(null); // from here until the new state is set, what the folder holds is not known
            if (whole != null) {
                whole.commit();
                touched.addAll(files.keySet());
                touched.addAll(copies.keySet());
            } else {
                Set<String> gone = new TreeSet<>();
                if (mixed() || held.get() != before.files().size() + before.copies().size()) {
                    addGone(gone);
                }
                gone.forEach(patch::delete);
                touched.addAll(patch.paths());
                touched.addAll(gone);
                patch.commit();
            }
            cache.commit();
            // The sink's own maps, not copied (10,000s of entries): nothing changes them once the build is done.
            state.set(new Served(output, Collections.unmodifiableMap(files), Map.copyOf(stamps),
                    Collections.unmodifiableMap(versions), paths()));
            changed = Collections.unmodifiableSet(touched);
            return b;
        });
        long bytes = fileBytes.sum() + copied;
        return new SiteBuild(PageSink.result(problems, pages, files.size() + copies.size(), output, bytes, clock), Map.of(), Map.of());
    }

    /**
     * Whether a path was both put and copied: then what went is found path by path. Asked of the copies (a site's
     * images and assets), not on every put: pages outnumber them.
     */
    private boolean mixed() {
        for (String c : copies.keySet()) {
            if (files.containsKey(c)) {
                return true;
            }
        }
        return false;
    }

    /** Adds each path the folder held that this build has neither put nor copied. */
    private void addGone(Set<String> gone) {
        before.files().keySet().forEach(p -> {
            if (!files.containsKey(p) && !copies.containsKey(p)) {
                gone.add(p);
            }
        });
        before.copies().keySet().forEach(p -> {
            if (!files.containsKey(p) && !copies.containsKey(p)) {
                gone.add(p);
            }
        });
    }

    @Override
    public void close() {
        if (whole != null) {
            whole.close();
        } else {
            patch.close();
        }
    }
}
