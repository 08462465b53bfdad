package dev.sd101.markdown;

import com.vladsch.flexmark.ext.emoji.EmojiImageType;
import com.vladsch.flexmark.ext.emoji.EmojiShortcutType;
import com.vladsch.flexmark.ext.emoji.internal.EmojiResolvedShortcut;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * flexmark's emoji, rebuilt, against gemoji's characters (github/gemoji {@code db/emoji.json}, the list github.com
 * uses; written here as escapes). The last rows are the kind that still differs: a part at or above U+1F000 that
 * shows as text unless followed by the variation selector, which only a table of Unicode's emoji properties tells.
 */
class EmojiSequenceTest {
    @ParameterizedTest(name = ":{0}:")
    @CsvSource(delimiter = '|', textBlock = """
            memo                      | \\uD83D\\uDCDD
            one                       | 1\\uFE0F\\u20E3
            hash                      | #\\uFE0F\\u20E3
            kr                        | \\uD83C\\uDDF0\\uD83C\\uDDF7
            scotland                  | \\uD83C\\uDFF4\\uDB40\\uDC67\\uDB40\\uDC62\\uDB40\\uDC73\\uDB40\\uDC63\\uDB40\\uDC74\\uDB40\\uDC7F
            couplekiss_man_man        | \\uD83D\\uDC68\\u200D\\u2764\\uFE0F\\u200D\\uD83D\\uDC8B\\u200D\\uD83D\\uDC68
            family_man_woman_girl_boy | \\uD83D\\uDC68\\u200D\\uD83D\\uDC69\\u200D\\uD83D\\uDC67\\u200D\\uD83D\\uDC66
            artist                    | \\uD83E\\uDDD1\\u200D\\uD83C\\uDFA8
            heart                     | \\u2764\\uFE0F
            sunny                     | \\u2600\\uFE0F
            """)
    void asGemojiWritesThem(String code, String gemoji) {
        assertEquals(unescape(gemoji), EmojiSequence.rebuild(flexmark(code)));
    }

    @ParameterizedTest(name = ":{0}:")
    @CsvSource(delimiter = '|', textBlock = """
            rainbow_flag      | \\uD83C\\uDFF3\\uFE0F\\u200D\\uD83C\\uDF08 | \\uD83C\\uDFF3\\u200D\\uD83C\\uDF08
            dove              | \\uD83D\\uDD4A\\uFE0F                     | \\uD83D\\uDD4A
            female_detective  | \\uD83D\\uDD75\\uFE0F\\u200D\\u2640\\uFE0F | \\uD83D\\uDD75\\u200D\\u2640\\uFE0F
            """)
    void theKnownDifferenceIsOnlyAVariationSelector(String code, String gemoji, String ours) {
        assertEquals(unescape(ours), EmojiSequence.rebuild(flexmark(code)));
        assertEquals(unescape(gemoji).replace("\uFE0F", ""), unescape(ours).replace("\uFE0F", ""));
    }

    private static String flexmark(String code) {
        return EmojiResolvedShortcut.getEmojiText(code, EmojiShortcutType.GITHUB, EmojiImageType.UNICODE_ONLY, "").emojiText;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            if (s.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 6;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }
}
