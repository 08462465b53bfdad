package dev.sd101.anchor;

/**
 * Heading ids exactly as github.com makes them (github-slugger 2.0.0).
 *
 * <p>The rule: lowercase with full Unicode case mapping and no locale; drop every code point whose
 * general category is punctuation (but {@code _} and ASCII {@code -}), a symbol, a separator (but the
 * ASCII space), a control, format, private-use or unassigned code point, or "other number", unless the
 * code point is Alphabetic; then turn each ASCII space into {@code -}. Nothing is trimmed or collapsed,
 * so {@code "a - b"} becomes {@code "a---b"} and U+FE0F (a mark) stays.
 *
 * <p>Pure functions: {@link UniqueIds} adds GitHub's {@code -1}, {@code -2} suffixes per document.
 */
public final class GitHubSlugger {
    private GitHubSlugger() {
    }

    /** The GitHub id of a heading whose rendered text is {@code text}, before de-duplication. */
    public static String slug(String text) {
        // String.toLowerCase(Locale.ROOT) is JavaScript's toLowerCase: full mappings, final sigma, no locale.
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ') {
                out.append('-');
            } else if (keeps(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Whether a code point (other than the ASCII space) survives in an id. */
    static boolean keeps(int cp) {
        if (cp == '-') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
            case Character.MATH_SYMBOL:
            case Character.CURRENCY_SYMBOL:
            case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL:
            case Character.SPACE_SEPARATOR:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.OTHER_NUMBER:
            case Character.SURROGATE:
                return Character.isAlphabetic(cp);
            default:
                return true;
        }
    }
}
