package dev.sd101.markdown;

/**
 * An entry of the document's own table of contents: a list item linking to {@code #fragment}.
 *
 * @param target the fragment as written, without {@code #}
 * @param depth  0 for the list's top level, 1 for an item nested once, and so on
 * @param line   1-based source line
 */
public record TocEntry(String target, int depth, int line) {
}
