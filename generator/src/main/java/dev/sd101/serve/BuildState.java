package dev.sd101.serve;

import java.nio.file.Path;

/**
 * What the server answers from: the output folder the last good build wrote (the site is served from disk; a failed
 * build leaves the folder as it was, so a reader can still navigate) and, when the latest build failed, its error
 * text for the overlay.
 *
 * @param generation counts successful builds; a page reloads when it changes
 * @param site       the output folder, or {@code null} before a build succeeded
 * @param error      the latest build's error ({@code path:line: message} lines), or {@code null}
 */
record BuildState(long generation, Path site, String error) {
    static BuildState empty() {
        return new BuildState(0, null, null);
    }

    BuildState withError(String message) {
        return new BuildState(generation, site, message);
    }
}
