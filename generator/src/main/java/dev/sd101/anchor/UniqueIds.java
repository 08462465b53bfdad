package dev.sd101.anchor;

import java.util.HashMap;
import java.util.Map;

/**
 * GitHub's per-document de-duplication of heading ids: the second {@code foo} becomes {@code foo-1},
 * skipping ids already taken (a heading literally named {@code foo-1} counts). Mutable, one per
 * document; not thread-safe.
 */
public final class UniqueIds {
    private final Map<String, Integer> occurrences = new HashMap<>();

    /** Slugs {@code text} and makes the id unique within this document. */
    public String next(String text) {
        return unique(GitHubSlugger.slug(text));
    }

    /** Makes an already slugged id unique within this document, as github-slugger's {@code slug()} does. */
    public String unique(String slug) {
        String result = slug;
        while (occurrences.containsKey(result)) {
            int n = occurrences.merge(slug, 1, Integer::sum);
            result = slug + "-" + n;
        }
        occurrences.put(result, 0);
        return result;
    }

    /** Whether {@code id} has been handed out (or reserved) already. */
    public boolean taken(String id) {
        return occurrences.containsKey(id);
    }
}
