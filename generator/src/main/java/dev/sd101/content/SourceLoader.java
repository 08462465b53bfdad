package dev.sd101.content;

import dev.sd101.BuildException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Stage 1: finds and reads the Markdown sources. The only code that reads content files; every file it
 * returns is inside the content root.
 */
public final class SourceLoader {
    /**
     * The largest source read. A build holds a source several times over (bytes, text, parsed tree, HTML,
     * search text); past this size it would need more than a small CI heap (256 MB) can give, and no
     * hand-written document comes near it.
     */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private final ContentRoot root;
    private final Function<Path, Source> previous;

    public SourceLoader(ContentRoot root) {
        this(root, file -> null);
    }

    /**
     * @param previous the previous build's sources by file ({@code serve}): a file whose text, path and name are
     *                 unchanged is returned as the same {@link Source}, its front matter and line index not made again
     */
    public SourceLoader(ContentRoot root, Function<Path, Source> previous) {
        this.root = root;
        this.previous = previous;
    }

    /** Reads the source file, or every {@code .md} file below the source folder, sorted by path. */
    public List<Source> load(Path source) {
        Path abs = source.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new BuildException(ContentRoot.display(abs) + ": no such file or directory");
        }
        if (!abs.startsWith(root.path())) {
            throw new BuildException(ContentRoot.display(abs) + ": outside the content root " + ContentRoot.display(root.path()));
        }
        List<Path> files = Files.isDirectory(abs) ? markdownFiles(abs) : List.of(abs);
        if (files.isEmpty()) {
            throw new BuildException(ContentRoot.display(abs) + ": no Markdown files (*.md) in this folder");
        }
        if (files.size() == 1) {
            return List.of(read(files.get(0)));
        }
        // Read side by side (a large site's load is system calls and UTF-8 decoding per file); a failure is reported
        // for the first failing file in path order, as a sequential read would.
        List<Object> read = files.parallelStream().map(f -> {
            try {
                return (Object) read(f);
            } catch (BuildException e) {
                return e;
            }
        }).toList();
        List<Source> sources = new ArrayList<>(files.size());
        for (Object r : read) {
            if (r instanceof BuildException e) {
                throw e;
            }
            sources.add((Source) r);
        }
        return sources;
    }

    /**
     * As {@link #load}, given the sources the previous load of the same {@code source} returned and what changed on
     * disk since: only the changed Markdown files are read (a one-file edit of a 10,000-file folder reads one file,
     * not the folder); a file created or deleted joins or leaves the list in path order. Whatever cannot be scoped
     * that way (changes unknown, a folder created or deleted, a single-file source that is not the changed one) is
     * loaded again whole, so the result is always what {@link #load} would return now.
     */
    public List<Source> reload(Path source, List<Source> previous, ChangedFiles changed) {
        Path abs = source.toAbsolutePath().normalize();
        if (!changed.known() || previous.isEmpty() || !Files.isDirectory(abs)) {
            return load(source);
        }
        List<Source> edited = edited(abs, previous, changed);
        if (edited != null) {
            return edited;
        }
        java.util.TreeMap<String, Source> byPath = new java.util.TreeMap<>();
        java.util.Set<Path> known = new java.util.HashSet<>();
        for (Source s : previous) {
            byPath.put(s.path(), s);
            known.add(s.file());
        }
        for (Path p : changed.paths()) {
            if (!p.startsWith(abs)) {
                continue; // the theme folder, an edition's own folder: not this source's files
            }
            if (p.equals(abs) || Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return load(source); // a folder created (with files in it?) or an event the watcher could not place
            }
            boolean markdown = p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
            if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                if (markdown && known.contains(p)) {
                    byPath.remove(root.relative(p));
                } else if (previous.stream().anyMatch(s -> s.file().startsWith(p))) {
                    return load(source); // a folder of sources deleted
                }
                continue;
            }
            if (!markdown || hidden(abs.relativize(p)) || !Files.isRegularFile(p)) {
                continue; // an image, a hidden or non-regular file: no source
            }
            Source s = read(p);
            byPath.put(s.path(), s);
        }
        if (byPath.isEmpty()) {
            return load(source); // reports the empty folder as load does
        }
        return List.copyOf(byPath.values());
    }

    /**
     * The previous sources with the changed ones read again, when every changed path is a source file of the
     * previous load that is still a regular file (files edited, none created or deleted: the common case, done
     * without sorting the folder's files again); else {@code null}.
     */
    private List<Source> edited(Path abs, List<Source> previous, ChangedFiles changed) {
        List<Source> out = null;
        for (Path p : changed.paths()) {
            if (!p.startsWith(abs) || p.equals(abs)) {
                return null;
            }
            String path = root.relative(p);
            int at = path == null ? -1 : java.util.Collections.binarySearch(previous, null,
                    (s, none) -> s.path().compareTo(path));
            if (at < 0 || !previous.get(at).file().equals(p) || !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            if (out == null) {
                out = new ArrayList<>(previous);
            }
            out.set(at, read(p));
        }
        return out == null ? null : List.copyOf(out);
    }

    /** Reads one file inside the root as strict UTF-8 (an invalid byte is an error naming its line). */
    public Source read(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String shown = ContentRoot.display(abs);
        if (!Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new BuildException(shown + ": no such file"); // before the link check: a missing file leads nowhere
        }
        if (!root.staysInsideThroughLinks(abs)) {
            throw new BuildException(shown + ": a symbolic link leading outside the content root");
        }
        byte[] bytes;
        try {
            long size = Files.size(abs);
            if (size > MAX_BYTES) {
                throw new BuildException(shown + ": " + size + " bytes; sources larger than " + MAX_BYTES
                        + " bytes (16 MB) are not read: split the file");
            }
            bytes = Files.readAllBytes(abs);
        } catch (NoSuchFileException e) {
            throw new BuildException(shown + ": no such file");
        } catch (IOException e) {
            throw new BuildException(shown + ": cannot read: " + e.getMessage(), e);
        }
        String text = decode(bytes, shown);
        String relative = root.relative(abs);
        Source old = previous.apply(abs);
        if (old != null && old.text().equals(text) && old.path().equals(relative) && old.displayPath().equals(shown)) {
            return old;
        }
        return new Source(abs, relative, shown, text, FrontMatter.parse(text, shown));
    }

    static String decode(byte[] bytes, String shown) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = start;
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw BuildException.at(shown, line, String.format(Locale.ROOT,
                    "invalid UTF-8 (byte 0x%02X at column %d); save the file as UTF-8",
                    bytes[bad] & 0xff, bad - lineStart + 1));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private List<Path> markdownFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
                    .filter(p -> !hidden(dir.relativize(p)))
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted(Comparator.comparing(p -> root.relative(p)))
                    .toList();
        } catch (IOException e) {
            throw new BuildException(ContentRoot.display(dir) + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) {
            String n = part.toString();
            if (n.startsWith(".") || n.equals("node_modules") || n.equals("target")) {
                return true;
            }
        }
        return false;
    }

}
