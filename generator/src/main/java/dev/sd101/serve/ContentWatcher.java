package dev.sd101.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders recursively (the content root, the theme folder) and reports changed files in
 * batches: after the first change it waits until the folder has been quiet for {@code debounceMillis}, so
 * an editor's save (write, rename, touch) becomes one rebuild. The output folder, hidden folders,
 * {@code target} and {@code node_modules} are not watched: writing the site must not trigger a build.
 */
final class ContentWatcher implements AutoCloseable {
    private static final Set<String> SKIPPED = Set.of("target", "node_modules");

    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final List<Path> excluded;
    private final long debounceMillis;
    private final Thread thread;

    ContentWatcher(List<Path> roots, List<Path> excluded, long debounceMillis, Consumer<Set<Path>> onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.excluded = List.copyOf(excluded);
        this.debounceMillis = debounceMillis;
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                registerTree(root);
            }
        }
        this.thread = new Thread(() -> loop(onChange), "sd101-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Consumer<Set<Path>> onChange) {
        try {
            while (true) {
                WatchKey key = service.take();
                Set<Path> changed = new TreeSet<>();
                drain(key, changed);
                WatchKey more;
                while ((more = service.poll(debounceMillis, TimeUnit.MILLISECONDS)) != null) {
                    drain(more, changed);
                }
                if (!changed.isEmpty()) {
                    onChange.accept(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the server is stopping
        }
    }

    private void drain(WatchKey key, Set<Path> changed) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add(dir == null ? Path.of(".") : dir);
                continue;
            }
            Path p = dir.resolve((Path) event.context());
            if (skipped(p)) {
                continue;
            }
            changed.add(p);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p)) {
                try {
                    registerTree(p);
                } catch (IOException e) {
                    // a folder that vanished again at once: nothing to watch
                }
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    private boolean skipped(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        if (name.startsWith(".") || SKIPPED.contains(name) || name.endsWith("~")) {
            return true;
        }
        for (Path x : excluded) {
            if (p.startsWith(x)) {
                return true;
            }
        }
        return false;
    }

    private void registerTree(Path root) throws IOException {
        List<Path> dirs = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && skipped(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dirs.add(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path d : dirs) {
            keys.put(d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE), d);
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
