package dev.sd101.markdown;

/** Where a link was written: Markdown syntax or an attribute of raw HTML. */
public enum LinkKind {
    /** {@code [text](target)} or a reference link. */
    LINK,
    /** {@code ![alt](target)} or a reference image. */
    IMAGE,
    /** {@code href} of raw HTML. */
    HTML_LINK,
    /** {@code src} of a raw HTML {@code <img>}. */
    HTML_IMAGE;

    public boolean isImage() {
        return this == IMAGE || this == HTML_IMAGE;
    }
}
