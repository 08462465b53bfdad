package dev.sd101.markdown;

/**
 * A link or image reference as written in a source.
 *
 * @param kind   Markdown or raw HTML, link or image
 * @param target the destination exactly as written (not decoded)
 * @param line   1-based line where the link is used
 * @param column 1-based column (in code points) where the link is used
 * @param start  offset of the destination text in the source (where a fix would rewrite it), or -1
 * @param end    offset just past the destination text, or -1
 */
public record Link(LinkKind kind, String target, int line, int column, int start, int end) {
    /** Whether the destination's exact place in the source is known, so that it can be rewritten. */
    public boolean rewritable() {
        return start >= 0 && end >= start;
    }
}
