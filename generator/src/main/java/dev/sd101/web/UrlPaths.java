package dev.sd101.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * URL paths as the site writes and reads them: encoding a site path for an {@code href} or a sitemap, decoding a
 * link's escapes strictly, and the relative URL from one page to another. The link check, the renderer and the
 * output all use these, so a path is encoded one way everywhere.
 */
public final class UrlPaths {
    private UrlPaths() {
    }

    /** Percent-encodes what may not stand raw in a URL path (spaces, quotes, controls); keeps UTF-8 letters. */
    public static String encodePath(String path) {
        StringBuilder b = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); ) {
            int cp = path.codePointAt(i);
            i += Character.charCount(cp);
            if (cp <= 0x20 || cp == '"' || cp == '<' || cp == '>' || cp == '\\' || cp == '^' || cp == '`'
                    || cp == '{' || cp == '|' || cp == '}' || cp == '%' || cp == '#' || cp == '?' || cp == 0x7f) {
                for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format(Locale.ROOT, "%02X", x & 0xff));
                }
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    /** {@link #encodePath} with non-ASCII encoded too: sitemaps and canonical links want fully encoded URLs. */
    public static String percentEncode(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : encodePath(path).getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 0x80) {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    /** Percent-decodes strictly: an escape that is not two hex digits, or bytes that are not UTF-8, give empty. */
    public static Optional<String> percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return Optional.of(s);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 3 > s.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * A relative URL that cannot be read as a scheme: a first segment holding {@code :} (a file named
     * {@code javascript:alert(1)<!--.md} gives one) is prefixed with {@code ./}, or a link from the site
     * root would run as script.
     */
    public static String safeRelative(String relative) {
        int slash = relative.indexOf('/');
        String first = slash < 0 ? relative : relative.substring(0, slash);
        return first.indexOf(':') >= 0 ? "./" + relative : relative;
    }

    /**
     * An encoded site-root-relative path as seen from a page whose way up to the site root is {@code toRoot}
     * ({@link #toRoot}): {@code ./} for the root itself.
     */
    public static String relative(String toRoot, String rootRelative) {
        String rel = toRoot + rootRelative;
        return rel.isEmpty() ? "./" : safeRelative(rel);
    }

    /** {@code ../} once per folder level of a site path: the way from its page back to the site root. */
    public static String toRoot(String sitePath) {
        return "../".repeat((int) sitePath.chars().filter(c -> c == '/').count());
    }

    /** Percent-encodes everything but ASCII letters, digits and {@code -._~}, as browsers' copy-link does. */
    public static String encodeFragment(String id) {
        StringBuilder b = new StringBuilder();
        for (byte x : id.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return b.toString();
    }
}
