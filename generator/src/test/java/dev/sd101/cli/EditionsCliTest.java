package dev.sd101.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --editions} on the command line, and what {@code check} prints about the matching. */
class EditionsCliTest {
    private static final Path FIXTURE = Path.of("src/test/resources/editions").toAbsolutePath();

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checkPrintsThePagesWithoutATwinAtTheirLineAndStrictFails(@TempDir Path tmp) throws Exception {
        Path none = Files.writeString(tmp.resolve("none.yml"), "title: t\n");
        String editions = "ko=" + FIXTURE.resolve("ko/README.md") + ",en=" + FIXTURE.resolve("en/README.md");
        Run r = run("check", "--source", FIXTURE.toString(), "--config", none.toString(), "--editions", editions);
        assertEquals(0, r.code(), r.err());
        String all = r.out() + r.err();
        assertTrue(all.contains("en/README.md:45: warning: 'Rate limiting' has no twin in the ko edition"), all);
        assertTrue(all.contains("editions ko and en: 8 pages matched (1 home, 0 by translationKey, 3 by diagram, 4 by position), 1 without a twin"), all);
        assertEquals(1, run("check", "--strict", "--source", FIXTURE.toString(), "--config", none.toString(), "--editions", editions).code());
    }

    @Test
    void generateWritesEveryEditionUnderItsPrefix(@TempDir Path tmp) throws Exception {
        Path none = Files.writeString(tmp.resolve("none.yml"), "title: t\n");
        Path out = tmp.resolve("site");
        Run r = run("generate", "--source", FIXTURE.toString(), "--config", none.toString(), "--output", out.toString(),
                "--editions", "ko=" + FIXTURE.resolve("ko/README.md") + ",ja=" + FIXTURE.resolve("ja/README.md"));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("ja/メッセージキューとは/index.html")));
        assertTrue(Files.readString(out.resolve("index.html")).contains("hreflang=\"ja\""));
    }

    @Test
    void aMalformedListIsAUsageError() {
        Run r = run("check", "--source", FIXTURE.toString(), "--editions", "ko");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--editions: expected language=source, found 'ko'"), r.err());
    }
}
