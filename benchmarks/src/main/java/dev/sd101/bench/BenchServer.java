package dev.sd101.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A static server for the browser benchmark, on an ephemeral loopback port: a site at {@code /}, text files gzipped
 * (level 6) when the browser accepts it, as GitHub Pages serves them, so the browser's resource timing reports the
 * bytes a reader downloads; files already compressed (Pagefind's index) go as they are. Every response is
 * cross-origin isolated (COOP + COEP) so that {@code performance.now()} has its fine resolution, and
 * {@code /__bench.html} is an empty page of the site's origin to run the measurements in. It counts the requests and
 * body bytes it sends, since a page's resource timing does not see what a web worker fetches (Pagefind searches in
 * one).
 */
final class BenchServer implements AutoCloseable {
    static final String PAGE = "/__bench.html";
    private static final Map<String, String> TEXT = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "mjs", "text/javascript; charset=utf-8",
            "json", "application/json; charset=utf-8", "svg", "image/svg+xml", "xml", "application/xml",
            "txt", "text/plain; charset=utf-8");
    private static final Map<String, String> BINARY = Map.of("png", "image/png", "wasm", "application/wasm",
            "woff2", "font/woff2");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Path site;
    /** Compressed bodies by path, so that compressing is not part of a measured query after the first. */
    private final Map<Path, byte[]> gzipped = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    BenchServer(Path site) throws IOException {
        this.site = site.toAbsolutePath().normalize();
        // Headers and body go out in two writes: without this, Nagle's algorithm and delayed ACKs add ~40 ms to a
        // request on loopback, which no real server does.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Body bytes sent (as encoded on the wire) and requests answered since the last call; resets both. */
    long[] takeCounts() {
        return new long[] {bytes.getAndSet(0), requests.getAndSet(0)};
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = URLDecoder.decode(x.getRequestURI().getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Cross-Origin-Opener-Policy", "same-origin");
            x.getResponseHeaders().set("Cross-Origin-Embedder-Policy", "require-corp");
            x.getResponseHeaders().set("Cache-Control", "max-age=600"); // warm queries may use the HTTP cache
            byte[] body;
            String name;
            Path file = null;
            if (path.equals(PAGE)) {
                body = "<!doctype html><html><head><meta charset=utf-8><title>bench</title></head><body></body></html>"
                        .getBytes(StandardCharsets.UTF_8);
                name = "bench.html";
            } else {
                file = path.contains("..") ? null : site.resolve(path.substring(1)).normalize();
                if (file != null && Files.isDirectory(file)) {
                    file = file.resolve("index.html");
                }
                if (file == null || !file.startsWith(site) || !Files.isRegularFile(file)) {
                    x.sendResponseHeaders(404, -1);
                    return;
                }
                body = Files.readAllBytes(file);
                name = file.getFileName().toString();
            }
            String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            String text = TEXT.get(ext);
            x.getResponseHeaders().set("Content-Type", text != null ? text : BINARY.getOrDefault(ext, "application/octet-stream"));
            String accept = x.getRequestHeaders().getFirst("Accept-Encoding");
            if (text != null && accept != null && accept.contains("gzip")) {
                byte[] raw = body;
                body = file == null ? SiteMeasure.gzip(raw) : gzipped.computeIfAbsent(file, f -> SiteMeasure.gzip(raw));
                x.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            if (!path.equals(PAGE)) {
                bytes.addAndGet(body.length);
                requests.incrementAndGet();
            }
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
