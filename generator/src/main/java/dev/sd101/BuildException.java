package dev.sd101;

/**
 * A fatal error: the build stops and the previous output stays as it was. The message starts with
 * {@code path:line:} where the error has a place in a file (a source, a template, a config).
 */
public class BuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BuildException(String message) {
        super(message);
    }

    public BuildException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error at a place: the message reads {@code path:line: message}. */
    public static BuildException at(String path, int line, String message) {
        return new BuildException(line > 0 ? path + ":" + line + ": " + message : path + ": " + message);
    }
}
