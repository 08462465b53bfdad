package dev.sd101.browser;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A static file server that behaves like GitHub Pages for a project site: the site lives under a sub-path
 * ({@code /system-design-101/}), a folder answers with its {@code index.html}, a folder without its slash
 * is redirected, and a miss anywhere answers with the site's {@code 404.html} and status 404. Every 404
 * is recorded, so a test can assert that no page asked for a file that does not exist.
 */
final class StaticServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("xml", "application/xml"), Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final String prefix;
    private final Path site;
    private final Map<String, Path> extra;
    private final List<String> misses = new CopyOnWriteArrayList<>();

    /** @param extra more folders to serve, by URL prefix (e.g. {@code /test-js/}) */
    StaticServer(String prefix, Path site, Map<String, Path> extra) throws IOException {
        this.prefix = prefix;
        this.site = site;
        this.extra = extra;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String base() {
        return origin() + prefix;
    }

    List<String> misses() {
        return List.copyOf(misses);
    }

    void clearMisses() {
        misses.clear();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = URLDecoder.decode(x.getRequestURI().getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
            Path file = resolve(path);
            if (file != null && Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    x.getResponseHeaders().set("Location", x.getRequestURI().getRawPath() + "/");
                    x.sendResponseHeaders(301, -1);
                    return;
                }
                file = file.resolve("index.html");
            }
            int status = 200;
            if (file == null || !Files.isRegularFile(file)) {
                misses.add(path);
                status = 404;
                file = path.startsWith(prefix) ? site.resolve("404.html") : null;
            }
            byte[] body = file == null ? "not found".getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(file);
            String name = file == null ? "x.txt" : file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
            x.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            x.sendResponseHeaders(status, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Path resolve(String path) {
        if (path.contains("/../") || path.endsWith("/..")) {
            return null;
        }
        if (path.startsWith(prefix)) {
            return site.resolve(path.substring(prefix.length()));
        }
        for (Map.Entry<String, Path> e : extra.entrySet()) {
            if (path.startsWith(e.getKey())) {
                return e.getValue().resolve(path.substring(e.getKey().length()));
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
