package dev.sd101.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Text → index terms, with two Lucene analysis chains whose terms share one term space:
 * <ul>
 *   <li><b>surface</b> ({@link #surface}): {@link SurfaceTokenizer}, lowercase, ASCII folding, Hangul character
 *       bigrams ({@link CJKBigramFilter}), and for Latin words both the word and its light English stem
 *       ({@link KeywordRepeatFilter} + {@link EnglishMinimalStemFilter}). The browser computes exactly these
 *       terms for a query; the shared token vectors pin that.</li>
 *   <li><b>morphemes</b> ({@link #morphemes}): Nori in {@link KoreanTokenizer.DecompoundMode#MIXED} (compounds and
 *       their parts), particles and endings dropped by part of speech. Only Hangul morphemes are kept: Latin is the
 *       surface chain's job, and counting it twice would skew term frequencies.</li>
 * </ul>
 * Thread-safe: Lucene analyzers keep per-thread token streams. Nori's dictionary (tens of MB) is loaded on the
 * first Hangul text only, once per instance.
 */
final class TermAnalysis implements AutoCloseable {
    /** The extra morpheme chain of an edition's language ({@link Language#DEFAULT}: none beyond Nori). */
    private final Language language;
    private final Analyzer surface = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new SurfaceTokenizer();
            TokenStream ts = new LowerCaseFilter(tokenizer);
            ts = new ASCIIFoldingFilter(ts);
            ts = new CJKBigramFilter(ts, CJKBigramFilter.HANGUL, false);
            ts = new KeywordRepeatFilter(ts);
            ts = new EnglishMinimalStemFilter(ts);
            ts = new RemoveDuplicatesTokenFilter(ts);
            return new TokenStreamComponents(tokenizer, ts);
        }
    };
    private volatile Analyzer nori;
    private volatile Analyzer extra;

    Language language() {
        return language;
    }

    /** The analysis every site had before editions: surface terms and Nori's morphemes of Hangul text. */
    TermAnalysis() {
        this(Language.DEFAULT);
    }

    /** The analysis of an edition in {@code language}: today's, plus that language's own morphemes. */
    TermAnalysis(Language language) {
        this.language = language;
    }

    /**
     * The languages with a morpheme chain of their own, each from Lucene's analysis modules and loaded on first use:
     * a site with no Japanese edition never loads Kuromoji's dictionary.
     */
    enum Language {
        /** Korean, and every language without a chain of its own: Nori for Hangul text, as before editions. */
        DEFAULT,
        /** English: base forms by KStem ({@code replicated} → {@code replicate}), stop words dropped. */
        ENGLISH,
        /** Japanese: Kuromoji's words in search mode, in their base form, particles and auxiliaries dropped. */
        JAPANESE,
        /** Chinese: smartcn's words (an HMM segmenter over its word dictionary), punctuation dropped. */
        CHINESE;

        /** The chain of a BCP 47 tag's primary language. */
        static Language of(String tag) {
            String primary = tag.toLowerCase(java.util.Locale.ROOT).split("-", 2)[0];
            return switch (primary) {
                case "en" -> ENGLISH;
                case "ja" -> JAPANESE;
                case "zh" -> CHINESE;
                default -> DEFAULT;
            };
        }
    }

    /** The surface terms of {@code text}, in order (the browser's {@code surfaceTerms} must agree). */
    List<String> surface(String text) {
        return run(surface, text);
    }

    /**
     * Nori's Hangul morphemes of {@code text} (empty, and Nori untouched, when the text has no Hangul), then the
     * edition language's own morphemes: the terms a query word may equal that the surface chain does not give.
     */
    List<String> morphemes(String text) {
        List<String> out = new ArrayList<>();
        if (hasHangul(text)) {
            for (String term : run(nori(), text)) {
                if (hasHangul(term)) {
                    out.add(term);
                }
            }
        }
        switch (language) {
            case ENGLISH -> out.addAll(englishBaseForms(text));
            case JAPANESE -> {
                if (hasHan(text) || text.codePoints().anyMatch(TermAnalysis::isKana)) {
                    for (String term : run(extra(), text)) {
                        if (term.codePoints().anyMatch(cp -> isKana(cp) || isHan(cp))) {
                            out.add(term);
                        }
                    }
                    out.addAll(cjkBigrams(text));
                }
            }
            case CHINESE -> {
                if (hasHan(text)) {
                    for (String term : run(extra(), text)) {
                        if (term.codePoints().anyMatch(TermAnalysis::isHan)) {
                            out.add(term);
                        }
                    }
                    out.addAll(cjkBigrams(text));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /**
     * Character bigrams of every run of Han and kana in {@code text} (NFKC, as the browser normalises a query; a
     * run of one character is its own unigram, as {@link CJKBigramFilter} does). The browser cannot segment a
     * compound typed without spaces (システム設計, 系统设计) as Kuromoji or smartcn would; it looks up its
     * bigrams instead (search-engine.js {@code cjkBigrams}), which these make match.
     */
    static List<String> cjkBigrams(String text) {
        List<String> out = new ArrayList<>();
        int[] cps = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            if (!isCjk(cps[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < cps.length && isCjk(cps[i])) {
                i++;
            }
            if (i - start == 1) {
                out.add(new String(cps, start, 1));
            }
            for (int k = start; k + 1 < i; k++) {
                out.add(new String(cps, k, 2));
            }
        }
        return out;
    }

    /** Han, kana, and the prolonged sound mark ー (script Common, yet inside katakana words). */
    private static boolean isCjk(int cp) {
        return isHan(cp) || isKana(cp) || cp == 0x30FC;
    }

    private static boolean hasHan(CharSequence text) {
        return text.codePoints().anyMatch(TermAnalysis::isHan);
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static boolean isKana(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
    }

    /**
     * The KStem base form of each English word that is not a stop word, where it differs from the word and from
     * the light stem the surface chain already indexes: {@code replicated} also gives {@code replicate}, so the
     * query {@code replicate} finds it. Only the base form is added (the word itself is a surface term already).
     */
    private List<String> englishBaseForms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = extra().tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            org.apache.lucene.analysis.tokenattributes.KeywordAttribute keyword =
                    ts.addAttribute(org.apache.lucene.analysis.tokenattributes.KeywordAttribute.class);
            ts.reset();
            String word = null;
            org.apache.lucene.analysis.en.EnglishMinimalStemmer light = new org.apache.lucene.analysis.en.EnglishMinimalStemmer();
            while (ts.incrementToken()) {
                if (keyword.isKeyword()) {
                    word = term.toString();
                    continue;
                }
                String base = term.toString();
                if (word == null || base.equals(word) || !base.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                    continue;
                }
                char[] w = word.toCharArray();
                if (!base.equals(new String(w, 0, light.stem(w, w.length)))) {
                    out.add(base);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse text in memory", e);
        }
        return out;
    }

    private Analyzer extra() {
        Analyzer a = extra;
        if (a == null) {
            synchronized (this) {
                a = extra;
                if (a == null) {
                    a = extra = switch (language) {
                        case ENGLISH -> new Analyzer() {
                            @Override
                            protected TokenStreamComponents createComponents(String fieldName) {
                                Tokenizer tokenizer = new SurfaceTokenizer();
                                TokenStream ts = new LowerCaseFilter(tokenizer);
                                ts = new ASCIIFoldingFilter(ts);
                                ts = new org.apache.lucene.analysis.StopFilter(ts,
                                        org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                                ts = new KeywordRepeatFilter(ts);
                                ts = new org.apache.lucene.analysis.en.KStemFilter(ts);
                                return new TokenStreamComponents(tokenizer, ts);
                            }
                        };
                        case JAPANESE -> new Analyzer() {
                            @Override
                            protected TokenStreamComponents createComponents(String fieldName) {
                                Tokenizer tokenizer = new org.apache.lucene.analysis.ja.JapaneseTokenizer(null, true,
                                        org.apache.lucene.analysis.ja.JapaneseTokenizer.Mode.SEARCH);
                                TokenStream ts = new org.apache.lucene.analysis.ja.JapaneseBaseFormFilter(tokenizer);
                                ts = new org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter(ts,
                                        org.apache.lucene.analysis.ja.JapaneseAnalyzer.getDefaultStopTags());
                                ts = new org.apache.lucene.analysis.StopFilter(ts,
                                        org.apache.lucene.analysis.ja.JapaneseAnalyzer.getDefaultStopSet());
                                ts = new LowerCaseFilter(ts);
                                return new TokenStreamComponents(tokenizer, ts);
                            }
                        };
                        case CHINESE -> new org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer(true);
                        default -> throw new IllegalStateException("no extra chain for " + language);
                    };
                }
            }
        }
        return a;
    }

    /**
     * Every index term of {@code text}: surface terms then morphemes, with repeats (they are term frequencies). Not
     * cached here: a build's callers keep what they reuse (each page's analysed sections, texts seen twice), where a
     * cache of every text analysed would hold the whole site's text, most of a small heap on a large site.
     */
    List<String> terms(String text) {
        List<String> out = new ArrayList<>(surface(text));
        out.addAll(morphemes(text));
        return out;
    }

    static boolean hasHangul(CharSequence text) {
        return text.codePoints().anyMatch(SurfaceTokenizer::isHangul);
    }

    private Analyzer nori() {
        Analyzer a = nori;
        if (a == null) {
            synchronized (this) {
                a = nori;
                if (a == null) {
                    a = nori = new Analyzer() {
                        @Override
                        protected TokenStreamComponents createComponents(String fieldName) {
                            Tokenizer tokenizer = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
                                    null, KoreanTokenizer.DecompoundMode.MIXED, false, true);
                            TokenStream ts = new KoreanPartOfSpeechStopFilter(tokenizer);
                            ts = new KoreanReadingFormFilter(ts);
                            ts = new LowerCaseFilter(ts);
                            ts = new RemoveDuplicatesTokenFilter(ts);
                            return new TokenStreamComponents(tokenizer, ts);
                        }
                    };
                }
            }
        }
        return a;
    }

    private static List<String> run(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse text in memory", e);
        }
        return out;
    }

    @Override
    public void close() {
        surface.close();
        Analyzer a = nori;
        if (a != null) {
            a.close();
        }
        Analyzer e = extra;
        if (e != null) {
            e.close();
        }
    }
}
