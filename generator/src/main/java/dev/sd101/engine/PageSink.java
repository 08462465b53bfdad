package dev.sd101.engine;

import dev.sd101.BuildResult;
import dev.sd101.Problem;
import dev.sd101.SiteBuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Where the render pass puts the site's files: a staging folder ({@link StagingSink}, generate), the served output
 * folder patched with what changed ({@link ServeSink}, serve) or memory ({@link MemorySink}, build). {@link #put} and {@link #copy} may be called concurrently; a later file at
 * the same path replaces the earlier.
 */
interface PageSink extends AutoCloseable {
    /** One file of the site (path relative to the site root). */
    void put(String path, byte[] bytes);

    /**
     * A file given with a version (an object that is the same as long as its bytes are; see
     * {@link dev.sd101.search.SearchIndex.Versioned}): a sink that holds the file the previous build put with the
     * very same version keeps it, and {@code bytes} is asked only otherwise.
     */
    default void put(String path, Object version, java.util.function.Supplier<byte[]> bytes) {
        put(path, bytes.get());
    }

    /** A local file published as it is (an image). */
    void copy(String path, Path from);

    /**
     * Keeps the file at {@code path} as the previous build of the same engine left it, instead of a {@link #put} of
     * the same bytes (a page whose inputs are unchanged is not rendered again).
     *
     * @return whether the sink still has that file; if not, the caller renders and puts it
     */
    boolean keep(String path);

    /** The bytes of a file put or kept by this build, or {@code null}. */
    byte[] read(String path);

    /** Every path put or copied so far. */
    Set<String> paths();

    /** Ends the build: what is not yet in place goes there; the result counts what the site holds. */
    SiteBuild finish(List<Problem> problems, int pages, StageClock clock);

    /** Drops whatever an unfinished build left; a finished one stays. */
    @Override
    void close();

    static BuildResult result(List<Problem> problems, int pages, int files, Path output, long bytes, StageClock clock) {
        return new BuildResult(problems, pages, files, output, bytes, clock.nanos());
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
