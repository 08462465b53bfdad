package dev.sd101.search;

import java.io.IOException;
import java.text.Normalizer;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The tokenizer that the browser reproduces exactly ({@code splitWords} in {@code search-engine.js}), which is
 * why it is a handful of plain rules rather than UAX#29:
 * <ol>
 *   <li>the text is NFKC-normalised (full-width Latin, compatibility jamo, ligatures);</li>
 *   <li>a token is a maximal run of letters, digits and marks;</li>
 *   <li>a run is cut where it switches between Hangul and anything else, so {@code Redis는} gives
 *       {@code Redis} and {@code 는}, and {@code API게이트웨이} matches {@code API 게이트웨이};</li>
 *   <li>a {@code .} between two digits stays inside the token ({@code 1.1}, {@code 2.0}).</li>
 * </ol>
 * Hangul tokens get StandardTokenizer's {@code <HANGUL>} type so that {@code CJKBigramFilter} turns them into
 * bigrams; the rest are {@code <ALPHANUM>}. Offsets refer to the normalised text (nothing downstream uses them
 * except the bigram filter, which only compares them with each other).
 */
final class SurfaceTokenizer extends Tokenizer {
    static final String HANGUL_TYPE = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL];
    static final String WORD_TYPE = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private String text = "";
    private int pos;

    @Override
    public void reset() throws IOException {
        super.reset();
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[4096];
        for (int n; (n = input.read(buf)) != -1; ) {
            sb.append(buf, 0, n);
        }
        text = Normalizer.normalize(sb, Normalizer.Form.NFKC);
        pos = 0;
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        while (pos < text.length() && !isWordChar(text.codePointAt(pos))) {
            pos += Character.charCount(text.codePointAt(pos));
        }
        if (pos >= text.length()) {
            return false;
        }
        int start = pos;
        boolean hangul = isHangul(text.codePointAt(pos));
        while (pos < text.length()) {
            int cp = text.codePointAt(pos);
            if (isWordChar(cp) && isHangul(cp) == hangul) {
                pos += Character.charCount(cp);
            } else if (cp == '.' && !hangul && pos > start && isDigit(text.codePointBefore(pos))
                    && pos + 1 < text.length() && isDigit(text.codePointAt(pos + 1))) {
                pos++;
            } else {
                break;
            }
        }
        termAtt.append(text, start, pos);
        offsetAtt.setOffset(correctOffset(start), correctOffset(pos));
        typeAtt.setType(hangul ? HANGUL_TYPE : WORD_TYPE);
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(text.length());
        offsetAtt.setOffset(last, last);
    }

    @Override
    public void close() throws IOException {
        super.close();
        text = "";
    }

    static boolean isWordChar(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.NON_SPACING_MARK,
                 Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }

    static boolean isHangul(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL;
    }

    private static boolean isDigit(int cp) {
        return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
    }
}
