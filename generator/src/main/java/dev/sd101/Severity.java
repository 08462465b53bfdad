package dev.sd101;

/**
 * How bad a {@link Problem} is. Errors fail {@code check}; warnings fail only a strict build; notes (such as the
 * language a page was found to be written in) only inform, and never fail a build.
 */
public enum Severity {
    ERROR, WARNING, NOTE;

    /** The lower-case word used in messages, as compilers print it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
