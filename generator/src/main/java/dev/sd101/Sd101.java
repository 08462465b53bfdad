package dev.sd101;

import dev.sd101.engine.Engine;
import dev.sd101.markdown.Heading;
import dev.sd101.serve.DevServer;

import java.io.PrintWriter;

import java.nio.file.Path;
import java.util.List;

/**
 * The front door of the sd101 engine: {@code generate} builds a site, {@code check} validates every link
 * as GitHub resolves it, {@code anchors} lists a file's heading ids. One instance keeps the Markdown
 * parser (and, once needed, the search analyzers) warm across builds, as {@code serve} wants; instances
 * share no state, so builds in one JVM do not see each other.
 *
 * <pre>{@code
 * BuildResult r = new Sd101().generate(SiteConfig.builder(Path.of("README.md")).build());
 * }</pre>
 */
public final class Sd101 {
    /** The engine's version, from the jar's manifest when packaged. */
    public static final String VERSION = version();

    private final Engine engine = new Engine(VERSION);

    /**
     * Builds the site and swaps it into the output folder. Content problems are returned (as warnings, or
     * as errors with {@link SiteConfig#strict()}); in strict mode a problem means nothing is written.
     *
     * @throws BuildException on a fatal error (unreadable source, template error, I/O; {@link OutOfMemory} when the
     *                        heap runs out); the previous site stays
     */
    public BuildResult generate(SiteConfig config) {
        try {
            return engine.generate(config);
        } catch (Error | RuntimeException e) {
            if (OutOfMemory.causedBy(e)) {
                throw OutOfMemory.of(e);
            }
            throw e;
        }
    }

    /**
     * Runs every stage but the write and returns the site in memory, for a server that answers from it
     * ({@code serve}). Like {@link #generate}, a strict-mode problem gives a result with no files. An engine's first
     * build reads and rewrites the {@linkplain SiteConfig#cacheDirectory() analysis cache}; later ones reuse the
     * engine's own analyses.
     *
     * @throws BuildException on a fatal error
     */
    public SiteBuild build(SiteConfig config) {
        try {
            return engine.build(config);
        } catch (Error | RuntimeException e) {
            if (OutOfMemory.causedBy(e)) {
                throw OutOfMemory.of(e);
            }
            throw e;
        }
    }

    /**
     * As {@link #build(SiteConfig)}, told which files changed on disk since this engine's previous build (absolute
     * paths of files or folders created, modified or deleted, as a file watcher reports them): only those sources are
     * read again, and only the documents whose links lead into what changed are checked again, so a one-page edit of
     * a large site costs about one page. The result is the same as a build told nothing; a path the caller is unsure
     * of costs only time, a change left out gives a stale site: when unsure, call {@link #build(SiteConfig)}.
     *
     * @throws BuildException on a fatal error
     */
    public SiteBuild build(SiteConfig config, java.util.Set<java.nio.file.Path> changed) {
        return engine.build(config, changed);
    }

    /**
     * Builds the site into its output folder as {@code serve} does after each save, told which files changed on disk
     * since this engine's previous rebuild (as for {@link #build(SiteConfig, java.util.Set)}; {@code null} when not
     * known). Each file goes to disk as it is rendered and only the files whose bytes changed are written (each renamed
     * into place once the whole build succeeded, the files the site no longer has deleted); the first rebuild, or one
     * after the folder lost its marker, stages the whole site and swaps it in as {@link #generate} does. The engine
     * keeps a digest per file and what it reuses per page, not the site, so a large site is rebuilt within a small
     * heap. The folder ends byte for byte as {@code generate} would leave it; a build that fails or that strict mode
     * stops leaves it as it was.
     *
     * @throws BuildException on a fatal error (the folder then holds the previous site)
     */
    public Rebuild rebuild(SiteConfig config, java.util.Set<java.nio.file.Path> changed) {
        try {
            return engine.rebuild(config, changed);
        } catch (Error | RuntimeException e) {
            if (OutOfMemory.causedBy(e)) {
                throw OutOfMemory.of(e);
            }
            throw e;
        }
    }

    /**
     * Writes a site built with {@link #build} into the configured output folder, atomically, with the same
     * guards as {@link #generate}.
     *
     * @return the build's result, now {@linkplain BuildResult#written() written}, with the write's time added
     */
    public BuildResult write(SiteConfig config, SiteBuild site) {
        return engine.write(config, site, null);
    }

    /**
     * Writes a site built with {@link #build} over the output folder that holds {@code previous} (as this engine's
     * last {@link #write} or {@code update} left it), touching only the files that differ: each new or changed file
     * replaced atomically, files no longer in the site deleted. The site as a whole is not swapped at once as by
     * {@link #write}; for {@code serve}, which would otherwise rewrite a whole site after each edit. An output folder
     * that is missing or not sd101's is written whole.
     *
     * @return the build's result, now {@linkplain BuildResult#written() written}, with the write's time added
     */
    public BuildResult update(SiteConfig config, SiteBuild site, SiteBuild previous) {
        return engine.write(config, site, java.util.Objects.requireNonNull(previous, "previous"));
    }

    /**
     * Builds the site a few times on a private engine and discards the results, so that the JIT has compiled the
     * build's code before a long-lived process ({@code serve}) rebuilds after the first edit: a cold JVM runs that
     * rebuild several times slower than a warm one. Each pass is a whole in-memory build (every stage, and then the
     * reuse of an unchanged rebuild); writes nothing and leaves this engine's caches alone. Stops between passes
     * once {@code stop} says so; a failing build ends it quietly (the real build reports the problem).
     */
    public void warmUp(SiteConfig config, java.util.function.BooleanSupplier stop) {
        SiteConfig scratchConfig = config.withCacheDirectory(null); // the analysis runs, and the cache file is left alone
        for (int pass = 0; pass < 2 && !stop.getAsBoolean(); pass++) {
            Sd101 scratch = new Sd101();
            try {
                scratch.build(scratchConfig);
                if (!stop.getAsBoolean()) {
                    scratch.build(scratchConfig);
                }
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    /** Loads, parses, plans and checks links; writes nothing. */
    public BuildResult check(SiteConfig config) {
        try {
            return engine.check(config);
        } catch (Error | RuntimeException e) {
            if (OutOfMemory.causedBy(e)) {
                throw OutOfMemory.of(e);
            }
            throw e;
        }
    }

    /**
     * Rewrites, in the source files, each link whose suggested fix is unambiguous (a case-only fragment,
     * the one nearest heading id or file name), each file atomically and otherwise byte for byte as it
     * was. Ambiguous suggestions are left alone; run {@link #check} afterwards for what remains.
     *
     * @return the changes made, sorted by file and offset
     * @throws BuildException when a file cannot be rewritten (it is then left as it was)
     */
    public List<LinkFix> fix(SiteConfig config) {
        return engine.fix(config);
    }

    /** The headings of one Markdown file with their GitHub ids, in document order. */
    public List<Heading> anchors(Path file) {
        return engine.anchors(file);
    }

    /**
     * Builds the site, serves it on {@code http://127.0.0.1:<port>/} and rebuilds it on every change of its
     * sources or theme folder (open pages reload themselves, a build error shows on them with its
     * {@code file:line}, and a failing first build still starts it). Each build writes what changed into the output
     * folder ({@link #rebuild}), which the server answers from. On its own engine.
     *
     * @param port the port on 127.0.0.1; 0 picks a free one ({@link Preview#port()})
     * @param log  where the server reports its builds
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public static Preview serve(SiteConfig config, int port, PrintWriter log) {
        return DevServer.start(config, port, log);
    }

    private static String version() {
        String v = Sd101.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
