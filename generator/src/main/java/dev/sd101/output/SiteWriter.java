package dev.sd101.output;

import dev.sd101.BuildException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;

/**
 * Stage 7: the only code that writes the site. It builds the whole site in a temporary folder beside the
 * output folder and swaps it in with two renames, so a failed or killed build never leaves a half-written
 * site: the previous one stays as it was. Leftovers of a killed build are cleared (or, if the swap itself
 * was interrupted, the previous site restored) at the start of the next.
 */
public final class SiteWriter {
    /** Marks a folder as a site sd101 wrote, so that a wrong output folder is never replaced. */
    public static final String MARKER = ".sd101";

    private final Path output;

    public SiteWriter(Path output) {
        this.output = output.toAbsolutePath().normalize();
    }

    /**
     * Refuses output folders that would destroy content: the content root itself, a folder containing a
     * source, a filesystem root, or a non-empty folder sd101 did not write.
     */
    public void guard(Path contentRoot, Path source) {
        Path root = contentRoot.toAbsolutePath().normalize();
        Path src = source.toAbsolutePath().normalize();
        if (output.getParent() == null) {
            throw new BuildException(output + ": refusing to use a filesystem root as the output folder");
        }
        if (output.equals(root) || root.startsWith(output) || src.startsWith(output)) {
            throw new BuildException(output + ": the output folder cannot be the source folder or contain it"
                    + " (it is replaced on every build); choose another outputDirectory");
        }
        if (Files.exists(output) && containsThroughLinks(root, src)) {
            throw new BuildException(output + ": the output folder leads (through a symbolic link) to the source folder"
                    + " or a folder containing it; choose another outputDirectory");
        }
        if (Files.isDirectory(output) && !Files.exists(output.resolve(MARKER)) && !isEmpty(output)) {
            throw new BuildException(output + ": not a site sd101 wrote (no " + MARKER + " file in it) and not empty;"
                    + " refusing to replace it: remove it or choose another outputDirectory");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new BuildException(output + ": exists and is not a folder");
        }
    }

    /** Whether the output folder, once symbolic links are followed, is or contains the content root or source. */
    private boolean containsThroughLinks(Path root, Path src) {
        try {
            Path realOut = output.toRealPath();
            return (Files.exists(root) && root.toRealPath().startsWith(realOut))
                    || (Files.exists(src) && src.toRealPath().startsWith(realOut));
        } catch (IOException e) {
            return true; // cannot tell: refuse rather than risk the content
        }
    }

    /** Writes the site: {@code files} (path → bytes) and {@code copies} (path → file to copy), then swaps it in. */
    public void write(Map<String, byte[]> files, Map<String, Path> copies) {
        Path parent = output.getParent();
        String name = output.getFileName().toString();
        try {
            Files.createDirectories(parent);
            recover(parent, name);
            Path tmp = parent.resolve("." + name + ".sd101-tmp-" + unique());
            try {
                Files.createDirectory(tmp);
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    Path target = inside(tmp, f.getKey());
                    Files.createDirectories(target.getParent());
                    Files.write(target, f.getValue());
                }
                for (Map.Entry<String, Path> c : copies.entrySet()) {
                    Path target = inside(tmp, c.getKey());
                    Files.createDirectories(target.getParent());
                    Files.copy(c.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.write(tmp.resolve(MARKER), new byte[0]);
                swap(tmp, parent.resolve("." + name + ".sd101-old-" + unique()));
            } finally {
                if (Files.exists(tmp)) {
                    deleteTree(tmp);
                }
            }
        } catch (IOException e) {
            throw new BuildException(output + ": cannot write the site: " + e.getMessage(), e);
        }
    }

    /**
     * Brings an output folder that holds {@code previousFiles} and {@code previousCopies} (as the last {@link #write} or
     * {@code update} into it left it) to {@code files} and {@code copies}, touching only what differs: each new or
     * changed file is written into a staging folder beside the output folder and renamed into its place (a reader
     * sees the old file or the new one, never part of one); a copy is made again when its source changed since it was
     * copied; files no longer in the site are deleted, and folders left empty with them. For {@code serve}, which
     * would otherwise write a whole site after every edit: the site as a whole is not swapped at once, only each file.
     * An output folder that is missing or not marked as sd101's is written whole, as by {@link #write}.
     */
    public void update(Map<String, byte[]> files, Map<String, Path> copies, Map<String, byte[]> previousFiles,
                       Map<String, Path> previousCopies) {
        if (!Files.isDirectory(output) || !Files.exists(output.resolve(MARKER))) {
            write(files, copies);
            return;
        }
        Path parent = output.getParent();
        String name = output.getFileName().toString();
        try {
            recover(parent, name);
            Path tmp = parent.resolve("." + name + ".sd101-tmp-" + unique());
            Files.createDirectory(tmp);
            try {
                java.util.Set<String> gone = new java.util.TreeSet<>(previousFiles.keySet());
                gone.addAll(previousCopies.keySet());
                gone.removeAll(files.keySet());
                gone.removeAll(copies.keySet());
                for (String path : gone) {
                    delete(path);
                }
                int n = 0;
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    byte[] before = previousFiles.get(f.getKey());
                    if (before == f.getValue() || (before != null && java.util.Arrays.equals(before, f.getValue()))) {
                        continue;
                    }
                    Path staged = tmp.resolve(Integer.toString(n++));
                    Files.write(staged, f.getValue());
                    place(staged, f.getKey());
                }
                for (Map.Entry<String, Path> c : copies.entrySet()) {
                    Path target = inside(output, c.getKey());
                    if (c.getValue().equals(previousCopies.get(c.getKey())) && !changedSince(c.getValue(), target)) {
                        continue;
                    }
                    Path staged = tmp.resolve(Integer.toString(n++));
                    Files.copy(c.getValue(), staged);
                    place(staged, c.getKey());
                }
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new BuildException(output + ": cannot write the site: " + e.getMessage(), e);
        }
    }

    /** Renames a staged file into its place in the output folder, replacing what is there. */
    private void place(Path staged, String path) throws IOException {
        Path target = inside(output, path);
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a file of the site, then each folder it leaves empty up to (not including) the output folder. */
    private void delete(String path) throws IOException {
        Path target = inside(output, path);
        Files.deleteIfExists(target);
        for (Path dir = target.getParent(); dir != null && !dir.equals(output) && dir.startsWith(output); dir = dir.getParent()) {
            if (!Files.isDirectory(dir) || !isEmpty(dir)) {
                break;
            }
            Files.delete(dir);
        }
    }

    /** Whether a copy's source differs from the copy: another size, or modified after the copy was made. */
    private static boolean changedSince(Path source, Path copy) {
        try {
            BasicFileAttributes s = Files.readAttributes(source, BasicFileAttributes.class);
            BasicFileAttributes c = Files.readAttributes(copy, BasicFileAttributes.class);
            return s.size() != c.size() || s.lastModifiedTime().compareTo(c.lastModifiedTime()) > 0;
        } catch (IOException e) {
            return true; // missing or unreadable: copy it again (a missing source fails the copy, with its name)
        }
    }

    /**
     * Opens a staging folder beside the output folder for a site written file by file as it is built (a large site
     * need not be held in memory). Nothing is visible in the output folder until {@link Staging#commit()} swaps the
     * whole site in; closing an uncommitted staging folder deletes it, so the previous site stays as it was.
     */
    public Staging stage() {
        Path parent = output.getParent();
        String name = output.getFileName().toString();
        try {
            Files.createDirectories(parent);
            recover(parent, name);
            Path tmp = parent.resolve("." + name + ".sd101-tmp-" + unique());
            Files.createDirectory(tmp);
            return new Staging(tmp, parent.resolve("." + name + ".sd101-old-" + unique()));
        } catch (IOException e) {
            throw new BuildException(output + ": cannot write the site: " + e.getMessage(), e);
        }
    }

    /** A site being written into its staging folder; {@link #put} and {@link #copy} may be called concurrently. */
    public final class Staging implements AutoCloseable {
        private final Path tmp;
        private final Path old;
        private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicInteger files = new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean committed;
        /** Folders of the staging tree already made: thousands of files share one (a failed mkdir costs an exception). */
        private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
        // Workers of a parallel pass may still be writing when another one's failure closes the staging folder:
        // writes hold the read lock and check closed, so nothing is written into (or left after) the deleted folder.
        private final java.util.concurrent.locks.ReentrantReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
        private boolean closed;

        private Staging(Path tmp, Path old) {
            this.tmp = tmp;
            this.old = old;
        }

        /** Writes one file of the site (path relative to the site root). */
        public void put(String path, byte[] content) {
            lock.readLock().lock();
            try {
                open();
                Path target = inside(tmp, path);
                folder(target.getParent());
                Files.write(target, content);
                bytes.addAndGet(content.length);
                files.incrementAndGet();
            } catch (IOException e) {
                throw new BuildException(output + ": cannot write the site: " + e.getMessage(), e);
            } finally {
                lock.readLock().unlock();
            }
        }

        /** Copies a file into the site (path relative to the site root). */
        public void copy(String path, Path from) {
            lock.readLock().lock();
            try {
                open();
                Path target = inside(tmp, path);
                folder(target.getParent());
                Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING);
                bytes.addAndGet(Files.size(target));
                files.incrementAndGet();
            } catch (IOException e) {
                throw new BuildException(output + ": cannot write the site: " + e.getMessage(), e);
            } finally {
                lock.readLock().unlock();
            }
        }

        private void folder(Path folder) throws IOException {
            if (!folders.contains(folder)) {
                Files.createDirectories(folder);
                folders.add(folder);
            }
        }

        /** Bytes written so far. */
        public long bytes() {
            return bytes.get();
        }

        /** Files written so far. */
        public int files() {
            return files.get();
        }

        /** Marks the folder as sd101's and swaps it in for the previous site. */
        public void commit() {
            try {
                Files.write(tmp.resolve(MARKER), new byte[0]);
                swap(tmp, old);
                committed = true;
            } catch (IOException e) {
                throw new BuildException(output + ": cannot write the site: " + e.getMessage(), e);
            }
        }

        private void open() {
            if (closed) {
                throw new BuildException(output + ": the build stopped; its unfinished site was removed");
            }
        }

        /** Deletes the staging folder unless it was committed; no file can be written into it afterwards. */
        @Override
        public void close() {
            lock.writeLock().lock();
            closed = true;
            try {
                if (!committed && Files.exists(tmp)) {
                    deleteTree(tmp);
                }
            } catch (IOException e) {
                throw new BuildException(tmp + ": cannot remove the unfinished site: " + e.getMessage(), e);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /**
     * Opens a patch of the site in the output folder (which must be sd101's, {@link #isSite()}): files put into it are
     * staged beside the folder as they are built, and only {@link Patch#commit()} moves each into its place (renamed,
     * so a reader sees the old file or the new one) and deletes the files named gone. Closing an uncommitted patch
     * deletes what it staged and the folder stays as it was. For {@code serve}, which writes only what an edit changed.
     */
    public Patch patch() {
        Path parent = output.getParent();
        String name = output.getFileName().toString();
        try {
            recover(parent, name);
            Path tmp = parent.resolve("." + name + ".sd101-tmp-" + unique());
            Files.createDirectory(tmp);
            return new Patch(tmp);
        } catch (IOException e) {
            throw new BuildException(output + ": cannot write the site: " + e.getMessage(), e);
        }
    }

    /** Whether the output folder holds a site sd101 wrote (its marker is there). */
    public boolean isSite() {
        return Files.isDirectory(output) && Files.exists(output.resolve(MARKER));
    }

    /** Changes to the site in the output folder, staged until {@link #commit()}; {@link #put} may run concurrently. */
    public final class Patch implements AutoCloseable {
        private final Path tmp;
        private final java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        private final Map<String, Path> staged = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Set<String> gone = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile boolean closed;
        private boolean committed;

        private Patch(Path tmp) {
            this.tmp = tmp;
        }

        /** Stages a new or changed file of the site (path relative to the site root). */
        public void put(String path, byte[] content) {
            inside(output, path);
            Path file = tmp.resolve(Integer.toString(n.incrementAndGet()));
            try {
                Files.write(file, content);
            } catch (IOException e) {
                throw new BuildException(output + ": cannot write the site: " + e.getMessage(), e);
            }
            stage(path, file);
        }

        /** Stages a copy of a local file (an image). */
        public void copy(String path, Path from) {
            inside(output, path);
            Path file = tmp.resolve(Integer.toString(n.incrementAndGet()));
            try {
                Files.copy(from, file, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
                throw new BuildException(output + ": cannot write the site: " + e.getMessage(), e);
            }
            stage(path, file);
        }

        private void stage(String path, Path file) {
            if (closed) {
                throw new BuildException(output + ": the build stopped; its unfinished changes were removed");
            }
            staged.put(path, file);
        }

        /** Names a file the site no longer has: deleted at {@link #commit()}, with the folders it leaves empty. */
        public void delete(String path) {
            gone.add(path);
        }

        /** The paths staged so far. */
        public java.util.Set<String> paths() {
            return java.util.Collections.unmodifiableSet(staged.keySet());
        }

        /** Deletes the files gone, then moves every staged file into its place. */
        public void commit() {
            try {
                for (String path : new java.util.TreeSet<>(gone)) {
                    if (!staged.containsKey(path)) {
                        SiteWriter.this.delete(path);
                    }
                }
                for (Map.Entry<String, Path> f : new java.util.TreeMap<>(staged).entrySet()) {
                    place(f.getValue(), f.getKey());
                }
                committed = true;
            } catch (IOException e) {
                throw new BuildException(output + ": cannot write the site: " + e.getMessage(), e);
            }
        }

        /** Whether {@link #commit()} completed. */
        public boolean committed() {
            return committed;
        }

        /** Deletes what is still staged (everything, unless committed). */
        @Override
        public void close() {
            closed = true;
            try {
                deleteTree(tmp);
            } catch (IOException e) {
                throw new BuildException(tmp + ": cannot remove the unfinished changes: " + e.getMessage(), e);
            }
        }
    }

    private void swap(Path tmp, Path old) throws IOException {
        boolean hadOld = Files.exists(output);
        if (hadOld) {
            move(output, old);
        }
        try {
            move(tmp, output);
        } catch (IOException e) {
            if (hadOld) {
                move(old, output);
            }
            throw e;
        }
        if (hadOld) {
            deleteTree(old);
        }
    }

    /** Clears what a killed build left: temporary folders, and a previous site caught mid-swap. */
    /**
     * A name for a staging or old folder beside the output: this process and the clock. Leftovers of another run are
     * removed first ({@link #recover}), so this need not be random; {@code UUID.randomUUID()} set up the JDK's security
     * providers for its {@code SecureRandom}, tens of milliseconds of a cold run on the way to the first page.
     */
    private static String unique() {
        return ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
    }

    private void recover(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, "." + name + ".sd101-*")) {
            for (Path p : siblings) {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + ".sd101-old-") && !Files.exists(output)) {
                    move(p, output);
                } else {
                    deleteTree(p);
                }
            }
        }
    }

    private static Path inside(Path dir, String relative) {
        Path p = dir.resolve(relative).normalize();
        if (!p.startsWith(dir) || p.equals(dir)) {
            throw new BuildException(relative + ": an output path outside the output folder");
        }
        return p;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // A large site's folders are deleted side by side: removing tens of thousands of files is system calls
            // and journal waits, which two threads overlap (a 10,000-page site: 3.2 s -> 2.4 s with rm -rf).
            List<Path> children;
            try (java.util.stream.Stream<Path> list = Files.list(dir)) {
                children = list.toList();
            }
            try {
                children.parallelStream().forEach(child -> {
                    try {
                        deleteSubtree(child);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
        deleteSubtree(dir);
    }

    private static void deleteSubtree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
