package dev.sd101;

import java.util.Comparator;
import java.util.Objects;

/**
 * A problem in user content, found at a place in a source file. Problems are values: every stage
 * collects them, and they are reported together, sorted by file, line and column.
 *
 * @param path       the file, as shown to the user (relative to the working directory where possible)
 * @param line       1-based line, or 0 when the problem concerns the whole file
 * @param column     1-based column, or 0 when unknown
 * @param severity   error, warning or note
 * @param message    what is wrong, naming the link or value as written
 * @param suggestion a likely fix (for example a replacement link target), or {@code null}
 */
public record Problem(String path, int line, int column, Severity severity, String message, String suggestion)
        implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::path)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String path, int line, int column, String message) {
        return new Problem(path, line, column, Severity.ERROR, message, null);
    }

    public static Problem warning(String path, int line, int column, String message) {
        return new Problem(path, line, column, Severity.WARNING, message, null);
    }

    public static Problem note(String path, int line, int column, String message) {
        return new Problem(path, line, column, Severity.NOTE, message, null);
    }

    /** Whether it is a note, which informs and never fails a build. */
    public boolean isNote() {
        return severity == Severity.NOTE;
    }

    /** {@code path:line:column: severity: message}, the form editors and CI logs link to. */
    public String format() {
        StringBuilder b = new StringBuilder(path);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.append(": ").append(severity.label()).append(": ").append(message).toString();
    }

    /**
     * The problem as a GitHub Actions workflow command ({@code ::error file=…,line=…,col=…::message}),
     * which the runner turns into an annotation on the pull request's diff. Escaped as GitHub's toolkit
     * escapes: {@code %}, CR and LF in the message; also {@code :} and {@code ,} in property values.
     */
    public String githubAnnotation() {
        StringBuilder b = new StringBuilder("::").append(severity == Severity.ERROR ? "error" : severity == Severity.WARNING ? "warning" : "notice")
                .append(" file=").append(escapeProperty(path));
        if (line > 0) {
            b.append(",line=").append(line);
            if (column > 0) {
                b.append(",col=").append(column);
            }
        }
        return b.append("::").append(escapeData(message)).toString();
    }

    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }

    @Override
    public int compareTo(Problem o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return format();
    }
}
