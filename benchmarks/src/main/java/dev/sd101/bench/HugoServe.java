package dev.sd101.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hugo server} on the Hugo copy of a corpus ({@link Peers#convert}), given the same edits as {@link ServeProbe}
 * gives sd101's engine, in the same order: each edit appends the same text to the same paragraph of the same file, and
 * the last renames the same file's title (in Hugo's front matter). Each rebuild's time is the one Hugo itself prints
 * after it ({@code Total in N ms}), in its default (fast render) mode, serving from memory as it does by default.
 */
final class HugoServe {
    private static final Pattern TOTAL = Pattern.compile("Total in (\\d+(?:\\.\\d+)?) ?(ms|s)");
    private static final long WAIT_SECONDS = 120;

    /** Hugo's printed rebuild times: after each edit (nanoseconds, in edit order), then after the rename. */
    record Result(List<Long> edits, long rename) {
        long median() {
            List<Long> rest = edits.subList(1, edits.size()).stream().sorted().toList();
            return rest.get(rest.size() / 2);
        }

        long p90() {
            List<Long> rest = edits.subList(1, edits.size()).stream().sorted().toList();
            return rest.get(Math.min(rest.size() - 1, rest.size() * 9 / 10));
        }
    }

    private HugoServe() {
    }

    /**
     * Runs the edits of {@code corpus} (the folder ServeProbe edits a copy of) on {@code hugoSite} (its Hugo copy,
     * edited in place; convert it again before building it for anything else).
     */
    static Result measure(Path corpus, Path hugoSite, int edits) throws IOException {
        List<ServeProbe.Edit> places = ServeProbe.places(corpus, edits);
        Path content = hugoSite.resolve("content");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // hugo wants a number; a free one of this moment
        }
        Process hugo = new ProcessBuilder("hugo", "server", "-s", hugoSite.toString(), "--bind", "127.0.0.1", "--port",
                Integer.toString(port), "--disableLiveReload").redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(hugo.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                }
            } catch (IOException e) {
                // the server stopped
            }
        }, "hugo-server-log");
        reader.setDaemon(true);
        reader.start();
        try {
            await(lines, l -> l.contains("Web Server is available"), hugo);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < edits; i++) {
                ServeProbe.Edit e = places.get((int) ((long) i * places.size() / edits));
                appendToLine(hugoFile(content, corpus, e.file()), e.text(), " (edit " + i + ")");
                times.add(total(lines, hugo));
                pause(); // Hugo drops a change that lands while it still settles the previous one
            }
            Path last = ServeProbe.lastFile(corpus);
            Path renamed = hugoFile(content, corpus, last);
            String text = Files.readString(renamed);
            Matcher title = Pattern.compile("(?m)^title: \"(.*)\"$").matcher(text);
            if (!title.find()) {
                throw new IOException(renamed + ": no title in the front matter");
            }
            Files.writeString(renamed, text.substring(0, title.end(1)) + " (renamed)" + text.substring(title.end(1)));
            return new Result(times, total(lines, hugo));
        } finally {
            hugo.destroy();
            try {
                hugo.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Where {@link Peers#convert} put a corpus file: the same path below {@code content/}, a README as {@code _index.md}. */
    private static Path hugoFile(Path content, Path corpus, Path file) {
        String rel = corpus.relativize(file).toString();
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.equals("readme.md") || name.equals("index.md") ? content.resolve(rel).resolveSibling("_index.md")
                : content.resolve(rel);
    }

    /** Appends {@code suffix} to the first line that reads {@code line} (Hugo's copy moved it below its front matter). */
    private static void appendToLine(Path file, String line, String suffix) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int at = lines.indexOf(line);
        if (at < 0) {
            throw new IOException(file + ": no line \"" + line + "\" to edit");
        }
        lines.set(at, line + suffix);
        Files.write(file, lines);
    }

    /** The next rebuild time Hugo prints, in nanoseconds. */
    private static long total(BlockingQueue<String> lines, Process hugo) throws IOException {
        String l = await(lines, x -> TOTAL.matcher(x).find(), hugo);
        Matcher m = TOTAL.matcher(l);
        m.find();
        double v = Double.parseDouble(m.group(1));
        return (long) (m.group(2).equals("s") ? v * 1e9 : v * 1e6);
    }

    private static String await(BlockingQueue<String> lines, java.util.function.Predicate<String> wanted, Process hugo)
            throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        StringBuilder seen = new StringBuilder();
        try {
            while (System.nanoTime() < deadline) {
                String l = lines.poll(200, TimeUnit.MILLISECONDS);
                if (l != null) {
                    seen.append(l).append('\n');
                    if (wanted.test(l)) {
                        return l;
                    }
                } else if (!hugo.isAlive()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IOException("hugo server: the line awaited did not come; it printed:\n" + seen);
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
