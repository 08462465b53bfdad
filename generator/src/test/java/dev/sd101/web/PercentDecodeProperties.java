package dev.sd101.web;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fuzzing the link checker's fragment decoding: it never throws, and encoding then decoding round-trips. */
class PercentDecodeProperties {

    /** Mostly %-escapes and hex digits, so that broken, truncated and non-UTF-8 escapes are common. */
    @Provide
    Arbitrary<String> escapes() {
        return Arbitraries.strings().withChars("%%%0123456789abcdefABCDEFgzZ-가#\u0000\uD83C").ofMaxLength(30);
    }

    @Property(tries = 3000)
    void neverThrows(@ForAll("escapes") String s) {
        assertNotNull(UrlPaths.percentDecode(s));
    }

    @Property(tries = 1000)
    void neverThrowsOnAnyString(@ForAll String s) {
        assertNotNull(UrlPaths.percentDecode(s));
    }

    @Property(tries = 2000)
    void encodingEveryByteRoundTrips(@ForAll("text") String s) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            encoded.append('%').append(String.format("%02x", b & 0xff));
        }
        assertEquals(Optional.of(s), UrlPaths.percentDecode(encoded.toString()));
        assertEquals(Optional.of(s), UrlPaths.percentDecode(encoded.toString().toUpperCase(java.util.Locale.ROOT)));
    }

    @Property(tries = 2000)
    void textWithoutPercentIsItself(@ForAll("text") String s) {
        String noPercent = s.replace("%", "");
        assertEquals(Optional.of(noPercent), UrlPaths.percentDecode(noPercent));
    }

    @Property(tries = 2000)
    void whatDecodesIsValidUnicode(@ForAll("escapes") String s) {
        UrlPaths.percentDecode(s).filter(d -> s.indexOf('\uD83C') < 0).ifPresent(d -> assertTrue(
                d.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF), "a lone surrogate decoded from " + s));
    }

    /** Valid Unicode text (no lone surrogates: they have no UTF-8 form to round-trip through). */
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(40),
                Arbitraries.of("🎉", "😀 a", "👩‍💻", "가%20나"));
    }
}
