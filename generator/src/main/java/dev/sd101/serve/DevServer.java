package dev.sd101.serve;

import com.sun.net.httpserver.HttpServer;
import dev.sd101.BuildException;
import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.Rebuild;
import dev.sd101.SiteConfig;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Path;

/**
 * The development server behind {@code sd101 serve} and {@code mvn sd101:serve}: builds the site, serves
 * it on {@code 127.0.0.1}, watches the content and the theme folder, rebuilds after each change with one
 * engine kept warm (unchanged sources are not re-parsed, the theme is not recompiled, unchanged text is
 * not re-analysed for search), writes what changed into the output folder and serves the site from there, and
 * tells the open pages that changed to reload over server-sent events. A build error does not stop it: the pages
 * show the error, with its {@code file:line}, over the last good site (the folder as it was) until the next build
 * succeeds. Nothing of the site is held in memory but what the engine reuses, so a large site fits a small heap.
 *
 * <pre>{@code
 * try (DevServer server = DevServer.start(config, 8000, out)) { server.awaitStop(); }
 * }</pre>
 */
public final class DevServer implements dev.sd101.Preview {
    private static final long DEBOUNCE_MILLIS = 40;
    private static final int WARM_UP_MAX_FILES = 3_000;

    private final Sd101 engine = new Sd101();
    private final SiteConfig config;
    private final PrintWriter log;
    private final LiveReload live = new LiveReload();
    private final HttpServer http;
    private final ExecutorService handlers;
    private final ContentWatcher watcher;
    private final Object buildLock = new Object();
    /** Files of the site after the last good build, for deciding whether to warm up. */
    private int files;
    private volatile BuildState state = BuildState.empty();
    /** What changed since the last good build (guarded by {@link #buildLock}); {@code unsure}: not known. */
    private final Set<Path> pending = new java.util.TreeSet<>();
    private boolean unsure;
    private volatile boolean edited;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private DevServer(SiteConfig config, int port, PrintWriter log) throws IOException {
        this.config = config;
        this.log = log;
        rebuild("first build", null);
        warmUp();
        AtomicInteger n = new AtomicInteger();
        handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sd101-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        String basePath = config.siteUrl() == null ? "/" : java.net.URI.create(config.siteUrl()).getRawPath();
        http.createContext("/", new SiteHandler(() -> state, live, basePath.endsWith("/") ? basePath : basePath + "/"));
        http.setExecutor(handlers);
        http.start();
        List<Path> roots = new ArrayList<>(List.of(config.contentRoot()));
        if (config.themeDirectory() != null && !config.themeDirectory().startsWith(config.contentRoot())) {
            roots.add(config.themeDirectory());
        }
        if (!config.source().startsWith(config.contentRoot())) {
            roots.add(config.source().getParent());
        }
        for (dev.sd101.SiteConfig.Edition e : config.editions()) {
            Path folder = java.nio.file.Files.isDirectory(e.source()) ? e.source() : e.source().getParent();
            if (!e.source().startsWith(config.contentRoot()) && !roots.contains(folder)) {
                roots.add(folder); // an edition's source outside the content root is watched too
            }
        }
        watcher = new ContentWatcher(roots, List.of(config.outputDirectory()), DEBOUNCE_MILLIS, this::changed);
    }

    /**
     * Builds the site and starts serving it; a failing first build still starts the server (showing the error).
     *
     * @param port the port on 127.0.0.1; 0 picks a free one (see {@link #port()})
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static DevServer start(SiteConfig config, int port, PrintWriter log) {
        try {
            DevServer server = new DevServer(config, port, log);
            log.printf(Locale.ROOT, "sd101 serve: http://127.0.0.1:%d/ (watching %s; Ctrl+C stops)%n",
                    server.port(), config.contentRoot());
            log.flush();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Blocks until the JVM is interrupted (Ctrl+C); {@link #close()} runs from a shutdown hook of the caller. */
    public void awaitStop() throws InterruptedException {
        Thread.currentThread().join();
    }

    /**
     * After the first build, compiles the build's code on a spare core with throwaway builds, so that the first
     * edit rebuilds as fast as later ones (cold, it takes several times longer). Skipped for large sites, whose
     * first build warms the JIT by itself and whose second copy in memory would cost too much; it stops at the
     * first change.
     */
    private void warmUp() {
        if (files == 0 || files > WARM_UP_MAX_FILES) {
            return;
        }
        Thread t = new Thread(() -> engine.warmUp(config, () -> edited || closed.get()), "sd101-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void changed(Set<Path> paths) {
        edited = true;
        StringJoiner names = new StringJoiner(", ");
        paths.stream().limit(3).forEach(p -> names.add(config.contentRoot().relativize(p.toAbsolutePath()).toString()));
        rebuild(names + (paths.size() > 3 ? " and " + (paths.size() - 3) + " more" : "") + " changed", paths);
    }

    /** Builds now (as after a change) and returns whether it succeeded; pages are told to reload or shown the error. */
    public boolean rebuild() {
        return rebuild("rebuild", null);
    }

    /**
     * @param paths what the watcher saw change, or {@code null} when not known (every source is read again). Until a
     *              build succeeds, what earlier failed builds were told is told again: the engine compares with the
     *              sources it last read, whatever became of that build.
     */
    private boolean rebuild(String why, Set<Path> paths) {
        synchronized (buildLock) {
            long start = System.nanoTime();
            if (paths == null) {
                unsure = true;
            } else {
                pending.addAll(paths);
            }
            Rebuild site;
            try {
                site = engine.rebuild(config, unsure ? null : Set.copyOf(pending));
            } catch (BuildException | UncheckedIOException | IllegalArgumentException e) {
                fail(why, e.getMessage());
                return false;
            }
            BuildResult r = site.result();
            if (!r.written()) {
                StringJoiner text = new StringJoiner("\n");
                r.problems().forEach(p -> text.add(p.format()));
                fail(why, text.toString());
                return false;
            }
            pending.clear();
            unsure = false;
            files = r.files();
            long built = System.nanoTime() - start;
            boolean wasError = state.error() != null;
            BuildState next = new BuildState(state.generation() + 1, config.outputDirectory().toAbsolutePath().normalize(), null);
            state = next;
            live.reload(next.generation(), site.changed(), wasError);
            log.printf(Locale.ROOT, "sd101 serve: %s: rebuilt %d pages in %d ms (%s)%s; %d file(s) written to %s%n", why,
                    r.pages(), built / 1_000_000, stages(r.stageNanos()),
                    r.count(dev.sd101.Severity.WARNING) == 0 ? "" : ", " + r.count(dev.sd101.Severity.WARNING) + " warning(s)",
                    site.changed().size(), config.outputDirectory().getFileName());
            log.flush();
            return true;
        }
    }

    private void fail(String why, String message) {
        state = state.withError(message);
        live.problem(message);
        log.println("sd101 serve: " + why + ": build failed; the pages show the error until it is fixed");
        for (String line : message.split("\n")) {
            log.println("  " + line);
        }
        log.flush();
    }

    private static String stages(Map<String, Long> nanos) {
        StringJoiner j = new StringJoiner(", ");
        nanos.forEach((k, v) -> j.add(k + " " + v / 1_000_000));
        return j.toString();
    }

    /** The pages connected for live reload right now (for tests and diagnostics). */
    public int connectedPages() {
        return live.clients();
    }

    /** The latest build's error text, or {@code null} when it succeeded. */
    public String lastError() {
        return state.error();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        live.close();
        http.stop(0);
        handlers.shutdownNow();
        try {
            watcher.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
