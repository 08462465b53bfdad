package dev.sd101.serve;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the server answers from: the last good site (kept while the content is broken, so a reader can
 * still navigate) and, when the latest build failed, its error text for the overlay.
 *
 * @param generation counts successful builds; a page reloads when it changes
 * @param files      the site's files, path relative to the site root → bytes
 * @param copies     files served from disk (images copied from the content), path → file
 * @param error      the latest build's error ({@code path:line: message} lines), or {@code null}
 */
record BuildState(long generation, Map<String, byte[]> files, Map<String, Path> copies, String error) {
    static BuildState empty() {
        return new BuildState(0, Map.of(), Map.of(), null);
    }

    BuildState withError(String message) {
        return new BuildState(generation, files, copies, message);
    }
}
