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

    /**
     * Whether the error is the tool's rather than the content's or the configuration's: reading or writing failed
     * (its cause is an I/O error). Maven's convention reports that as an execution error, the rest as a failure.
     */
    public boolean isToolFault() {
        for (Throwable c = getCause(); c != null; c = c.getCause()) {
            if (c instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** An error at a place: the message reads {@code path:line: message}. */
    public static BuildException at(String path, int line, String message) {
        return new BuildException(line > 0 ? path + ":" + line + ": " + message : path + ": " + message);
    }
}
