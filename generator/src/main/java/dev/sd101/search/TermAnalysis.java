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
    private final TermCache cache = new TermCache();
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

    /** The surface terms of {@code text}, in order (the browser's {@code surfaceTerms} must agree). */
    List<String> surface(String text) {
        return run(surface, text);
    }

    /** Nori's Hangul morphemes of {@code text}; empty (and Nori untouched) when the text has no Hangul. */
    List<String> morphemes(String text) {
        if (!hasHangul(text)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String term : run(nori(), text)) {
            if (hasHangul(term)) {
                out.add(term);
            }
        }
        return out;
    }

    /** Every index term of {@code text}: surface terms then morphemes, with repeats (they are term frequencies). */
    List<String> terms(String text) {
        return terms(text, AnalysisCache.none());
    }

    /** As {@link #terms(String)}, a text this engine has not analysed yet taken from {@code disk} when it has it. */
    List<String> terms(String text, AnalysisCache disk) {
        return cache.terms(text, t -> disk.terms(t, this::termsUncached));
    }

    /**
     * As {@link #terms(String)}, but neither looked up in nor added to the cache: for a streamed build's section bodies,
     * which the cache would otherwise hold (text and terms) to the end of the build, most of a small heap on a
     * large site.
     */
    List<String> termsUncached(String text) {
        List<String> out = new ArrayList<>(surface(text));
        out.addAll(morphemes(text));
        return out;
    }

    /** Called at the start of each index build: keeps the previous build's analyses, drops older ones. */
    void nextBuild() {
        cache.nextBuild();
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
    }
}
