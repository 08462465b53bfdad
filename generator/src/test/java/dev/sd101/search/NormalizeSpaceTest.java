package dev.sd101.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written space normaliser agrees with the regular expression it replaced. */
class NormalizeSpaceTest {
    private static final char[] ALPHABET = {' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2003', '\u3000', 'a', '가', '.'};

    @Test
    void agreesWithTheRegex() {
        Random rnd = new Random(8);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = rnd.nextInt(12); i > 0; i--) {
                s.append(ALPHABET[rnd.nextInt(ALPHABET.length)]);
            }
            String text = s.toString();
            assertEquals(text.replaceAll("[\\s\\u00A0]+", " ").strip(), Sectioner.normalizeSpace(text), () -> "for " + text.codePoints().boxed().toList());
        }
    }
}
