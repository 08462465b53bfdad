package dev.sd101.cli;

import dev.sd101.cli.Args.Option;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line parser: the forms users type, and one clear message for each mistake. */
class ArgsTest {
    private static final List<Option> OPTIONS = List.of(
            Option.value("<file>", "source", "-s", "--source").mandatory(),
            Option.value("<n>", "level", "--split-level"),
            Option.value("<port>", "port", "-p", "--port"),
            Option.flag("strict", "--strict"),
            Option.flag("verbose", "-v", "--verbose"),
            Option.flag("help", "-h", "--help"));

    private static Args parse(String... argv) throws Args.UsageException {
        return Args.parse(OPTIONS, List.of(argv), 1);
    }

    private static String error(String... argv) {
        return assertThrows(Args.UsageException.class, () -> parse(argv)).getMessage();
    }

    @Test
    void everyWayOfGivingAValue() throws Args.UsageException {
        for (String[] argv : new String[][]{{"--source", "a.md"}, {"--source=a.md"}, {"-s", "a.md"}, {"-sa.md"}, {"-s=a.md"}}) {
            assertEquals(Path.of("a.md"), parse(argv).path("--source"), String.join(" ", argv));
        }
        Args a = parse("-s", "a.md", "--split-level", "-1", "-p", "0", "file.md");
        assertEquals(-1, a.integer("--split-level"), "a value may start with a dash");
        assertEquals(0, a.integer("--port"));
        assertEquals(List.of("file.md"), a.positionals());
        assertNull(a.value("--split-level".replace("split", "other")));
        assertEquals("", parse("--source=").value("--source"), "an empty value is a value");
    }

    @Test
    void flagsAloneOrClustered() throws Args.UsageException {
        Args a = parse("-vh");
        assertTrue(a.flag("--verbose") && a.flag("--help"));
        assertFalse(a.flag("--strict"));
        Args b = parse("-vsa.md", "--strict");
        assertTrue(b.flag("--verbose") && b.flag("--strict"));
        assertEquals("a.md", b.value("--source"), "a cluster may end with an option that takes a value");
    }

    @Test
    void doubleDashEndsTheOptions() throws Args.UsageException {
        Args a = parse("-s", "a.md", "--", "--strict");
        assertEquals(List.of("--strict"), a.positionals());
        assertFalse(a.flag("--strict"));
        assertEquals(List.of("-"), parse("-s", "a.md", "-").positionals(), "a lone dash is an argument");
    }

    @Test
    void helpNeedsNoRequiredOption() throws Args.UsageException {
        assertTrue(parse("--help").flag("--help"));
    }

    @Test
    void eachMistakeHasOneMessage() {
        assertEquals("Unknown option: '--colour'", error("-s", "a.md", "--colour"));
        assertEquals("Unknown option: '--colour=red'", error("-s", "a.md", "--colour=red"));
        assertEquals("Unknown option: '-x'", error("-s", "a.md", "-vx"));
        assertEquals("Missing required option: '-s, --source=<file>'", error("--strict"));
        assertEquals("Missing value for option '--source' (<file>)", error("--source"));
        assertEquals("Option '--strict' takes no value, not 'yes'", error("-s", "a.md", "--strict=yes"));
        assertEquals("Option '--source' should be given only once", error("-s", "a.md", "--source", "b.md"));
        assertEquals("Unmatched argument: 'two'", error("-s", "a.md", "one", "two"));
        assertEquals("Invalid value for option '--split-level': 'deep' is not an int",
                assertThrows(Args.UsageException.class, () -> parse("-s", "a.md", "--split-level", "deep").integer("--split-level")).getMessage());
        assertTrue(assertThrows(Args.UsageException.class, () -> parse("-s", "a\0b").path("--source")).getMessage()
                .startsWith("Invalid value for option '--source': "));
    }
}
