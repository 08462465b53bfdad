package dev.sd101.serve;

import dev.sd101.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevServerTest {
    private static final String DOC = """
            # Handbook

            Intro with [a link](#second).

            ## First

            Alpha text.

            ## Second

            Beta text.
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesRebuildsReloadsAndShowsErrors(@TempDir Path dir) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Path readme = docs.resolve("README.md");
        Files.writeString(readme, DOC);
        SiteConfig config = SiteConfig.builder(readme).outputDirectory(dir.resolve("site")).strict(true).search(false).build();
        StringWriter log = new StringWriter();
        try (DevServer server = DevServer.start(config, 0, new PrintWriter(log, true))) {
            String base = "http://127.0.0.1:" + server.port() + "/";

            HttpResponse<String> home = get(base);
            assertEquals(200, home.statusCode());
            assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(home.body().contains("Alpha text."), home.body());
            assertTrue(home.body().contains("/__sd101/live.js"), "the live-reload script is injected into served HTML");
            assertFalse(Files.readString(dir.resolve("site/index.html")).contains("__sd101"), "never into the written site");
            assertTrue(get(base + "assets/site.css").headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
            HttpResponse<String> missing = get(base + "no/such/page");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("sd101-anchors"), "misses get the site's 404.html");

            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            Thread reader = listen(base + "__sd101/events", events);
            assertEquals("hello", nextEvent(events));
            waitFor(() -> server.connectedPages() == 1);

            Files.writeString(readme, DOC.replace("Alpha text.", "Gamma text."));
            assertEquals("reload", nextEvent(events));
            assertTrue(get(base).body().contains("Gamma text."));
            // Pages reload once the changed files are in the folder; the line with the timing follows.
            waitFor(() -> log.toString().matches("(?s).*README.md changed: rebuilt \\d+ pages in \\d+ ms.*"));
            // Only the changed files were written: the folder holds what a whole build writes.
            assertTrue(Files.readString(dir.resolve("site/index.html")).contains("Gamma text."));
            dev.sd101.SiteFiles.assertSameFiles(new dev.sd101.Sd101().build(config).files(),
                    dev.sd101.SiteFiles.read(dir.resolve("site")));

            Files.writeString(readme, DOC.replace("(#second)", "(#nowhere)"));
            assertEquals("problem", nextEvent(events));
            assertNotNull(server.lastError());
            assertTrue(server.lastError().contains("README.md:3:"), server.lastError());
            assertTrue(get(base).body().contains("Gamma text."), "the last good site stays served");
            assertTrue(get(base + "__sd101/live.js").body().contains("sd101-error-overlay"));

            Files.writeString(readme, DOC.replace("Alpha text.", "Delta text."));
            assertEquals("reload", nextEvent(events));
            assertEquals(null, server.lastError());
            assertTrue(get(base).body().contains("Delta text."));
            reader.interrupt();
        }
    }

    /**
     * A rebuild that fails (a broken link in strict mode, then front matter that is not YAML) writes nothing: the
     * output folder holds byte for byte what the last good build wrote, and the server answers what it answered
     * before; the next good build writes the change. A build that changes no page but clears an error reloads the
     * pages; one that changes a single page reloads that page only, the others learn the new generation.
     */
    @Test
    void aFailedRebuildLeavesTheServedFolderAsItWasAndReloadsOnlyChangedPages(@TempDir Path dir) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("README.md"), "# Home\n\nSee [the guide](guide.md).\n");
        Path guide = docs.resolve("guide.md");
        Files.writeString(guide, DOC);
        Path other = docs.resolve("other.md");
        Files.writeString(other, "# Other\n\nAnother page.\n");
        SiteConfig config = SiteConfig.builder(docs).outputDirectory(dir.resolve("site")).strict(true).search(false).build();
        StringWriter log = new StringWriter();
        try (DevServer server = DevServer.start(config, 0, new PrintWriter(log, true))) {
            String base = "http://127.0.0.1:" + server.port() + "/";
            java.util.Map<String, byte[]> good = dev.sd101.SiteFiles.read(dir.resolve("site"));
            String page = get(base + "guide/").body();
            assertTrue(page.contains("Alpha text."), page);

            BlockingQueue<String> onGuide = new LinkedBlockingQueue<>();
            BlockingQueue<String> onOther = new LinkedBlockingQueue<>();
            Thread a = listen(base + "__sd101/events?page=%2Fguide%2F", onGuide);
            Thread b = listen(base + "__sd101/events?page=%2Fother%2F", onOther);
            assertEquals("hello", nextEvent(onGuide));
            assertEquals("hello", nextEvent(onOther));
            waitFor(() -> server.connectedPages() == 2);

            Files.writeString(guide, DOC.replace("(#second)", "(#nowhere)"));
            assertEquals("problem", nextEvent(onGuide));
            assertEquals("problem", nextEvent(onOther));
            dev.sd101.SiteFiles.assertSameFiles(good, dev.sd101.SiteFiles.read(dir.resolve("site")));
            assertEquals(page, get(base + "guide/").body(), "the server answers what it answered before");

            Files.writeString(guide, "---\ntitle: [unclosed\n---\n" + DOC);
            assertEquals("problem", nextEvent(onGuide));
            assertTrue(server.lastError().contains("guide.md:2"), server.lastError());
            dev.sd101.SiteFiles.assertSameFiles(good, dev.sd101.SiteFiles.read(dir.resolve("site")));
            assertEquals(page, get(base + "guide/").body());

            // Fixed as it was: no byte changes, but the pages showing the error reload to clear it. (A save may reach
            // the watcher as two events, so a failed build may come twice.)
            Files.writeString(guide, DOC);
            assertEquals("reload", nextEventBut("problem", onGuide));
            assertEquals("reload", nextEventBut("problem", onOther));
            waitFor(() -> server.lastError() == null);
            dev.sd101.SiteFiles.assertSameFiles(good, dev.sd101.SiteFiles.read(dir.resolve("site")));

            // Reconnected (the pages reloaded): an edit of the guide's body reloads the guide only.
            a.interrupt();
            b.interrupt();
            onGuide.clear();
            onOther.clear();
            listen(base + "__sd101/events?page=%2Fguide%2F", onGuide);
            listen(base + "__sd101/events?page=%2Fother%2F", onOther);
            assertEquals("hello", nextEvent(onGuide));
            assertEquals("hello", nextEvent(onOther));
            // Saved as editors do, into place at once: a half-written file would change the guide's title for a build.
            Path saved = Files.writeString(dir.resolve("guide.md.tmp"), DOC.replace("Alpha text.", "Gamma text."));
            Files.move(saved, guide, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            assertEquals("reload", nextEvent(onGuide));
            assertEquals("built", nextEvent(onOther));
            assertTrue(get(base + "guide/").body().contains("Gamma text."));
            assertTrue(Files.readString(dir.resolve("site/guide/index.html")).contains("Gamma text."));
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Reads the event stream on a thread; every {@code event:} name goes into the queue. */
    private Thread listen(String url, BlockingQueue<String> events) {
        Thread t = new Thread(() -> {
            try {
                HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("event: ")) {
                            events.add(line.substring(7));
                        }
                    }
                }
            } catch (Exception e) {
                events.add("closed: " + e);
            }
        }, "sse-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String nextEvent(BlockingQueue<String> events) throws InterruptedException {
        String e = events.poll(30, TimeUnit.SECONDS);
        assertNotNull(e, "no event within 30 s");
        return e;
    }

    /** The next event other than {@code skipped}. */
    private static String nextEventBut(String skipped, BlockingQueue<String> events) throws InterruptedException {
        for (String e; ; ) {
            if (!(e = nextEvent(events)).equals(skipped)) {
                return e;
            }
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(20);
        }
    }
}
