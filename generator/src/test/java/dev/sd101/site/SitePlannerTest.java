package dev.sd101.site;

import dev.sd101.BuildException;
import dev.sd101.SiteConfig;
import dev.sd101.content.FrontMatter;
import dev.sd101.content.Source;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SitePlannerTest {
    private static final MarkdownParser PARSER = new MarkdownParser();
    private static final Path ROOT = Path.of("/content").toAbsolutePath();

    static Document doc(String path, String text) {
        return PARSER.parse(new Source(ROOT.resolve(path), path, path, text, FrontMatter.parse(text, path)));
    }

    static SitePlanner planner(int splitLevel) {
        return new SitePlanner(SiteConfig.builder(ROOT.resolve("README.md")).outputDirectory(Path.of("/out"))
                .splitLevel(splitLevel).build());
    }

    private static final String GUIDE = """
            # Guide

            - [A](#a)
              - [A one](#a-one)
              - [A two](#a-two)
            - [B](#b)
              - [B one](#b-one)

            ## A
            Intro A.
            ### A one
            #### Detail
            ### A two
            ## B
            ### B one
            """;

    @Test
    void splitLevelIsTheLevelMostTableOfContentsEntriesPointTo() {
        assertArrayEquals(new int[]{2, 3}, planner(0).splitLevels(doc("README.md", GUIDE)));
    }

    @Test
    void noTableOfContentsMeansOnePage() {
        assertNull(planner(0).splitLevels(doc("README.md", "# T\n\n## a\n\n## b\n")));
        SiteModel site = planner(0).plan(List.of(doc("README.md", "# T\n\n## a\n\n## b\n")));
        assertEquals(1, site.pages().size());
        assertEquals(PageKind.HOME, site.pages().get(0).kind());
    }

    @Test
    void splitDocumentGetsHomeSectionsAndArticlesInReadingOrder() {
        SiteModel site = planner(0).plan(List.of(doc("README.md", GUIDE)));
        assertEquals(List.of("", "a/", "a-one/", "a-two/", "b/", "b-one/"), site.pages().stream().map(Page::path).toList());
        assertEquals(List.of(PageKind.HOME, PageKind.SECTION, PageKind.ARTICLE, PageKind.ARTICLE, PageKind.SECTION, PageKind.ARTICLE),
                site.pages().stream().map(Page::kind).toList());
        assertEquals("a/", site.page("a-two/").orElseThrow().parent());
        assertEquals("a-one/", site.anchors().pageOf("README.md", "detail").orElseThrow());
        assertEquals(List.of("A", "B"), site.nav().stream().map(NavNode::title).toList());
        assertEquals(2, site.nav().get(0).children().size());
    }

    @Test
    void explicitSplitLevelAndNever() {
        assertEquals(1, planner(-1).plan(List.of(doc("README.md", GUIDE))).pages().size());
        SiteModel byTwo = planner(2).plan(List.of(doc("README.md", GUIDE)));
        assertEquals(List.of("", "a/", "b/"), byTwo.pages().stream().map(Page::path).toList());
    }

    @Test
    void foldersMapToPagesWithReadmeAsIndex() {
        assertEquals("", SitePlanner.basePath("README.md"));
        assertEquals("docs/", SitePlanner.basePath("docs/README.md"));
        assertEquals("docs/", SitePlanner.basePath("docs/index.md"));
        assertEquals("docs/", SitePlanner.basePath("docs/_index.md"), "Hugo's section page");
        assertEquals("docs/setup/", SitePlanner.basePath("docs/setup.md"));
        assertEquals("README-ko/", SitePlanner.basePath("README-ko.md"));
        assertEquals("assets-page/", SitePlanner.basePath("assets.md"), "a name the engine writes itself is not taken");
        SiteModel site = planner(-1).plan(List.of(doc("README.md", "# Home\n"), doc("docs/README.md", "# Docs\n"),
                doc("docs/setup.md", "# Setup\n"), doc("other/x.md", "# X\n")));
        assertEquals(List.of("", "docs/", "docs/setup/", "other/x/"), site.pages().stream().map(Page::path).toList());
        assertEquals("docs/", site.page("docs/setup/").orElseThrow().parent());
        assertEquals("", site.page("other/x/").orElseThrow().parent());
    }

    @Test
    void hugoSectionPagesAreTheirFoldersPagesAndParents() {
        SiteModel site = planner(-1).plan(List.of(doc("README.md", "# Home\n"),
                doc("s1/_index.md", "---\ntitle: Section one\n---\n\nAbout it.\n"),
                doc("s1/p2.md", "---\ntitle: Second\nweight: 2\n---\n\nText.\n"),
                doc("s1/p1.md", "---\ntitle: First\nweight: 1\n---\n\nText.\n")));
        assertEquals(List.of("", "s1/", "s1/p1/", "s1/p2/"), site.pages().stream().map(Page::path).toList());
        assertEquals("Section one", site.page("s1/").orElseThrow().title());
        assertEquals("s1/", site.page("s1/p1/").orElseThrow().parent());
        assertEquals(List.of("Section one"), site.nav().stream().map(NavNode::title).toList());
        assertEquals(List.of("First", "Second"), site.nav().get(0).children().stream().map(NavNode::title).toList());
    }

    @Test
    void folderWithoutAnIndexGetsAGeneratedHome() {
        SiteModel site = planner(-1).plan(List.of(doc("a.md", "# A\n"), doc("b.md", "# B\n")));
        assertEquals(PageKind.HOME, site.pages().get(0).kind());
        assertNull(site.pages().get(0).document());
        assertTrue(site.children("").size() == 2);
    }

    @Test
    void twoFilesPublishedAtOnePathIsAnErrorNamingBoth() {
        BuildException e = assertThrows(BuildException.class,
                () -> planner(-1).plan(List.of(doc("docs/README.md", "# A\n"), doc("docs/index.md", "# B\n"))));
        assertTrue(e.getMessage().contains("docs/index.md") && e.getMessage().contains("docs/README.md"), e.getMessage());
    }
}
