package dev.sd101.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Hangul spellings a Korean reader may type for a Latin-script word of the text: the loanword orthography's
 * spelling from {@code hangul-rules.tsv} (with the open-{@code a} variant people also write: 카프카 beside 캐프카),
 * the letters read out for an acronym (SQL → 에스큐엘), and the usual forms of {@code hangul-exceptions.tsv}.
 *
 * <p>Spelling works on the grapheme level: rules turn letters into sounds (jamo), then the orthography's syllable
 * rules lay them out: a voiceless stop after a short vowel closes the syllable before a consonant or at the end
 * (git 깃, proxy 프록시), nasals and l close it, another lone consonant takes 으 (ㅈ and ㅊ take 이), l between
 * vowels is written ㄹㄹ (cloud 클라우드), r before a consonant or at the end is silent (server 서버).
 * Immutable; thread-safe.
 */
final class HangulSpelling {
    private static final String LETTERS = "에이,비,씨,디,이,에프,지,에이치,아이,제이,케이,엘,엠,엔,오,피,큐,알,에스,티,유,브이,더블유,엑스,와이,지";
    private static final String ONSETS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    private static final String VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
    private static final String CODAS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";
    /** Glide + vowel → the vowel Hangul writes for both. */
    private static final Map<String, Character> GLIDES = Map.ofEntries(
            Map.entry("Yㅏ", 'ㅑ'), Map.entry("Yㅐ", 'ㅒ'), Map.entry("Yㅓ", 'ㅕ'), Map.entry("Yㅔ", 'ㅖ'),
            Map.entry("Yㅗ", 'ㅛ'), Map.entry("Yㅜ", 'ㅠ'), Map.entry("Yㅣ", 'ㅣ'), Map.entry("Yㅡ", 'ㅡ'),
            Map.entry("Wㅏ", 'ㅘ'), Map.entry("Wㅐ", 'ㅙ'), Map.entry("Wㅓ", 'ㅝ'), Map.entry("Wㅔ", 'ㅞ'),
            Map.entry("Wㅗ", 'ㅝ'), Map.entry("Wㅜ", 'ㅜ'), Map.entry("Wㅣ", 'ㅟ'), Map.entry("Wㅡ", 'ㅜ'));

    private record Rule(String grapheme, String output, String condition) {
    }

    private final List<Rule> rules;
    private final Map<String, List<String>> exceptions;

    /** The project's own rules and exceptions. */
    HangulSpelling() {
        this(read("hangul-rules.tsv"), read("hangul-exceptions.tsv"));
    }

    HangulSpelling(List<String[]> ruleLines, List<String[]> exceptionLines) {
        List<Rule> r = new ArrayList<>();
        for (String[] f : ruleLines) {
            r.add(new Rule(f[0], f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : ""));
        }
        // Longest grapheme first; the file's order among equal lengths (a stable sort keeps it).
        r.sort((a, b) -> b.grapheme().length() - a.grapheme().length());
        rules = List.copyOf(r);
        Map<String, List<String>> e = new TreeMap<>();
        for (String[] f : exceptionLines) {
            e.put(f[0], List.of(f[1].split("\\|")));
        }
        exceptions = java.util.Collections.unmodifiableMap(e); // in word order: Map.copyOf's order varies by JVM
    }

    /** The exceptions file's words and their usual spellings, as glossary groups (Kafka for a text that says 카프카). */
    List<List<String>> exceptionGroups() {
        List<List<String>> out = new ArrayList<>();
        exceptions.forEach((word, spelled) -> {
            List<String> group = new ArrayList<>(List.of(word));
            group.addAll(spelled);
            out.add(List.copyOf(group));
        });
        return out;
    }

    /**
     * The Hangul spellings of {@code word} (lowercase ASCII letters, as the index holds Latin terms), usual forms
     * first; empty for anything else (digits, other scripts), unless the exceptions name it.
     */
    List<String> spellings(String word) {
        Set<String> out = new LinkedHashSet<>(exceptions.getOrDefault(word, List.of()));
        if (!word.chars().allMatch(c -> c >= 'a' && c <= 'z') || word.length() < 2) {
            return List.copyOf(out);
        }
        boolean vowel = word.chars().anyMatch(c -> "aeiou".indexOf(c) >= 0);
        if (!vowel || word.length() <= 3) {
            out.add(letters(word));
        }
        if (vowel && word.length() >= 3) {
            out.add(spell(word, false));
            out.add(spell(word, true));
        }
        out.remove("");
        return List.copyOf(out);
    }

    /** An acronym read letter by letter: cdn → 씨디엔. */
    static String letters(String word) {
        String[] names = LETTERS.split(",");
        StringBuilder out = new StringBuilder();
        for (char c : word.toCharArray()) {
            out.append(names[c - 'a']);
        }
        return out.toString();
    }

    /** The rules' spelling; {@code openA}: a plain {@code a} as ㅏ, not ㅐ. */
    String spell(String word, boolean openA) {
        String w = collapseDoubles(word);
        List<String> sounds = new ArrayList<>();
        int i = 0;
        while (i < w.length()) {
            Rule match = null;
            for (Rule r : rules) {
                if (w.startsWith(r.grapheme(), i) && holds(r.condition(), w, i, r.grapheme().length())) {
                    match = r;
                    break;
                }
            }
            if (match == null) { // a letter no rule covers: the rules file is incomplete, not the word wrong
                throw new IllegalStateException("hangul-rules.tsv has no rule for '" + w.charAt(i) + "' in " + word);
            }
            String output = match.output();
            if (openA && match.grapheme().equals("a") && output.equals("ㅐ")) {
                output = "ㅏ";
            }
            for (int k = 0; k < output.length(); k++) {
                char c = output.charAt(k);
                if (c == ':') {
                    sounds.set(sounds.size() - 1, sounds.get(sounds.size() - 1) + ":");
                } else {
                    sounds.add(String.valueOf(c));
                }
            }
            i += match.grapheme().length();
        }
        return syllables(sounds);
    }

    private static String collapseDoubles(String w) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean consonant = "aeiouy".indexOf(c) < 0;
            // cc before e/i is two sounds (access 액세스); other doubled consonants are one.
            boolean twoSounds = (c == 'c' && i + 1 < w.length() && "eiy".indexOf(w.charAt(i + 1)) >= 0)
                    || (c == 's' && w.startsWith("ion", i + 1)); // ssion is a rule of its own (세션)
            if (i > 0 && c == w.charAt(i - 1) && consonant && !twoSounds) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isVowelLetter(String w, int i) {
        if (i < 0 || i >= w.length()) {
            return false;
        }
        char c = w.charAt(i);
        return "aeiou".indexOf(c) >= 0 || (c == 'y' && i > 0 && "aeiou".indexOf(w.charAt(i - 1)) < 0);
    }

    private static boolean holds(String condition, String w, int at, int length) {
        int next = at + length;
        for (char c : condition.toCharArray()) {
            boolean ok = switch (c) {
                case '^' -> at == 0;
                case '$' -> next == w.length();
                case 'V' -> isVowelLetter(w, next);
                case 'C' -> next < w.length() && !isVowelLetter(w, next);
                case 'e' -> next < w.length() && "eiy".indexOf(w.charAt(next)) >= 0;
                case 'G' -> next == w.length() - 1 && w.charAt(next) == 'e';
                // one consonant, then the word's final silent e
                case 'E' -> w.length() >= 4 && next == w.length() - 2 && !isVowelLetter(w, next) && w.endsWith("e");
                default -> throw new IllegalStateException("hangul-rules.tsv: unknown condition '" + c + "'");
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Lays sounds out in syllables by the orthography's rules and composes them. */
    private static String syllables(List<String> sounds) {
        // Glides merge with the vowel after them; a glide before no vowel is a vowel of its own (sh → 시).
        List<String> units = new ArrayList<>();
        java.util.Set<Integer> afterW = new java.util.HashSet<>(); // vowels a w glide starts
        for (int i = 0; i < sounds.size(); i++) {
            String s = sounds.get(i);
            if (s.equals("Y") || s.equals("W")) {
                String next = i + 1 < sounds.size() ? sounds.get(i + 1) : "";
                Character merged = next.isEmpty() ? null : GLIDES.get(s + next.charAt(0));
                if (merged != null) {
                    if (s.equals("W")) {
                        afterW.add(units.size());
                    }
                    units.add(merged + next.substring(1));
                    i++;
                } else {
                    units.add(s.equals("Y") ? "ㅣ" : "ㅜ");
                }
            } else {
                units.add(s);
            }
        }
        List<char[]> out = new ArrayList<>(); // {onset, vowel, coda}, coda ' ' for none
        List<Boolean> longVowel = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            String u = units.get(i);
            char c = u.charAt(0);
            if (VOWELS.indexOf(c) >= 0) {
                out.add(new char[] {'ㅇ', c, ' '});
                longVowel.add(u.endsWith(":"));
                continue;
            }
            String next = i + 1 < units.size() ? units.get(i + 1) : "";
            boolean beforeVowel = !next.isEmpty() && VOWELS.indexOf(next.charAt(0)) >= 0;
            char[] prev = out.isEmpty() ? null : out.get(out.size() - 1);
            boolean open = prev != null && prev[2] == ' ';
            char jamo = c == 'R' ? 'ㄹ' : c == 'F' ? 'ㅍ' : c;
            if (beforeVowel && afterW.contains(i + 1) && jamo != 'ㄱ' && jamo != 'ㅋ') {
                out.add(new char[] {jamo, 'ㅡ', ' '}); // tw, sw: 트위터, 스위치 (only kw is one sound: 퀵)
                longVowel.add(false);
                continue;
            }
            if (beforeVowel) {
                if (c == 'ㄹ' && open) {
                    prev[2] = 'ㄹ'; // l between vowels: ㄹㄹ
                }
                out.add(new char[] {jamo, next.charAt(0), ' '});
                longVowel.add(next.endsWith(":"));
                i++;
                continue;
            }
            char coda = ' ';
            if (open) {
                boolean shortVowel = !longVowel.get(longVowel.size() - 1);
                char after = next.isEmpty() ? ' ' : next.charAt(0);
                boolean stopCloses = shortVowel && "ㄹRㄴㅁㅎ".indexOf(after) < 0;
                coda = switch (c) {
                    case 'ㄴ', 'ㅁ', 'ㅇ', 'ㄹ' -> c;
                    case 'ㅋ' -> stopCloses ? 'ㄱ' : ' ';
                    case 'ㅍ' -> stopCloses ? 'ㅂ' : ' ';
                    case 'ㅌ' -> stopCloses ? 'ㅅ' : ' ';
                    default -> ' ';
                };
            }
            if (coda != ' ') {
                prev[2] = coda;
            } else if (c != 'ㅇ') {
                out.add(new char[] {jamo, jamo == 'ㅈ' || jamo == 'ㅊ' ? 'ㅣ' : 'ㅡ', ' '});
                longVowel.add(false);
            }
        }
        StringBuilder text = new StringBuilder();
        for (char[] s : out) {
            int l = ONSETS.indexOf(s[0]);
            int v = VOWELS.indexOf(s[1]);
            int t = CODAS.indexOf(s[2]);
            text.append((char) (0xAC00 + (l * 21 + v) * 28 + t));
        }
        return text.toString();
    }

    /** Tab-separated lines of a data file beside this class, without comments and blank lines. */
    static List<String[]> read(String name) {
        try (InputStream in = HangulSpelling.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            List<String[]> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
