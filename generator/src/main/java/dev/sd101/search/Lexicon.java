package dev.sd101.search;

import dev.sd101.web.Json;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What lets a query find words the text writes otherwise, as entries in the index's own sorted term space (so the
 * browser fetches only the chunk a lookup falls in) and two word lists:
 * <ul>
 *   <li>{@value #ALIAS}{@code 해시} → {@code =latin terms}: the Hangul spellings ({@link HangulSpelling}) of every
 *       Latin-script term of the site, so 레디스 finds Redis;</li>
 *   <li>{@value #GLOSS}{@code key} → {@code =text|text}: words that mean the same ({@code glossary.tsv}, plus the
 *       pairs the text writes itself as {@code 캐시(cache)} or {@code cache(캐시)}), for English words of Korean
 *       text, Korean words of English text and Korean synonyms; only words the site's text holds are expansions;</li>
 *   <li>{@code search/vocab-l.json} and {@code search/vocab-h/N.json}: the site's Latin words, and its Hangul words by
 *       their first consonant N,, fetched
 *       only when a query word matches nothing, to correct a typo.</li>
 * </ul>
 * The {@code =} starts no encoded postings list ({@link PostingCodec} never writes it), and both markers sort before
 * every index term. Keys are {@link #key}s; {@code search-engine.js} computes the same.
 */
final class Lexicon {
    static final String ALIAS = "\u0001";
    static final String GLOSS = "\u0002";
    /** Latin words shorter than this are not corrected (one edit turns them into too many others). */
    static final int MIN_FUZZY_LATIN = 4;
    private static final Pattern HANGUL_THEN_LATIN =
            Pattern.compile("([\\p{IsHangul}]+(?: [\\p{IsHangul}]+)?) ?\\(([A-Za-z][A-Za-z0-9 .\\-]{1,40})\\)");
    private static final Pattern LATIN_THEN_HANGUL =
            Pattern.compile("([A-Za-z][A-Za-z0-9\\-]*(?: [A-Za-z][A-Za-z0-9\\-]*){0,3}) ?\\(([\\p{IsHangul}][\\p{IsHangul} ]{0,20})\\)");
    /** Korean endings a mined word may carry before its parenthesis: 캐시를(cache) is the pair 캐시 / cache. */
    private static final List<String> ENDINGS = List.of("으로", "에서", "에게", "과", "와", "의", "을", "를", "은", "는",
            "이", "가", "에", "로", "도");

    private final HangulSpelling spelling;
    /** Each term's spellings, kept across the builds of one indexer ({@code serve}): the same for a term forever. */
    private final Map<String, List<String>> spellings = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<List<String>> glossary;
    /** Each group member's surface terms, kept across builds (the glossary's are looked up on every one). */
    private final Map<String, List<String>> surfaces = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Each group member's {@link #key}, kept across builds: three Unicode normalisations and a regular expression per
     * call, made for every member and each present one again (a rename at 10,000 pages spent a sixth of its time there).
     */
    private final Map<String, String> keys = new java.util.concurrent.ConcurrentHashMap<>();

    Lexicon() {
        this(new HangulSpelling(), readGlossary());
    }

    Lexicon(HangulSpelling spelling, List<List<String>> glossary) {
        this.spelling = spelling;
        this.glossary = glossary;
    }

    private static List<List<String>> readGlossary() {
        List<List<String>> out = new ArrayList<>();
        for (String[] f : HangulSpelling.read("glossary.tsv")) {
            out.add(List.of(f[0].split("\\|")));
        }
        return List.copyOf(out);
    }

    /** Whether an index key is a lexicon entry (an alias or a glossary key), not a term. */
    static boolean isEntry(String key) {
        return key.startsWith(ALIAS) || key.startsWith(GLOSS);
    }

    /** Whether every char of {@code t} is in {@code from..to} (both in the BMP, so no surrogate pair is one). */
    private static boolean all(String t, char from, char to) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < from || t.charAt(i) > to) {
                return false;
            }
        }
        return true;
    }

    /** Whether a term is ASCII letters and digits only (a Latin word, whose Hangul spellings are aliases). */
    private static boolean isLatinWord(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** The bilingual pairs a text writes itself: {@code 캐시(cache)}, {@code load balancer(로드 밸런서)}. */
    static List<List<String>> mine(String text) {
        List<List<String>> out = new ArrayList<>();
        if (text.indexOf('(') < 0) {
            return out; // both patterns need one: no regular expression tried at every position of the text
        }
        Matcher m = HANGUL_THEN_LATIN.matcher(text);
        while (m.find()) {
            String latin = m.group(2).trim();
            String hangul = m.group(1);
            if (!latin.contains(" ")) { // one English word names one Korean word: 데이터는 캐시(cache) is 캐시
                hangul = hangul.substring(hangul.lastIndexOf(' ') + 1);
            }
            out.add(List.of(stripEnding(hangul), latin));
        }
        m = LATIN_THEN_HANGUL.matcher(text);
        while (m.find()) {
            out.add(List.of(m.group(1).trim(), m.group(2).trim()));
        }
        return out;
    }

    private static String stripEnding(String word) {
        for (String e : ENDINGS) {
            if (word.length() > e.length() + 1 && word.endsWith(e)) {
                return word.substring(0, word.length() - e.length());
            }
        }
        return word;
    }

    /** The index's terms and lists with the alias and glossary entries ({@link #entries}) added (they sort first). */
    Postings.Encoded extend(Postings.Encoded postings, List<List<String>> mined,
            Function<String, List<String>> surface) {
        return withEntries(entries(postings.terms(), mined, surface), postings);
    }

    /** The index's terms and lists after the lexicon's {@code entries} ({@link #entries}: they sort first). */
    static Postings.Encoded withEntries(Postings.Encoded entries, Postings.Encoded postings) {
        String[] terms = postings.terms();
        int e = entries.terms().length;
        String[] outTerms = new String[e + terms.length];
        String[] outLists = new String[outTerms.length];
        System.arraycopy(entries.terms(), 0, outTerms, 0, e);
        System.arraycopy(entries.lists(), 0, outLists, 0, e);
        System.arraycopy(terms, 0, outTerms, e, terms.length);
        System.arraycopy(postings.lists(), 0, outLists, e, terms.length);
        return new Postings.Encoded(outTerms, outLists, postings.length());
    }

    /**
     * The alias and glossary entries of an index of {@code terms} (sorted), in key order, each with its value.
     *
     * @param mined   pairs mined from the site's sections ({@link #mine}), in section order
     * @param surface the surface analysis of a text (to check that a word's terms are all in the index); the same
     *                function on every call (its answers are kept)
     */
    Postings.Encoded entries(String[] terms, List<List<String>> mined, Function<String, List<String>> surface) {
        // The terms are sorted: a binary search instead of a set of hundreds of thousands of them.
        java.util.function.Predicate<String> known = t -> java.util.Arrays.binarySearch(terms, t) >= 0;
        SortedMap<String, Set<String>> aliases = new TreeMap<>();
        for (String t : terms) {
            if (isLatinWord(t)) {
                for (String hangul : spellings.computeIfAbsent(t, spelling::spellings)) {
                    aliases.computeIfAbsent(ALIAS + hangul, k -> new LinkedHashSet<>()).add(t);
                }
            }
        }
        SortedMap<String, Set<String>> gloss = new TreeMap<>();
        List<List<String>> groups = new ArrayList<>(glossary);
        groups.addAll(spelling.exceptionGroups()); // a Latin name the text writes only in Hangul: kafka → 카프카
        groups.addAll(mined);
        for (List<String> group : groups) {
            List<String> present = new ArrayList<>();
            for (String member : group) {
                List<String> ts = surfaces.computeIfAbsent(member, surface);
                if (!ts.isEmpty() && ts.stream().allMatch(known)) {
                    present.add(member);
                }
            }
            if (present.isEmpty()) {
                continue;
            }
            for (String member : group) {
                String k = keys.computeIfAbsent(member, Lexicon::key);
                if (k.isEmpty()) {
                    continue;
                }
                for (String other : present) {
                    if (!keys.computeIfAbsent(other, Lexicon::key).equals(k)) {
                        gloss.computeIfAbsent(GLOSS + k, x -> new LinkedHashSet<>()).add(other);
                    }
                }
            }
        }
        SortedMap<String, String> extra = new TreeMap<>();
        aliases.forEach((k, v) -> extra.put(k, "=" + String.join(" ", v)));
        gloss.forEach((k, v) -> extra.put(k, "=" + String.join("|", v)));
        return new Postings.Encoded(extra.keySet().toArray(new String[0]), extra.values().toArray(new String[0]));
    }

    /**
     * The word lists typo correction searches: {@code search/vocab-l.json} (Latin) and {@code vocab-h/N.json}
     * (Hangul), from the index's terms and the lexicon's keys ({@code extended}: a Latin word the glossary leads
     * somewhere is a word of the site too).
     */
    static Map<String, byte[]> vocabulary(String[] extended) {
        List<String> latin = new ArrayList<>();
        List<String> hangul = new ArrayList<>();
        // extended is sorted, its glossary keys a sorted run: the two merged, without a set of every term.
        List<String> keys = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (String t : extended) {
            if (t.startsWith(GLOSS)) {
                keys.add(t.substring(GLOSS.length()));
            } else if (!t.startsWith(ALIAS)) {
                terms.add(t);
            }
        }
        List<String> words = new ArrayList<>(keys.size() + terms.size());
        int k = 0;
        for (String t : terms) {
            while (k < keys.size() && keys.get(k).compareTo(t) < 0) {
                words.add(keys.get(k++));
            }
            if (k < keys.size() && keys.get(k).equals(t)) {
                k++;
            }
            words.add(t);
        }
        words.addAll(keys.subList(k, keys.size()));
        for (String t : words) {
            if (t.length() >= MIN_FUZZY_LATIN && all(t, 'a', 'z')) {
                latin.add(t);
            } else if (t.length() >= 2 && all(t, '\uac00', '\ud7a3')) {
                hangul.add(t);
            }
        }
        Map<String, byte[]> out = new TreeMap<>();
        out.put("search/vocab-l.json", (Json.strings(new StringBuilder(), latin) + "\n").getBytes(StandardCharsets.UTF_8));
        // Hangul words by the first consonant of their first syllable, one file each: a typo query fetches a
        // nineteenth of the list (a slip in that very consonant is not corrected).
        List<List<String>> byInitial = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            byInitial.add(new ArrayList<>());
        }
        for (String h : hangul) {
            byInitial.get((h.charAt(0) - 0xAC00) / 588).add(h);
        }
        for (int i = 0; i < 19; i++) {
            out.put("search/vocab-h/" + i + ".json",
                    (Json.strings(new StringBuilder(), byInitial.get(i)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * A word or phrase as a lookup key: NFKC, lowercased, accents folded, split into words at anything but letters
     * and digits and where Hangul meets other letters; Latin words stemmed as the index stems them; joined by a
     * space, except that Hangul words are joined without one (로드 밸런서 and 로드밸런서 are one key).
     */
    static String key(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("(?<=\\p{IsLatin})\\p{M}+", "");
        t = Normalizer.normalize(t, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        boolean lastHangul = false;
        int i = 0;
        while (i < t.length()) {
            int c = t.codePointAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i += Character.charCount(c);
                continue;
            }
            boolean hangul = SurfaceTokenizer.isHangul(c);
            int start = i;
            while (i < t.length()) {
                int d = t.codePointAt(i);
                if (!Character.isLetterOrDigit(d) || SurfaceTokenizer.isHangul(d) != hangul) {
                    break;
                }
                i += Character.charCount(d);
            }
            String word = t.substring(start, i);
            if (!out.isEmpty() && !(hangul && lastHangul)) {
                out.append(' ');
            }
            out.append(hangul ? word : stem(word));
            lastHangul = hangul;
        }
        return out.toString();
    }

    /** Lucene's EnglishMinimalStemmer, as {@code stem} in search-engine.js. */
    static String stem(String w) {
        int n = w.length();
        if (n < 3 || w.charAt(n - 1) != 's') {
            return w;
        }
        switch (w.charAt(n - 2)) {
            case 'u', 's':
                return w;
            case 'e':
                if (n > 3 && w.charAt(n - 3) == 'i' && w.charAt(n - 4) != 'a' && w.charAt(n - 4) != 'e') {
                    return w.substring(0, n - 3) + "y";
                }
                if ("iaoe".indexOf(w.charAt(n - 3)) >= 0) {
                    return w;
                }
                return w.substring(0, n - 1);
            default:
                return w.substring(0, n - 1);
        }
    }
}
