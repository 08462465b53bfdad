package dev.sd101;

/**
 * One link rewritten by {@link Sd101#fix}: where it is and what it became.
 *
 * @param path the source file, as the site's messages name it (relative to the content root)
 * @param line 1-based line of the link
 * @param from the destination as it was written
 * @param to   what replaced it
 */
public record LinkFix(String path, int line, String from, String to) {
    /** {@code path:line: old → new}, as printed to the user. */
    public String format() {
        return path + ":" + line + ": " + from + " → " + to;
    }
}
