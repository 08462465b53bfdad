package dev.sd101.search;

import dev.sd101.web.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Lays out {@link Postings} and {@link Section}s as the files the browser fetches:
 * <ul>
 *   <li>{@code search/meta.json}: format version, section count, the sections' total length (BM25's average
 *       length is it over the count), and per chunk the shortest key that sorts after the
 *       chunk before it and not after its first term, so the
 *       browser knows which chunk holds a term (or a prefix range) before fetching anything else; and, on a large
 *       site, its stop bigrams ({@link #stopBigrams});</li>
 *   <li>{@code search/terms/K.json}: a run of sorted terms with their encoded postings ({@link PostingCodec}), K
 *       the hex UTF-8 of the chunk's key in {@code meta.json}; chunks are cut by size (where the content says,
 *       {@link #cut}), as Pagefind does, so a query fetches only the chunks its terms fall in;</li>
 *   <li>{@code search/f/K.json}: what a result shows (URL, titles, breadcrumb, text for the snippet) for the
 *       {@link #SECTIONS_PER_FILE} consecutive sections {@code K*G .. K*G+G-1} (the last file holds the rest), as a
 *       JSON array in section order; {@code meta.json} states G, so the browser computes the file of section
 *       {@code s} as {@code floor(s/G)} and its place as {@code s%G}. Fetched only for results on screen.</li>
 * </ul>
 *
 * <p>Why bundles: one file per section made ~60,000 files at 10,000 pages (four times their bytes on disk in
 * 4 KB blocks, seconds of file creation in the build, slow Pages deploys). A page's sections have consecutive
 * numbers, so a bundle is mostly one or two pages, and the top results of a query often share one.
 * G is the largest count that kept a first query's median download within about +30 % of one file per section
 * (README-ko, 1,000 and 10,000 generated pages, measured with {@code benchmark.mjs}); a bundle per page measured
 * similar but needs a section→page map that a first query must also download.
 */
final class ClientIndexWriter {
    /**
     * Checked by {@code search-engine.js}; 2 since fragments are bundled {@link #SECTIONS_PER_FILE} to a file, 3 since
     * postings hold local codes ({@link Postings#code}) and term chunks are named by their keys.
     */
    static final int FORMAT = 3;
    /** G: consecutive sections per fragment file. */
    static final int SECTIONS_PER_FILE = 6;
    /** Raw bytes per term chunk; about a third of it after gzip. Small enough that the bigrams of a Korean word
     *  (one chunk each, at worst) stay well inside the first-query budget. */
    static final int CHUNK_BYTES = 5400;
    /** One term in this many may end a chunk ({@link #cut}): about one a kilobyte. */
    static final int CUT_ONE_IN = 8;
    /** Raw bytes per chunk of {@link Lexicon} entries: a Hangul query word looks up its spellings and its words
     *  of the glossary, each in a chunk of its own at worst. */
    static final int LEXICON_CHUNK_BYTES = 2000;
    /** A Hangul bigram in at least this share of the sections (and {@link #STOP_MIN_SECTIONS}) is a stop bigram. */
    static final double STOP_SHARE = 0.125;
    /** Below this many sections a bigram's postings cost a first query little (about 3 KB gzip at most). */
    static final int STOP_MIN_SECTIONS = 2000;
    /** Snippets need only the start of long sections; the cap bounds a fragment's size. */
    static final int MAX_TEXT = 3000;

    private ClientIndexWriter() {
    }

    static Map<String, byte[]> write(Postings postings, List<Section> sections) {
        SortedMap<String, String> encoded = new TreeMap<>();
        postings.terms().forEach((term, list) -> encoded.put(term, PostingCodec.encode(list)));
        return writeEncoded(encoded, sections);
    }

    /** As {@link #write}, from postings already encoded with {@link PostingCodec}, in term order. */
    static Map<String, byte[]> writeEncoded(SortedMap<String, String> postings, List<Section> sections) {
        return writeEncoded(new Postings.Encoded(postings.keySet().toArray(new String[0]),
                postings.values().toArray(new String[0])), sections);
    }

    /** As {@link #write}, from {@link Postings#encoded}. */
    static Map<String, byte[]> writeEncoded(Postings.Encoded postings, List<Section> sections) {
        return writeEncoded(postings, sections, bundles(sections, Bundles.NONE));
    }

    /**
     * The fragment files of a site's sections, with the sections each holds: a later build reuses the bytes of a
     * bundle whose sections are the very same objects (a page reused whole brings its sections).
     */
    /**
     * Which sections each fragment file holds; a file that holds the very same sections as the previous build's is
     * given the previous build's array, so that the array is the file's version ({@link SearchIndex.Versioned}).
     */
    record Bundles(Section[][] sections) {
        static final Bundles NONE = new Bundles(new Section[0][]);
    }

    /** The fragment files of {@code sections}, each the array of {@code previous} when it holds the same sections. */
    static Bundles bundles(List<Section> sections, Bundles previous) {
        int bundles = (sections.size() + SECTIONS_PER_FILE - 1) / SECTIONS_PER_FILE;
        Section[][] held = new Section[bundles][];
        for (int k = 0; k < bundles; k++) {
            int from = k * SECTIONS_PER_FILE;
            int end = Math.min(sections.size(), from + SECTIONS_PER_FILE);
            held[k] = k < previous.sections().length && same(previous.sections()[k], sections, from, end) ? previous.sections()[k]
                    : sections.subList(from, end).toArray(new Section[0]);
        }
        return new Bundles(held);
    }

    /** Whether {@code a} holds the very sections {@code from..end} of {@code sections}. */
    private static boolean same(Section[] a, List<Section> sections, int from, int end) {
        if (a.length != end - from) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != sections.get(from + i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What an indexer that builds again and again ({@code serve}) keeps of the last layout: each term chunk by its
     * key, with the terms and lists it was made of, so that a chunk of the same terms and the very same list strings
     * (an unchanged list is the very string of the previous build) is not joined and encoded again.
     * Not thread-safe: one build at a time.
     */
    static final class Memo {
        private Map<String, Chunk> chunks = Map.of();
        /** The postings counted for {@link #stopBigrams}, by the very list string (an unchanged list is the same one). */
        private Map<String, Integer> counts = new java.util.IdentityHashMap<>();
        /** {@code bundlePaths[k]}: fragment file {@code k}'s path. */
        private String[] bundlePaths = new String[0];

        /** A chunk's terms and lists; the object itself is the chunk file's version while they stay the same. */
        private record Chunk(String[] terms, String[] lists) {
            boolean holds(String[] keys, String[] values, int first, int end) {
                if (terms.length != end - first) {
                    return false;
                }
                for (int i = first; i < end; i++) {
                    if (lists[i - first] != values[i] || !terms[i - first].equals(keys[i])) {
                        return false;
                    }
                }
                return true;
            }
        }
    }

    /** As {@link #writeEncoded(Postings.Encoded, List)}, with the fragment files already cut. */
    static Map<String, byte[]> writeEncoded(Postings.Encoded postings, List<Section> sections, Bundles bundled) {
        return writeEncoded(postings, sections, bundled, null, null);
    }

    /**
     * As {@link #writeEncoded(Postings.Encoded, List, Bundles)}, reusing what {@code memo} kept ({@code null}: none):
     * then the term chunks and fragment files go into {@code versioned}, each made only if a sink asks for its bytes.
     *
     * @return the files with their bytes
     */
    static Map<String, byte[]> writeEncoded(Postings.Encoded postings, List<Section> sections, Bundles bundled, Memo memo,
                                            Map<String, SearchIndex.Versioned> versioned) {
        Map<String, byte[]> files = new TreeMap<>();
        String[] keys = postings.terms();
        String[] values = postings.lists();
        List<int[]> chunks = cut(keys, values);
        String[] chunkKeys = new String[chunks.size()];
        for (int c = 0; c < chunks.size(); c++) {
            int at = chunks.get(c)[0];
            chunkKeys[c] = c == 0 ? keys[at] : separator(keys[at - 1], keys[at]);
        }
        if (memo == null) {
            byte[][] chunkBytes = new byte[chunks.size()][];
            IntStream.range(0, chunks.size()).parallel().forEach(c -> chunkBytes[c] = chunk(keys, values, chunks.get(c)[0], chunks.get(c)[1]));
            for (int c = 0; c < chunks.size(); c++) {
                files.put(chunkPath(chunkKeys[c]), chunkBytes[c]);
            }
            byte[][] bundleBytes = new byte[bundled.sections().length][];
            // Independent of each other and a large share of the index's bytes: built on all cores.
            IntStream.range(0, bundleBytes.length).parallel().forEach(k -> bundleBytes[k] = bundle(sections, k));
            for (int k = 0; k < bundleBytes.length; k++) {
                files.put(bundlePath(k), bundleBytes[k]);
            }
        } else {
            Map<String, Memo.Chunk> before = memo.chunks;
            Map<String, Memo.Chunk> kept = new java.util.HashMap<>(chunks.size() * 2);
            for (int c = 0; c < chunks.size(); c++) {
                int from = chunks.get(c)[0];
                int to = chunks.get(c)[1];
                Memo.Chunk was = before.get(chunkKeys[c]);
                Memo.Chunk chunk = was != null && was.holds(keys, values, from, to) ? was
                        : new Memo.Chunk(Arrays.copyOfRange(keys, from, to), Arrays.copyOfRange(values, from, to));
                kept.put(chunkKeys[c], chunk);
                versioned.put(chunkPath(chunkKeys[c]), new SearchIndex.Versioned(chunk,
                        () -> chunk(chunk.terms(), chunk.lists(), 0, chunk.terms().length)));
            }
            memo.chunks = kept;
            if (memo.bundlePaths.length < bundled.sections().length) {
                // The paths made once (10,000s of them at scale), not again on every edit.
                String[] paths = Arrays.copyOf(memo.bundlePaths, bundled.sections().length);
                for (int k = memo.bundlePaths.length; k < paths.length; k++) {
                    paths[k] = bundlePath(k);
                }
                memo.bundlePaths = paths;
            }
            for (int k = 0; k < bundled.sections().length; k++) {
                int bundle = k;
                versioned.put(memo.bundlePaths[k], new SearchIndex.Versioned(bundled.sections()[k],
                        () -> bundle(sections, bundle)));
            }
        }
        StringBuilder meta = new StringBuilder("{\"v\":").append(FORMAT)
                .append(",\"n\":").append(sections.size())
                .append(",\"l\":").append(postings.length())
                .append(",\"g\":").append(SECTIONS_PER_FILE)
                .append(",\"chunks\":");
        Json.strings(meta, Arrays.asList(chunkKeys));
        List<String> stop = stopBigrams(keys, values, sections.size(), memo);
        if (!stop.isEmpty()) {
            Json.strings(meta.append(",\"s\":"), stop);
        }
        meta.append("}\n");
        files.put("search/meta.json", utf8(meta));
        return files;
    }

    /**
     * Where the chunks end: {@code [first, end)} term indexes. A chunk ends after a term whose hash picks it
     * ({@link #cutHere}) once the chunk holds 85 % of {@link #CHUNK_BYTES}, or at the latest at 120 % (so chunks vary
     * little in size: a lookup lands in a large one more often, and the first query pays for that); lexicon
     * entries (they sort first) are cut finer, and end a chunk of their own: a query looks up several, each in a
     * chunk at worst. Content-defined, as backup tools cut files: a list that grows or shrinks moves the end of its
     * own chunk at most, and the next chunks end where they ended, so an edit rewrites the chunks of its terms only.
     */
    static List<int[]> cut(String[] keys, String[] values) {
        List<int[]> chunks = new ArrayList<>();
        int first = 0;
        long bytes = 0;
        int entries = leadingEntries(keys);
        boolean lexicon = entries > 0; // whether the chunk begun at first holds entries
        for (int i = 0; i < keys.length; i++) {
            // Hangul is 3 bytes in UTF-8, ~2 chars' worth; a list is ASCII, one byte a char (and the JSON quotes).
            bytes += 2L * (keys[i].length() + 3) + values[i].length() + 3;
            boolean lexiconEnds = lexicon && i + 1 == entries;
            int size = lexicon ? LEXICON_CHUNK_BYTES : CHUNK_BYTES;
            if (lexiconEnds || bytes >= size * 6L / 5 || bytes >= size * 17L / 20 && cutHere(keys[i])) {
                chunks.add(new int[] {first, i + 1});
                first = i + 1;
                bytes = 0;
                lexicon = first < entries;
            }
        }
        if (first < keys.length) {
            chunks.add(new int[] {first, keys.length});
        }
        return chunks;
    }

    /**
     * How many keys at the start are lexicon entries: their prefixes (U+0001, U+0002) sort before every term, so they
     * are a leading stretch of the sorted keys, found by binary search (there are 10,000s at scale).
     */
    private static int leadingEntries(String[] keys) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Lexicon.isEntry(keys[mid])) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether a term's hash picks it as a chunk's last term: one term in {@link #CUT_ONE_IN}. */
    private static boolean cutHere(String term) {
        int h = term.hashCode() * 0x9E3779B9; // String.hashCode is specified: the same cuts on every JVM
        return (h >>> 27) % CUT_ONE_IN == 0;
    }

    /** A term chunk's file: its key as UTF-8 in hex (keys hold any character; file names must not). */
    static String chunkPath(String key) {
        StringBuilder out = new StringBuilder("search/terms/");
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            out.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        }
        return out.append(".json").toString();
    }

    /**
     * The Hangul bigrams in at least {@link #STOP_SHARE} of the sections and {@link #STOP_MIN_SECTIONS}, in order
     * of rarity (fewest sections first, then term order). A word's bigrams are looked up when the word is no term
     * itself (a compound Nori split); on a large site the common ones (서비, 비스 of 마이크로서비스, each in a
     * quarter of 59,600 sections) cost 5-11 KB gzip each and narrow the match little, so the browser leaves them
     * out and matches by the word's other bigrams. None on a small site: there every list is cheap.
     */
    static List<String> stopBigrams(String[] terms, String[] lists, int sections) {
        return stopBigrams(terms, lists, sections, null);
    }

    /** As {@link #stopBigrams(String[], String[], int)}, counting only the lists {@code memo} has not counted. */
    private static List<String> stopBigrams(String[] terms, String[] lists, int sections, Memo memo) {
        long least = Math.max(STOP_MIN_SECTIONS, (long) Math.ceil(sections * STOP_SHARE));
        List<Map.Entry<String, Integer>> stop = new ArrayList<>();
        Map<String, Integer> counted = new java.util.IdentityHashMap<>();
        for (int i = 0; i < terms.length; i++) {
            // A posting is two digits at least: a shorter list cannot hold enough (most lists, skipped unread).
            if (isHangulBigram(terms[i]) && lists[i].length() >= 2 * least) {
                Integer known = memo == null ? null : memo.counts.get(lists[i]);
                int count = known != null ? known : PostingCodec.count(lists[i]);
                counted.put(lists[i], count);
                if (count >= least) {
                    stop.add(Map.entry(terms[i], count));
                }
            }
        }
        if (memo != null) {
            memo.counts = counted;
        }
        // Rarest first: when a word keeps fewer than two bigrams, the browser adds the rarest stop ones.
        stop.sort(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        return stop.stream().map(Map.Entry::getKey).toList();
    }

    private static boolean isHangulBigram(String term) {
        return term.length() == 2 && isSyllable(term.charAt(0)) && isSyllable(term.charAt(1));
    }

    private static boolean isSyllable(char c) {
        return c >= '\uac00' && c <= '\ud7a3';
    }

    /**
     * The shortest prefix of {@code first} that sorts after {@code previous} (the last term of the chunk before): the
     * browser finds a term's chunk by binary search over these keys, and every query downloads them all (at 10,000
     * pages, 1,259 keys: 5.3 KB gzip as whole terms). Compared as JavaScript compares strings, by UTF-16 code unit,
     * as {@link String#compareTo} does; never cut inside a surrogate pair.
     */
    static String separator(String previous, String first) {
        for (int end = 1; end < first.length(); end++) {
            if (Character.isHighSurrogate(first.charAt(end - 1))) {
                continue;
            }
            if (first.substring(0, end).compareTo(previous) > 0) {
                return first.substring(0, end);
            }
        }
        return first;
    }

    private static byte[] chunk(String[] keys, String[] values, int first, int end) {
        StringBuilder out = new StringBuilder("{\"t\":[");
        for (int i = first; i < end; i++) {
            Json.string(out.append(i > first ? "," : ""), keys[i]);
        }
        out.append("],\"p\":[");
        for (int i = first; i < end; i++) {
            Json.string(out.append(i > first ? "," : ""), values[i]);
        }
        return utf8(out.append("]}\n"));
    }

    /** The file that holds section {@code section}'s fragment (at index {@code section % SECTIONS_PER_FILE}). */
    static String fileOf(int section) {
        return bundlePath(section / SECTIONS_PER_FILE);
    }

    private static String bundlePath(int bundle) {
        return "search/f/" + bundle + ".json";
    }

    /** Bundle {@code k}: a JSON array of the fragments of sections {@code k*G ..}, one per line. */
    private static byte[] bundle(List<Section> sections, int k) {
        StringBuilder out = new StringBuilder("[");
        int end = Math.min(sections.size(), (k + 1) * SECTIONS_PER_FILE);
        for (int i = k * SECTIONS_PER_FILE; i < end; i++) {
            fragment(out.append(i > k * SECTIONS_PER_FILE ? ",\n" : ""), sections.get(i));
        }
        return utf8(out.append("]\n"));
    }

    private static StringBuilder fragment(StringBuilder out, Section s) {
        out.append("{\"u\":");
        Json.string(out, s.url());
        Json.string(out.append(",\"t\":"), s.title());
        Json.string(out.append(",\"h\":"), s.heading());
        Json.strings(out.append(",\"b\":"), s.breadcrumb());
        Json.string(out.append(",\"x\":"), truncate(s.body()));
        return out.append('}');
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
