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
 * Server-sent events to the open pages: {@code reload} after a good build, {@code problem} (with the
 * error text) after a failed one. Each connected page holds one handler thread that waits on its queue;
 * a comment line every few seconds notices pages that went away.
 */
final class LiveReload {
    private static final String CLOSE = "\u0000close";
    private final List<BlockingQueue<String>> clients = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Serves one event stream until the page goes away or the server stops. */
    void stream(HttpExchange exchange, BuildState state) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        clients.add(queue);
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
            clients.remove(queue);
            exchange.close();
        }
    }

    void reload(long generation) {
        broadcast(event("reload", Long.toString(generation)));
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
        for (BlockingQueue<String> q : clients) {
            q.add(message);
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
