package dev.sd101.content;

import dev.sd101.BuildException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlTreeTest {
    private static BuildException error(String yaml, int firstLine) {
        return assertThrows(BuildException.class, () -> YamlTree.parseMapping(yaml, "sd101.yml", firstLine));
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() {
        // SnakeYAML finds it only at the end of the text (line 4).
        BuildException e = error("title: \"Our docs\nlanguage: en\nsplitLevel: 2\n", 1);
        assertTrue(e.getMessage().startsWith("sd101.yml:1: invalid YAML: the quoted scalar that starts here (column 8) is never closed"),
                e.getMessage());
    }

    @Test
    void anUnclosedBracketIsReportedWhereItOpens() {
        // Front matter: the YAML starts on the file's line 2.
        BuildException e = error("title: Fine\ntags: [a, b\ncategories: x\n", 2);
        assertTrue(e.getMessage().startsWith("sd101.yml:3: invalid YAML: the flow sequence that starts here (column 7) is never closed; at line 4"),
                e.getMessage());
    }

    @Test
    void otherErrorsAreReportedWhereTheyAre() {
        BuildException e = error("title: Fine\nlanguage: en: ko\nsearch: true\n", 1);
        assertEquals("sd101.yml:2: invalid YAML: mapping values are not allowed here", e.getMessage());
    }
}
