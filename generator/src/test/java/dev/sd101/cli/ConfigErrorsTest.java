package dev.sd101.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A wrong option value is a usage error (exit 2) whose message names the option as typed; no stack trace. */
class ConfigErrorsTest {
    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, err.toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--split-level | abc      | --split-level",
            "--split-level | 9        | --split-level (splitLevel)",
            "--split-level | -2       | --split-level (splitLevel)",
            "--lang        | 'k o'    | --lang (language)",
            "--lang        | 12       | --lang (language)",
            "--site-url    | ftp://x  | --site-url (siteUrl)",
            "--site-url    | example  | --site-url (siteUrl)",
            "--repo-url    | 'a b'    | --repo-url (repositoryUrl)",
            "--image-base-url | javascript:alert(1) | --image-base-url (imageBaseUrl)",
            "--theme       | no-such-theme-folder | --theme (themeDirectory)",
    })
    void aBadValueNamesTheOption(String option, String value, String named, @TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("README.md");
        Files.writeString(src, "# Hi\n");
        Run r = run("generate", "--source", src.toString(), "--output", tmp.resolve("site").toString(), option, value);
        assertEquals(Main.USAGE, r.code(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(named), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(tmp.resolve("site")));
    }

    @Test
    void anUnknownOptionIsNamed() {
        Run r = run("generate", "--source", "x.md", "--splitlevel", "2");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("--splitlevel"), r.err());
    }

    @Test
    void aMissingThemeTemplateNamesItAndWhereItCameFrom(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("README.md");
        Files.writeString(src, "# Hi\n");
        Path theme = tmp.resolve("theme");
        Files.createDirectories(theme);
        Files.writeString(theme.resolve("page.peb"), "{# a theme that extends a layout it does not have #}\n{% extends \"base.peb\" %}\n");
        Run r = run("generate", "--source", src.toString(), "--output", tmp.resolve("site").toString(), "--theme", theme.toString());
        assertEquals(Main.FAILED, r.code(), r.err());
        assertTrue(r.err().startsWith("error: " + theme.resolve("page.peb") + ":2: uses the template \"base.peb\", which is in neither the theme folder"),
                r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
