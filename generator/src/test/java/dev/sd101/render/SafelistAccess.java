package dev.sd101.render;

import org.jsoup.safety.Safelist;

/**
 * {@link GitHubSafelist} for the tests of other packages (the differential test's normalisation in
 * {@code markdown}), without making the engine's class public.
 */
public final class SafelistAccess {
    private SafelistAccess() {
    }

    /** GitHub's allowlist, keeping {@code ownAttribute} where sd101's own markup carries it. */
    public static Safelist gitHub(String ownAttribute) {
        return GitHubSafelist.create(ownAttribute);
    }
}
