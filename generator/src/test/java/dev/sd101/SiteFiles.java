package dev.sd101;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A written site as tests compare it: every file by its path, without the writer's marker file. */
public final class SiteFiles {
    private SiteFiles() {
    }

    /** Path ('/'-separated, relative to {@code dir}) → bytes, sorted by path. */
    public static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        out.remove(dev.sd101.output.SiteWriter.MARKER);
        return out;
    }

    /** The same paths with the same bytes; a difference names the file. */
    public static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
    }
}
