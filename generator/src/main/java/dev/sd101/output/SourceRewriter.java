package dev.sd101.output;

import dev.sd101.BuildException;
import dev.sd101.content.ContentRoot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Rewrites ranges of a source file in place, for {@code check --fix}: everything outside the ranges
 * stays byte for byte (line endings, a byte-order mark, the rest of the UTF-8), and the new file is
 * written beside the old one and moved over it atomically, so a failure at any point leaves either the
 * old file or the new one, never half of each.
 */
public final class SourceRewriter {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Writes the new bytes into the temporary file; replaceable only to test a failure halfway. */
    interface Sink {
        void write(OutputStream out, byte[] bytes) throws IOException;
    }

    private final Sink sink;

    public SourceRewriter() {
        this((out, bytes) -> out.write(bytes));
    }

    SourceRewriter(Sink sink) {
        this.sink = sink;
    }

    /**
     * One replacement of the decoded text (without its byte-order mark).
     *
     * @param start offset of the first character replaced
     * @param end   offset just past the last one
     * @param text  what replaces them
     */
    public record Replacement(int start, int end, String text) {
        public Replacement {
            Objects.requireNonNull(text, "text");
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad range " + start + ".." + end);
            }
        }
    }

    /**
     * Applies {@code replacements} to {@code file}, whose decoded text must still be {@code expectedText}
     * (the text the offsets were taken from): a file changed since it was read is left alone.
     *
     * @throws BuildException when the file changed, the ranges overlap, or it cannot be written; the file is then untouched
     */
    public void rewrite(Path file, String expectedText, List<Replacement> replacements) {
        String shown = ContentRoot.display(file);
        byte[] old;
        try {
            old = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BuildException(shown + ": cannot read: " + e.getMessage(), e);
        }
        boolean bom = old.length >= 3 && old[0] == BOM[0] && old[1] == BOM[1] && old[2] == BOM[2];
        String text = decode(old, bom ? 3 : 0, shown);
        if (!text.equals(expectedText)) {
            throw new BuildException(shown + ": changed since it was checked; not fixed (run the check again)");
        }
        List<Replacement> sorted = new ArrayList<>(replacements);
        sorted.sort(Comparator.comparingInt(Replacement::start).reversed());
        StringBuilder b = new StringBuilder(text);
        int limit = text.length();
        for (Replacement r : sorted) {
            if (r.end() > limit) {
                throw new BuildException(shown + ": overlapping or out-of-range replacements; not fixed");
            }
            b.replace(r.start(), r.end(), r.text());
            limit = r.start();
        }
        byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[(bom ? 3 : 0) + body.length];
        if (bom) {
            System.arraycopy(BOM, 0, bytes, 0, 3);
        }
        System.arraycopy(body, 0, bytes, bom ? 3 : 0, body.length);
        replace(file, bytes, shown);
    }

    private void replace(Path file, byte[] bytes, String shown) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            // Same folder: the move is a rename on one filesystem, which is what makes it atomic.
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".sd101-fix");
            copyPermissions(file, temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                sink.write(Channels.newOutputStream(ch), bytes);
                ch.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new BuildException(shown + ": this filesystem cannot replace the file atomically; not fixed", e);
            }
            temp = null;
        } catch (IOException e) {
            throw new BuildException(shown + ": cannot write the fixed file: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // The original is intact; only a hidden temporary file may remain, named after it.
                }
            }
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (src != null && dst != null) {
            dst.setPermissions(src.readAttributes().permissions());
        }
    }

    private static String decode(byte[] bytes, int from, String shown) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
        } catch (CharacterCodingException e) {
            throw new BuildException(shown + ": not valid UTF-8 any more; not fixed", e);
        }
    }
}
