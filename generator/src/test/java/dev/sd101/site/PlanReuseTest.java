package dev.sd101.site;

import dev.sd101.SiteConfig;
import dev.sd101.markdown.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan made again with {@link PlanMemo} ({@code serve}) equals a fresh plan of the same documents, whether the
 * previous plan was taken over (a body edit: same shape) or made again (a heading, a title, an index's links or the
 * front matter changed).
 */
class PlanReuseTest {
    private static final Path ROOT = Path.of("/content").toAbsolutePath();
    private static final SiteConfig CONFIG = SiteConfig.builder(ROOT.resolve("README.md")).outputDirectory(Path.of("/out"))
            .splitLevel(0).build();

    private static final String BOOK = """
            # Book

            - [A](#a)
              - [A one](#a-one)
              - [A two](#a-two)
            - [B](#b)
              - [B one](#b-one)

            ## A
            Intro A.
            ### A one
            Some text. <a name="old-anchor"></a>
            #### Detail
            ### A two
            > ### Nested
            ## B
            ### B one
            Last.
            """;

    private static List<Document> site() {
        return List.of(
                SitePlannerTest.doc("README.md", "# Home\n\n- [Setup](docs/setup.md)\n- [Guide](docs/guide.md)\n"),
                SitePlannerTest.doc("docs/README.md", "# Docs\n\n[Second](guide.md) [First](setup.md)\n"),
                SitePlannerTest.doc("docs/book.md", BOOK),
                SitePlannerTest.doc("docs/guide.md", "---\nweight: 2\n---\n# Guide\n\nText.\n\n## Part\n"),
                SitePlannerTest.doc("docs/setup.md", "# Setup\n\nSteps.\n"));
    }

    private static List<Document> edit(List<Document> docs, String path, UnaryOperator<String> change) {
        List<Document> out = new ArrayList<>();
        for (Document d : docs) {
            out.add(d.source().path().equals(path) ? SitePlannerTest.doc(path, change.apply(d.source().text())) : d);
        }
        return out;
    }

    /** Everything a plan decides, documents by identity. */
    private static String describe(SiteModel site) {
        StringBuilder b = new StringBuilder(site.title()).append('\n');
        for (Page p : site.pages()) {
            b.append(p.path()).append(' ').append(p.kind()).append(' ').append(p.title()).append(' ').append(p.titleId())
                    .append(' ').append(p.document() == null ? "-" : p.document().source().path() + "@"
                            + System.identityHashCode(p.document()))
                    .append(' ').append(p.fromBlock()).append('-').append(p.toBlock()).append(' ').append(p.parent())
                    .append(' ').append(p.headings()).append(" children=")
                    .append(site.children(p.path()).stream().map(c -> {
                        assertSame(site.page(c.path()).orElseThrow(), c, "a child is the page itself");
                        return c.path();
                    }).toList())
                    .append(" lang=").append(site.language(p, "?")).append('\n');
            assertSame(p, site.page(p.path()).orElseThrow());
        }
        site.documents().forEach((path, d) -> b.append(path).append('@').append(System.identityHashCode(d))
                .append(" first=").append(site.firstPageOf(path).map(p -> {
                    assertSame(site.page(p.path()).orElseThrow(), p, "a document's first page is the page itself");
                    return p.path();
                }).orElse("-"))
                .append(" ids=").append(site.anchors().ids(path)).append('\n'));
        b.append(site.nav()).append('\n').append(site.problems());
        return b.toString();
    }

    private static void assertPlansAsFresh(PlanMemo memo, List<Document> docs, boolean reused) {
        SiteModel again = new SitePlanner(CONFIG, memo).plan(docs);
        assertEquals(reused, memo.reusedShape(), "previous plan taken over");
        assertEquals(describe(new SitePlanner(CONFIG).plan(docs)), describe(again));
    }

    @Test
    void aBodyEditTakesOverThePlanWithTheNewDocumentInPlace() {
        PlanMemo memo = new PlanMemo();
        List<Document> docs = site();
        assertPlansAsFresh(memo, docs, false);
        // Lines added above every heading of the split book: its pages' headings move, their pages stay.
        List<Document> edited = edit(docs, "docs/book.md", t -> t.replace("Intro A.", "Intro A.\n\nMore\nlines.")
                .replace("Last.", "Last, edited."));
        assertPlansAsFresh(memo, edited, true);
        edited = edit(edited, "docs/setup.md", t -> t.replace("Steps.", "Other steps, [a link](guide.md)."));
        assertPlansAsFresh(memo, edited, true);
        // The same document edited twice in a row, and then back to where it started.
        edited = edit(edited, "docs/setup.md", t -> t + "\nMore.\n");
        assertPlansAsFresh(memo, edited, true);
        assertPlansAsFresh(memo, docs, true);
    }

    @Test
    void aBodyEditThatChangesTheLanguageTakesOverThePlanWithTheNewLanguage() {
        PlanMemo memo = new PlanMemo();
        List<Document> docs = site();
        assertPlansAsFresh(memo, docs, false);
        List<Document> korean = edit(docs, "docs/setup.md", t -> t.replace("Steps.", "설치 단계는 다음과 같습니다 먼저 내려받고 실행합니다."));
        assertPlansAsFresh(memo, korean, true);
        assertTrue(describe(new SitePlanner(CONFIG).plan(korean)).contains("docs/setup/ PAGE Setup"));
        assertPlansAsFresh(memo, docs, true);
    }

    @Test
    void aRenamedHeadingOfAOnePageDocumentTakesOverThePlanWithTheNewTitleAndIds() {
        PlanMemo memo = new PlanMemo();
        List<Document> docs = site();
        assertPlansAsFresh(memo, docs, false);
        List<Document> renamed = edit(docs, "docs/guide.md", t -> t.replace("# Guide", "# Guide renamed"));
        assertPlansAsFresh(memo, renamed, true);
        assertEquals(java.util.Set.of("docs/guide.md"), memo.reIded());
        assertTrue(describe(new SitePlanner(CONFIG).plan(renamed)).contains("title=Guide renamed"), "the navigation shows it");
        renamed = edit(renamed, "docs/guide.md", t -> t.replace("## Part", "## Part two"));
        assertPlansAsFresh(memo, renamed, true);
        renamed = edit(renamed, "docs/setup.md", t -> t + "\nMore.\n");
        assertPlansAsFresh(memo, renamed, true);
        assertEquals(java.util.Set.of(), memo.reIded(), "a body edit changes no ids");
        assertPlansAsFresh(memo, docs, true);
    }

    @Test
    void whatDecidesPagesPlansAgain() {
        PlanMemo memo = new PlanMemo();
        List<Document> docs = site();
        assertPlansAsFresh(memo, docs, false);
        List<List<Document>> changes = List.of(
                edit(docs, "docs/book.md", t -> t.replace("### A two", "### A second")),          // a heading's id
                edit(docs, "docs/book.md", t -> t.replace("Intro A.", "Intro A.\n### Inserted")), // a new page
                edit(docs, "docs/book.md", t -> "Before the title.\n\n" + t),                     // text before it
                edit(docs, "docs/book.md", t -> t.replace("> ### Nested", "### Nested")),         // nesting → own page
                edit(docs, "docs/book.md", t -> t.replace("<a name=\"old-anchor\"></a>", "")),      // an HTML anchor
                edit(docs, "docs/book.md", t -> t.replace("- [B](#b)\n", "")),                    // its contents
                edit(docs, "docs/guide.md", t -> t.replace("weight: 2", "weight: 0")),            // front matter
                edit(docs, "README.md", t -> t.replace("# Home", "# Home renamed")),              // the site's title
                edit(docs, "docs/guide.md", t -> t.replace("Text.", "Text.\n\n## Added")),         // a heading more
                edit(docs, "docs/README.md", t -> t.replace("[Second](guide.md) ", "")),          // the folder's order
                docs.subList(0, 4));                                                              // a document gone
        for (List<Document> changed : changes) {
            assertPlansAsFresh(memo, changed, false);
            assertPlansAsFresh(memo, docs, false);
        }
        assertPlansAsFresh(memo, new ArrayList<>(docs), true); // nothing changed at all: the same plan
        SiteModel other = new SitePlanner(SiteConfig.builder(ROOT.resolve("README.md")).outputDirectory(Path.of("/out"))
                .splitLevel(-1).build(), memo).plan(edit(docs, "docs/setup.md", t -> t + "x"));
        assertFalse(memo.reusedShape(), "another config plans again");
        assertEquals(5, other.pages().size());
    }
}
