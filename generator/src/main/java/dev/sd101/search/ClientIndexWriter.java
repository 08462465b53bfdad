package dev.sd101.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays out {@link Postings} and {@link Section}s as the files the browser fetches:
 * <ul>
 *   <li>{@code search/meta.json}: format version, section count, and the first term of every chunk, so the
 *       browser knows which chunk holds a term (or a prefix range) before fetching anything else;</li>
 *   <li>{@code search/terms/N.json}: a run of sorted terms with their encoded postings ({@link PostingCodec});
 *       chunks are cut by size, as Pagefind does, so a query fetches only the chunks its terms fall in;</li>
 *   <li>{@code search/f/N.json}: per section, what a result shows (URL, titles, breadcrumb, text for the
 *       snippet), fetched only for results on screen.</li>
 * </ul>
 */
final class ClientIndexWriter {
    static final int FORMAT = 1;
    /** Raw bytes per term chunk; about a third of it after gzip. Small enough that the bigrams of a Korean word
     *  (one chunk each, at worst) stay well inside the first-query budget. */
    static final int CHUNK_BYTES = 6000;
    /** Snippets need only the start of long sections; the cap bounds a fragment's size. */
    static final int MAX_TEXT = 3000;

    private ClientIndexWriter() {
    }

    static Map<String, byte[]> write(Postings postings, List<Section> sections) {
        java.util.SortedMap<String, String> encoded = new TreeMap<>();
        postings.terms().forEach((term, list) -> encoded.put(term, PostingCodec.encode(list)));
        return writeEncoded(encoded, sections);
    }

    /** As {@link #write}, from postings already encoded with {@link PostingCodec}, in term order. */
    static Map<String, byte[]> writeEncoded(java.util.SortedMap<String, String> postings, List<Section> sections) {
        Map<String, byte[]> files = new TreeMap<>();
        List<String> firstTerms = new ArrayList<>();
        StringBuilder terms = new StringBuilder();
        StringBuilder lists = new StringBuilder();
        for (Map.Entry<String, String> e : postings.entrySet()) {
            if (terms.length() == 0) {
                firstTerms.add(e.getKey());
            }
            Json.string(terms.append(terms.length() == 0 ? "" : ","), e.getKey());
            Json.string(lists.append(lists.length() == 0 ? "" : ","), e.getValue());
            if (terms.length() * 2 + lists.length() >= CHUNK_BYTES) { // Hangul is 3 bytes in UTF-8, ~2 chars' worth
                flushChunk(files, firstTerms.size() - 1, terms, lists);
            }
        }
        if (terms.length() > 0) {
            flushChunk(files, firstTerms.size() - 1, terms, lists);
        }
        StringBuilder meta = new StringBuilder("{\"v\":").append(FORMAT)
                .append(",\"n\":").append(sections.size())
                .append(",\"chunks\":");
        Json.strings(meta, firstTerms).append("}\n");
        files.put("search/meta.json", utf8(meta));
        for (int i = 0; i < sections.size(); i++) {
            files.put("search/f/" + i + ".json", utf8(fragment(sections.get(i))));
        }
        return files;
    }

    private static void flushChunk(Map<String, byte[]> files, int index, StringBuilder terms, StringBuilder lists) {
        String json = "{\"t\":[" + terms + "],\"p\":[" + lists + "]}\n";
        files.put("search/terms/" + index + ".json", json.getBytes(StandardCharsets.UTF_8));
        terms.setLength(0);
        lists.setLength(0);
    }

    private static StringBuilder fragment(Section s) {
        StringBuilder out = new StringBuilder("{\"u\":");
        Json.string(out, s.url());
        Json.string(out.append(",\"t\":"), s.title());
        Json.string(out.append(",\"h\":"), s.heading());
        Json.strings(out.append(",\"b\":"), s.breadcrumb());
        Json.string(out.append(",\"x\":"), truncate(s.body()));
        return out.append("}\n");
    }

    static String truncate(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(MAX_TEXT)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end);
    }

    private static byte[] utf8(StringBuilder sb) {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
