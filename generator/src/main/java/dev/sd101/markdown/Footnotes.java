package dev.sd101.markdown;

import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.util.ast.Node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A document's footnotes as cmark-gfm numbers them: by first reference, in document order; each reference
 * numbered among the references to the same note. Ids are cmark-gfm's ({@code fn-LABEL}, {@code fnref-LABEL},
 * {@code fnref-LABEL-2}…, the label as the definition writes it, escaped as a URL), without GitHub's
 * {@code user-content-} prefix, as every id on this site. Also records which top-level blocks reference
 * each note, so that a page split out of the document lists the notes its own blocks use.
 */
final class Footnotes {
    private final Map<FootnoteBlock, Integer> numbers = new IdentityHashMap<>();
    private final List<FootnoteBlock> ordered = new ArrayList<>();
    private final Map<Footnote, Integer> refIndex = new IdentityHashMap<>();
    private final Map<FootnoteBlock, Integer> refCounts = new IdentityHashMap<>();
    private final List<TreeSet<Integer>> blocksOf = new ArrayList<>();

    /** Records a reference met in document order, inside top-level block {@code block}; false when it is only text. */
    boolean reference(Footnote ref, int block) {
        FootnoteBlock note = ref.getFootnoteBlock();
        if (note == null) {
            return false;
        }
        Integer n = numbers.get(note);
        if (n == null) {
            n = ordered.size() + 1;
            numbers.put(note, n);
            ordered.add(note);
            blocksOf.add(new TreeSet<>());
        }
        int count = refCounts.getOrDefault(note, 0);
        refIndex.put(ref, count);
        refCounts.put(note, count + 1);
        if (block >= 0) {
            blocksOf.get(n - 1).add(block);
        }
        return true;
    }

    /** The note's number (from 1), or 0 when nothing references it. */
    int number(FootnoteBlock note) {
        return numbers.getOrDefault(note, 0);
    }

    int referenceIndex(Footnote ref) {
        return refIndex.getOrDefault(ref, 0);
    }

    int referenceCount(FootnoteBlock note) {
        return refCounts.getOrDefault(note, 0);
    }

    /** The referenced notes, in number order. */
    List<FootnoteBlock> notes() {
        return ordered;
    }

    /** For each note in number order, the top-level blocks that reference it. */
    int[][] blocksByNote() {
        int[][] out = new int[blocksOf.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = blocksOf.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    static String noteId(FootnoteBlock note) {
        return "fn-" + escapeHref(note.getText().toString());
    }

    /** The id of a reference: {@code fnref-LABEL} for the first, {@code fnref-LABEL-2} for the second… */
    static String refId(FootnoteBlock note, int index) {
        return "fnref-" + escapeHref(note.getText().toString()) + (index == 0 ? "" : "-" + (index + 1));
    }

    /**
     * cmark's {@code houdini_escape_href}: bytes outside its safe set percent-encoded (non-ASCII as UTF-8),
     * so a label {@code é} gives the id {@code fn-%C3%A9}, as on GitHub.
     */
    static String escapeHref(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.+!*'(),%#@?=;:/&$~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /**
     * cmark-gfm matches a reference to its definition as it matches link labels, case-insensitively; flexmark
     * matches the exact text. References flexmark left undefined are matched again here, the first definition winning.
     */
    static void matchLabels(com.vladsch.flexmark.util.ast.Document root) {
        Map<String, FootnoteBlock> byLabel = new java.util.HashMap<>();
        List<Footnote> undefined = new ArrayList<>();
        for (Node n : root.getDescendants()) {
            if (n instanceof FootnoteBlock note) {
                byLabel.putIfAbsent(normalize(note.getText().toString()), note);
            } else if (n instanceof Footnote ref && ref.getFootnoteBlock() == null) {
                undefined.add(ref);
            }
        }
        for (Footnote ref : undefined) {
            FootnoteBlock note = byLabel.get(normalize(ref.getText().toString()));
            if (note != null) {
                ref.setFootnoteBlock(note);
            }
        }
    }

    /** A label as cmark compares them: white space collapsed, case folded (upper of lower, as cmark's fold does for most). */
    private static String normalize(String label) {
        return label.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT).toUpperCase(java.util.Locale.ROOT);
    }
}
