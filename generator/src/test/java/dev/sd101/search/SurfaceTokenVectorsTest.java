package dev.sd101.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Java half of the shared token vectors (the JS half is vectors.test.mjs). */
class SurfaceTokenVectorsTest {
    private static final TermAnalysis ANALYSIS = new TermAnalysis();

    static Stream<String[]> vectors() throws IOException {
        try (var in = SurfaceTokenVectorsTest.class.getResourceAsStream("/search/token-vectors.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.startsWith("#") && !l.isEmpty()).map(l -> l.split("\t", -1)).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void javaSurfaceTermsMatchTheSharedVectors(String text, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" "));
        assertEquals(want, ANALYSIS.surface(text));
    }
}
