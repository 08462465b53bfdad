package dev.sd101.engine;

import dev.sd101.link.SiteVerifier;

import java.util.Collection;
import java.util.Set;

/**
 * The verify stage, shared by a site of one edition and a site of several: every page is scanned as it is put into
 * the site, then, before anything is swapped in, every link of the generated site must land (one that does not is a
 * generator bug; the content's own broken links are excused).
 */
final class SiteCheck {
    private final SiteVerifier verifier;
    private final SiteVerifier.Scan scan;

    SiteCheck(SiteVerifier verifier) {
        this.verifier = verifier;
        this.scan = verifier.scan();
    }

    static SiteCheck of(Planned planned) {
        // A build that keeps the link stage's state has what forContent would find, per document: not resolved again.
        return new SiteCheck(planned.links() != null ? planned.links().verifier()
                : SiteVerifier.forContent(planned.resolver(), planned.site().documents().values()));
    }

    /** Excuses the content's broken links a page's body holds: call before that page is scanned. */
    void excuse(Collection<String> hrefs) {
        verifier.excuse(hrefs);
    }

    /** Scans a file; {@code text} is its HTML when at hand (no decoding again), else {@code null}. */
    void scan(String path, byte[] bytes, String text) {
        if (text != null) {
            scan.add(path, text);
        } else {
            scan.add(path, bytes);
        }
    }

    SiteVerifier.Scan scan() {
        return scan;
    }

    /** @param paths every file of the site, copies included */
    void verify(Set<String> paths, StageClock clock) {
        clock.run("verify", () -> verifier.verify(scan, paths));
    }
}
