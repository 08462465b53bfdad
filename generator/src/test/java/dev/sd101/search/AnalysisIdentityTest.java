package dev.sd101.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisIdentityTest {
    @TempDir
    Path dir;

    /** The compiled classes folder (target/classes), where the build wrote the resource. */
    private static Path classes() throws URISyntaxException {
        return Path.of(AnalysisIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String packagedHex() throws IOException {
        try (InputStream in = AnalysisIdentity.class.getResourceAsStream(AnalysisIdentity.RESOURCE)) {
            assertNotNull(in, "the build writes " + AnalysisIdentity.RESOURCE + " in process-classes");
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }

    @Test
    void thePackagedIdentityIsTheHashOfTheCompiledAnalysis() throws Exception {
        assertEquals(HexFormat.of().formatHex(AnalysisIdentity.of(classes())), packagedHex(),
                "a stale identity would let a changed analysis read the old cache");
        assertNotNull(AnalysisCache.identity());
    }

    @Test
    void theInputsAreEveryClassOfTheChainNestedOnesIncluded() throws Exception {
        List<String> names;
        try (Stream<Path> files = Files.list(classes().resolve("dev/sd101/search"))) {
            names = files.map(f -> f.getFileName().toString())
                    .filter(n -> AnalysisIdentity.INPUTS.matcher(n).matches()).sorted().toList();
        }
        // The analysers' chains are anonymous classes of TermAnalysis: a changed filter changes only their bytes.
        assertTrue(names.containsAll(List.of("SurfaceTokenizer.class", "TermAnalysis.class", "TermAnalysis$1.class")), names.toString());
        assertFalse(names.contains("AnalysisCache.class"), "the cache's own code decides no terms");
        assertFalse(names.contains("Lexicon.class"), "the lexicon is applied after the cache, on every build");
    }

    @Test
    void changesWhenAnAnalyzerInputChanges() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("classes/dev/sd101/search"));
        try (Stream<Path> files = Files.list(classes().resolve("dev/sd101/search"))) {
            for (Path f : files.filter(f -> AnalysisIdentity.INPUTS.matcher(f.getFileName().toString()).matches()).toList()) {
                Files.copy(f, copy.resolve(f.getFileName().toString()));
            }
        }
        byte[] same = AnalysisIdentity.of(dir.resolve("classes"));
        assertArrayEquals(AnalysisIdentity.of(classes()), same, "the same class files: the same identity");

        Path chain = copy.resolve("TermAnalysis$1.class");
        byte[] b = Files.readAllBytes(chain);
        b[b.length / 2] ^= 1;
        Files.write(chain, b);
        byte[] edited = AnalysisIdentity.of(dir.resolve("classes"));
        assertFalse(Arrays.equals(same, edited), "one byte of an analyser's chain");

        Files.write(copy.resolve("TermAnalysis$99.class"), new byte[] {1, 2, 3});
        assertFalse(Arrays.equals(edited, AnalysisIdentity.of(dir.resolve("classes"))), "a new nested class");

        Files.write(copy.resolve("Lexicon.class"), new byte[] {4, 5, 6});
        Files.delete(copy.resolve("TermAnalysis$99.class"));
        assertArrayEquals(edited, AnalysisIdentity.of(dir.resolve("classes")), "a class outside the chain counts for nothing");
    }

    @Test
    void changesWithTheFormatAndTheLuceneVersion() {
        var files = new java.util.TreeMap<String, byte[]>(java.util.Map.of("TermAnalysis.class", new byte[] {1}));
        byte[] base = AnalysisIdentity.digest(1, "9.12.3", files);
        assertFalse(Arrays.equals(base, AnalysisIdentity.digest(2, "9.12.3", files)));
        assertFalse(Arrays.equals(base, AnalysisIdentity.digest(1, "9.12.4", files)));
        // Name and length are hashed with the bytes: moving bytes from one file to another is another analysis.
        var split = new java.util.TreeMap<String, byte[]>(java.util.Map.of("A.class", new byte[] {1, 2}, "B.class", new byte[] {3}));
        var moved = new java.util.TreeMap<String, byte[]>(java.util.Map.of("A.class", new byte[] {1}, "B.class", new byte[] {2, 3}));
        assertFalse(Arrays.equals(AnalysisIdentity.digest(1, "x", split), AnalysisIdentity.digest(1, "x", moved)));
    }

    @Test
    void theMainWritesTheResource() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("out/dev/sd101/search"));
        Files.copy(classes().resolve("dev/sd101/search/TermAnalysis.class"), copy.resolve("TermAnalysis.class"));
        AnalysisIdentity.main(new String[] {dir.resolve("out").toString()});
        String hex = Files.readString(copy.resolve(AnalysisIdentity.RESOURCE)).strip();
        assertEquals(HexFormat.of().formatHex(AnalysisIdentity.of(dir.resolve("out"))), hex);
    }
}
