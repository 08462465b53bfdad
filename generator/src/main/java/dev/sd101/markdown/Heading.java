package dev.sd101.markdown;

/**
 * A heading of a document, with the id GitHub gives it.
 *
 * @param level  1..6
 * @param text   the rendered text (what the id is made from)
 * @param id     the GitHub id, unique in the document
 * @param line   1-based source line
 * @param block  the index of the top-level block it is, or -1 when nested (in a list or quote)
 */
public record Heading(int level, String text, String id, int line, int block) {
}
