package dev.sd101.content;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Markdown source as read from disk: immutable.
 *
 * <p>{@code file}        the absolute, normalised file path
 * <p>{@code path}        the path relative to the content root, with {@code /} separators (e.g. {@code docs/a.md})
 * <p>{@code displayPath} the path shown in messages (relative to the working directory where possible)
 * <p>{@code text}        the decoded text, without a byte-order mark; line ends as in the file
 * <p>{@code frontMatter} the YAML front matter split off in the load stage (its text stays in {@code text})
 */
public final class Source {
    private final Path file;
    private final String path;
    private final String displayPath;
    private final String text;
    private final int[] lineStarts;
    private final FrontMatter frontMatter;

    public Source(Path file, String path, String displayPath, String text) {
        this(file, path, displayPath, text, FrontMatter.none(displayPath));
    }

    /** A source with its front matter already split off {@code text} (which keeps it). */
    public Source(Path file, String path, String displayPath, String text, FrontMatter frontMatter) {
        this.frontMatter = Objects.requireNonNull(frontMatter, "frontMatter");
        this.file = Objects.requireNonNull(file, "file");
        this.path = Objects.requireNonNull(path, "path");
        this.displayPath = Objects.requireNonNull(displayPath, "displayPath");
        this.text = Objects.requireNonNull(text, "text");
        this.lineStarts = LineIndex.starts(text);
    }

    public Path file() {
        return file;
    }

    public String path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    public String text() {
        return text;
    }

    /** The front matter ({@link FrontMatter#none} when the file has none). */
    public FrontMatter frontMatter() {
        return frontMatter;
    }

    /** The text the Markdown parser reads: {@link #text()} with the front matter blanked, same offsets and lines. */
    public String markdown() {
        return frontMatter.blank(text);
    }

    /** Offsets at which each line starts; {@code \n}, {@code \r\n} and a lone {@code \r} end a line. */
    public int[] lineStarts() {
        return lineStarts.clone();
    }

    /** The 1-based line of a character offset. */
    public int line(int offset) {
        return LineIndex.line(lineStarts, offset);
    }

    /** The 1-based column (in code points) of a character offset. */
    public int column(int offset) {
        int[] starts = lineStarts;
        int start = starts[LineIndex.line(starts, offset) - 1];
        return text.codePointCount(start, Math.min(offset, text.length())) + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Source s && s.file.equals(file) && s.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, text);
    }

    @Override
    public String toString() {
        return "Source[" + path + ", " + text.length() + " chars]";
    }

    /** Line bookkeeping; package-private so only {@link Source} exposes it. */
    static final class LineIndex {
        private LineIndex() {
        }

        static int[] starts(String text) {
            int[] starts = new int[16];
            int n = 0;
            starts[n++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                    }
                    starts[n++] = i + 1;
                }
            }
            return Arrays.copyOf(starts, n);
        }

        static int line(int[] starts, int offset) {
            int i = Arrays.binarySearch(starts, offset);
            return i >= 0 ? i + 1 : -i - 1;
        }
    }
}
