package dev.sd101.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The spelled-out scheme test agrees with the regular expression it replaced. */
class HasSchemeTest {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final char[] ALPHABET = {'a', 'Z', '0', '+', '.', '-', ':', '/', '#', ' ', '가', '_'};

    @Test
    void agreesWithTheRegex() {
        Random rnd = new Random(8);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = rnd.nextInt(8); i > 0; i--) {
                s.append(ALPHABET[rnd.nextInt(ALPHABET.length)]);
            }
            String href = s.toString();
            assertEquals(SCHEME.matcher(href).find(), SiteVerifier.hasScheme(href), href);
        }
    }
}
