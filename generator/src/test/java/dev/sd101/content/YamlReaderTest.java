package dev.sd101.content;

import dev.sd101.BuildException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The typed reads config and front matter share: absent is null, a wrong type names file, line and key. */
class YamlReaderTest {
    private final YamlReader yaml = new YamlReader("docs/a.md");
    private final Map<String, YamlTree.Value> map = YamlTree.parseMapping(
            "title: 2048\nflag: yes\nn: 3\nwhen: 2024-02-28\nbad: 2024-13-45\nlist:\n  - a\nnested:\n  k: v\n", "docs/a.md", 2);

    @Test
    void readsEachTypeAndAbsentIsNull() {
        assertEquals("2048", yaml.text(map, "title", ""), "lenient text takes a number as written");
        assertEquals(Boolean.TRUE, yaml.bool(map, "flag", ""));
        assertEquals(3, yaml.integer(map, "n", ""));
        assertEquals(OffsetDateTime.parse("2024-02-28T00:00:00Z"), yaml.date(map, "when", ""));
        assertEquals(1, yaml.mapping(map, "nested", "").size());
        assertNull(yaml.string(map, "missing", ""));
        assertNull(yaml.integer(map, "missing", ""));
        assertNull(yaml.bool(map, "missing", ""));
        assertNull(yaml.date(map, "missing", ""));
    }

    @Test
    void aWrongTypeNamesFileLineAndPrefixedKey() {
        assertEquals("docs/a.md:2: x.title: expected text, found number",
                assertThrows(BuildException.class, () -> yaml.string(map, "title", "x.")).getMessage());
        assertEquals("docs/a.md:4: n: expected true or false, found number",
                assertThrows(BuildException.class, () -> yaml.bool(map, "n", "")).getMessage());
        assertEquals("docs/a.md:7: list: expected a mapping, found list",
                assertThrows(BuildException.class, () -> yaml.mapping(map, "list", "")).getMessage());
        assertEquals("docs/a.md:6: bad: '2024-13-45' is not a date; write it as 2024-02-28 or 2024-02-28T10:00:00Z",
                assertThrows(BuildException.class, () -> yaml.date(map, "bad", "")).getMessage());
        assertEquals("docs/a.md:3: unknown key 'flag'; known keys are n, title",
                assertThrows(BuildException.class, () -> yaml.known(map, Set.of("title", "n"), "")).getMessage());
    }
}
