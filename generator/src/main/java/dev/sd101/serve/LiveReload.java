package dev.sd101.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events to the open pages: {@code reload} after a good build that changed the page (its own file, or
 * a file every page loads such as a style sheet), {@code built} after one that did not (the page stays as it is),
 * {@code problem} (with the error text) after a failed one. Each connected page holds one handler thread that waits
 * on its queue; a comment line every few seconds notices pages that went away.
 */
final class LiveReload {
    private static final String CLOSE = "\u0000close";
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** A connected page: the file of the site it shows (relative to the site root), and its queue of events. */
    private record Client(String page, BlockingQueue<String> queue) {
    }

    /**
     * Serves one event stream until the page goes away or the server stops.
     *
     * @param page the file of the site the page shows, or {@code null} when not known (it reloads after every build)
     */
    void stream(HttpExchange exchange, BuildState state, String page) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Client client = new Client(page, queue);
        clients.add(client);
        try (OutputStream out = exchange.getResponseBody()) {
            send(out, "retry: 500\n" + event("hello", Long.toString(state.generation())));
            if (state.error() != null) {
                send(out, event("problem", state.error()));
            }
            while (!closed) {
                String next = queue.poll(5, TimeUnit.SECONDS);
                if (next == CLOSE) {
                    break;
                }
                send(out, next == null ? ": keep-alive\n\n" : next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The page was closed or reloaded: nothing to tell anyone.
        } finally {
            clients.remove(client);
            exchange.close();
        }
    }

    /**
     * After a good build: the pages it changed reload, the others learn the generation (so that a page connecting
     * later is not reloaded for it). A page reloads when its own file changed, a file was added at its path (it showed
     * the 404 page), or the build changed a file pages load for display (styles, scripts, images, the shared
     * navigation), not only the search index or the sitemap.
     *
     * @param changed the files written or deleted, relative to the site root; {@code null} when not known (all reload)
     * @param error   whether the pages show an error now, which any good build clears
     */
    void reload(long generation, java.util.Set<String> changed, boolean error) {
        String reload = event("reload", Long.toString(generation));
        String built = event("built", Long.toString(generation));
        boolean all = error || changed == null || changed.stream().anyMatch(LiveReload::shown);
        for (Client c : clients) {
            c.queue().add(all || c.page() == null || changed.contains(c.page()) ? reload : built);
        }
    }

    /** Whether a changed file of the site is one every page may show: not a page, a search file or a crawler's. */
    private static boolean shown(String path) {
        return !path.endsWith(".html") && !path.startsWith("search/") && !path.equals("sitemap.xml")
                && !path.equals("robots.txt");
    }

    void problem(String text) {
        broadcast(event("problem", text));
    }

    int clients() {
        return clients.size();
    }

    void close() {
        closed = true;
        broadcast(CLOSE);
    }

    private void broadcast(String message) {
        for (Client c : clients) {
            c.queue().add(message);
        }
    }

    private static String event(String name, String data) {
        StringBuilder b = new StringBuilder("event: ").append(name).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        return b.append('\n').toString();
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
