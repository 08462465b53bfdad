package dev.sd101.markdown;

/**
 * flexmark's emoji list gives each sequence's code points without its joiners and variation selectors
 * ({@code :artist:} is U+1F9D1 U+1F3A8, which shows as two pictures), the way GitHub's image file names write
 * them. This puts back what the structure of an emoji sequence implies, with no table: a zero-width joiner
 * between two parts, except before a skin-tone modifier, the keycap mark, a tag character, and between the two
 * halves of a flag; and the emoji variation selector after each part below U+1F000 (a symbol such as ⚠ or ♀
 * that shows as text without it). 1,683 of the 1,855 shortcodes both lists hold then give gemoji's exact
 * characters (gemoji of March 2023); the other 172 differ only by a variation selector.
 */
final class EmojiSequence {
    private static final int ZWJ = 0x200D;
    private static final int VS16 = 0xFE0F;
    private static final int KEYCAP = 0x20E3;

    private EmojiSequence() {
    }

    static String rebuild(String flexmark) {
        int[] cps = flexmark.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (i > 0 && joins(cps[i - 1], c)) {
                out.appendCodePoint(ZWJ);
            }
            out.appendCodePoint(c);
            int next = i + 1 < cps.length ? cps[i + 1] : -1;
            if (c < 0x1F000 && c != KEYCAP && c != ZWJ && c != VS16 && !isSkinTone(next)) {
                out.appendCodePoint(VS16);
            }
        }
        return out.toString();
    }

    private static boolean joins(int before, int c) {
        boolean flag = isRegional(before) && isRegional(c);
        return !flag && !isSkinTone(c) && c != KEYCAP && c != VS16 && c != ZWJ && !(c >= 0xE0020 && c <= 0xE007F);
    }

    private static boolean isSkinTone(int c) {
        return c >= 0x1F3FB && c <= 0x1F3FF;
    }

    private static boolean isRegional(int c) {
        return c >= 0x1F1E6 && c <= 0x1F1FF;
    }
}
