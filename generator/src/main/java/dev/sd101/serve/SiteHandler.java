package dev.sd101.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sd101.output.SiteWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Answers requests from the output folder the current build wrote: a folder's {@code index.html}, a folder without its slash
 * redirected to it (relative links need the slash), {@code 404.html} with status 404 for misses. HTML
 * gets the live-reload script before {@code </body>}; nothing else is changed.
 */
final class SiteHandler implements HttpHandler {
    static final String PREFIX = "/__sd101/";
    private static final byte[] SCRIPT_TAG = ("<script src=\"" + PREFIX + "live.js\"></script>").getBytes(StandardCharsets.UTF_8);

    private final Supplier<BuildState> state;
    private final LiveReload live;
    private final byte[] liveScript;
    private final String basePath;

    /**
     * @param basePath the published site's path (e.g. {@code /repo/} from siteUrl), also served, so that
     *                 root-absolute URLs the site holds (its 404 page's) work locally; {@code "/"} for none
     */
    SiteHandler(Supplier<BuildState> state, LiveReload live, String basePath) {
        this.basePath = basePath;
        this.state = state;
        this.live = live;
        try (var in = SiteHandler.class.getResourceAsStream("live.js")) {
            if (in == null) {
                throw new IllegalStateException("live.js is missing from the classpath");
            }
            this.liveScript = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read live.js", e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = decode(exchange.getRequestURI());
            BuildState now = state.get();
            if (path == null || path.contains("\\") || (path + "/").contains("/../")) {
                send(exchange, 400, "text/plain; charset=utf-8", "bad path\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!basePath.equals("/") && path.startsWith(basePath)) {
                path = path.substring(basePath.length() - 1);
            }
            if (path.equals(PREFIX + "events")) {
                live.stream(exchange, now, page(exchange.getRequestURI(), now));
                return;
            }
            if (path.equals(PREFIX + "live.js")) {
                send(exchange, 200, ContentTypes.of("live.js"), liveScript);
                return;
            }
            String rel = path.substring(1);
            if (rel.isEmpty() || rel.endsWith("/")) {
                rel += "index.html";
            } else if (!exists(now, rel) && exists(now, rel + "/index.html")) {
                exchange.getResponseHeaders().set("Location", exchange.getRequestURI().getRawPath() + "/");
                send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            byte[] body = read(now, rel);
            int status = 200;
            if (body == null) {
                status = 404;
                rel = "404.html";
                body = read(now, rel);
                if (body == null) {
                    body = ("<!DOCTYPE html><meta charset=\"utf-8\"><title>not found</title><body><p>"
                            + (now.site() == null ? "The site has not been built yet." : "Not found.")
                            + "</p></body>").getBytes(StandardCharsets.UTF_8);
                }
            }
            String type = ContentTypes.of(rel);
            if (type.startsWith("text/html")) {
                body = inject(body);
            }
            send(exchange, status, type, body);
        }
    }

    private static boolean exists(BuildState s, String rel) {
        Path file = file(s, rel);
        return file != null && Files.isRegularFile(file);
    }

    private static byte[] read(BuildState s, String rel) throws IOException {
        Path file = file(s, rel);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return null; // deleted by the rebuild since it was looked at
        }
    }

    /** The file of the site at {@code rel}, or {@code null}: outside the folder, or sd101's own marker. */
    private static Path file(BuildState s, String rel) {
        if (s.site() == null) {
            return null;
        }
        Path file = s.site().resolve(rel).normalize();
        if (!file.startsWith(s.site()) || file.equals(s.site()) || rel.equals(SiteWriter.MARKER)) {
            return null;
        }
        return file;
    }

    /**
     * The file of the site an event stream's page shows, from the {@code page} parameter the live-reload script sends
     * (its {@code location.pathname}): its own file, else {@code 404.html}; {@code null} when not given.
     */
    private String page(URI uri, BuildState now) {
        String query = uri.getRawQuery();
        if (query == null || !query.startsWith("page=")) {
            return null;
        }
        String path;
        try {
            path = URLDecoder.decode(query.substring(5).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!basePath.equals("/") && path.startsWith(basePath)) {
            path = path.substring(basePath.length() - 1);
        }
        String rel = path.startsWith("/") ? path.substring(1) : path;
        if (rel.isEmpty() || rel.endsWith("/")) {
            return rel + "index.html";
        }
        if (exists(now, rel)) {
            return rel;
        }
        // A folder's page, or one not there yet (the page shows the 404 page until it is written).
        return rel.substring(rel.lastIndexOf('/') + 1).contains(".") && !exists(now, rel + "/index.html") ? rel : rel + "/index.html";
    }

    /** The live-reload script goes before the last {@code </body>}, or at the end when there is none. */
    static byte[] inject(byte[] html) {
        String text = new String(html, StandardCharsets.UTF_8);
        int at = text.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String tag = new String(SCRIPT_TAG, StandardCharsets.UTF_8);
        String out = at < 0 ? text + tag : text.substring(0, at) + tag + text.substring(at);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static String decode(URI uri) {
        String raw = uri.getRawPath();
        if (raw == null || !raw.startsWith("/")) {
            return null;
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
