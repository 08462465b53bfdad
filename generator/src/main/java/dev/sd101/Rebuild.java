package dev.sd101;

import java.util.Set;

/**
 * What {@link Sd101#rebuild} did to the output folder.
 *
 * @param result  the build's result: {@linkplain BuildResult#written() written} when the folder holds the new site,
 *                else (strict mode stopped it) its problems, and the folder holds the previous site
 * @param changed the files written or deleted, paths relative to the site root; every file when written whole, none
 *                when the build changed nothing or did not write
 */
public record Rebuild(BuildResult result, Set<String> changed) {
    public Rebuild {
        changed = Set.copyOf(changed);
    }
}
