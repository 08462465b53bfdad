package dev.sd101.link;

import dev.sd101.markdown.Document;

import java.nio.file.Path;

/** Where a link leads, as GitHub would resolve it from the file it is written in. */
public sealed interface Target {

    /** A URL with a scheme ({@code https:}, {@code mailto:}) or a protocol-relative one: not checked. */
    record External(String url) implements Target {
    }

    /**
     * A published Markdown document, optionally at a fragment.
     *
     * @param document the document linked to (the linking one itself for {@code #id})
     * @param fragment the percent-decoded fragment, {@code ""} when there is none
     * @param id       the id it lands on: the fragment itself, or the id it matches case-insensitively; {@code null} when none
     * @param match    how the fragment matched
     */
    record Anchor(Document document, String fragment, String id, Match match) implements Target {
    }

    /** An existing file that is not a published document (an image, a PDF): copied into the site. */
    record Asset(Path file, String path) implements Target {
    }

    /** A Markdown file that exists but is not among the sources being published. */
    record Unpublished(Path file, String path) implements Target {
    }

    /** A file that does not exist inside the content root; {@code fallbackUrl} is set for images where configured. */
    record Missing(String path, String fallbackUrl) implements Target {
    }

    /** A path that leads outside the content root: never read; {@code fallbackUrl} as for {@link Missing}. */
    record Outside(String path, String reason, String fallbackUrl) implements Target {
    }

    /**
     * An absolute link to the published site itself (under the configured {@code siteUrl}), which the
     * local site serves: {@code path} is the page it is, or {@code null} when no page is published there,
     * with {@code nearest} the URL of the most similar page as a suggestion (or {@code null}).
     *
     * @param url      the link as written
     * @param path     the page path relative to the site root, or {@code null}
     * @param fragment the percent-decoded fragment, {@code ""} when there is none
     * @param nearest  for a missing page, the URL of the page with the closest path, or {@code null}
     */
    record SitePage(String url, String path, String fragment, String nearest) implements Target {
    }

    /** A target whose percent-escapes do not decode to UTF-8. */
    record Undecodable(String part) implements Target {
    }

    /** How a fragment matched the ids of the target document. */
    enum Match {
        /** No fragment: the link is to the document (or page) itself. */
        NONE_GIVEN,
        /** Byte for byte after percent-decoding, as browsers match ids. */
        EXACT,
        /** Only once lower-cased: works on github.com through its script, not on a static site. */
        CASE_ONLY,
        /** Matches nothing. */
        NO_MATCH
    }
}
