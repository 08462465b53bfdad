package dev.sd101.output;

import dev.sd101.BuildException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceRewriterTest {
    @TempDir
    Path dir;

    private static byte[] bytes(boolean bom, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return body;
        }
        byte[] b = new byte[body.length + 3];
        b[0] = (byte) 0xEF;
        b[1] = (byte) 0xBB;
        b[2] = (byte) 0xBF;
        System.arraycopy(body, 0, b, 3, body.length);
        return b;
    }

    @Test
    void keepsByteOrderMarkLineEndingsAndEverythingOutsideTheRanges() throws IOException {
        String text = "# 제목\r\n\r\n- [a](#A)\r\n- [b](#B)\n\rtrailing  \r\n";
        Path f = dir.resolve("README.md");
        Files.write(f, bytes(true, text));
        int a = text.indexOf("#A");
        int b = text.indexOf("#B");
        new SourceRewriter().rewrite(f, text, List.of(
                new SourceRewriter.Replacement(b, b + 2, "#b-longer"),
                new SourceRewriter.Replacement(a, a + 2, "#가")));
        assertArrayEquals(bytes(true, "# 제목\r\n\r\n- [a](#가)\r\n- [b](#b-longer)\n\rtrailing  \r\n"), Files.readAllBytes(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void aFailureHalfwayLeavesTheOriginalAndNoTemporaryFile() throws IOException {
        String text = "- [a](#A)\n";
        Path f = dir.resolve("README.md");
        Files.write(f, bytes(false, text));
        SourceRewriter failing = new SourceRewriter((out, data) -> {
            out.write(data, 0, data.length / 2);
            throw new IOException("disk full");
        });
        BuildException e = assertThrows(BuildException.class,
                () -> failing.rewrite(f, text, List.of(new SourceRewriter.Replacement(6, 8, "#a"))));
        assertTrue(e.getMessage().contains("cannot write the fixed file: disk full"), e.getMessage());
        assertArrayEquals(bytes(false, text), Files.readAllBytes(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void aFileChangedSinceItWasCheckedIsLeftAlone() throws IOException {
        Path f = dir.resolve("README.md");
        Files.writeString(f, "- [a](#A) edited\n");
        BuildException e = assertThrows(BuildException.class,
                () -> new SourceRewriter().rewrite(f, "- [a](#A)\n", List.of(new SourceRewriter.Replacement(6, 8, "#a"))));
        assertTrue(e.getMessage().endsWith("changed since it was checked; not fixed (run the check again)"), e.getMessage());
        assertEquals("- [a](#A) edited\n", Files.readString(f));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
