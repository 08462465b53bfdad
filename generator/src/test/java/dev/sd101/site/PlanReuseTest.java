package dev.sd101.site;

import dev.sd101.SiteConfig;
import dev.sd101.content.FrontMatter;
import dev.sd101.content.Source;
import dev.sd101.markdown.Document;
import dev.sd101.markdown.MarkdownParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan made again with {@link PlanMemo} ({@code serve}) equals a fresh plan of the same documents, whether the
 * previous plan was taken over (a body edit: same shape; a one-page document's title renamed, by its heading or its
 * front matter) or made again (a page's heading, an index's links or the front matter's other keys changed).
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

    /** A site titled by front matter, as Hugo's are: {@code title}, often {@code weight}, mostly no title heading. */
    private static List<Document> hugo() {
        return List.of(
                SitePlannerTest.doc("README.md", "---\ntitle: Home\n---\nWelcome.\n"),
                SitePlannerTest.doc("docs/README.md", "---\ntitle: Docs\nweight: 1\n---\nAll of it.\n"),
                SitePlannerTest.doc("docs/alpha.md", "---\ntitle: \"Alpha\"\n---\nNo weight.\n\n## Part\n"),
                SitePlannerTest.doc("docs/beta.md", "---\ntitle: Beta\nweight: 2\ndescription: Second.\n---\nText.\n"),
                SitePlannerTest.doc("docs/gamma.md", "---\nweight: 1\ntitle: Gamma\n---\n# Gamma\n\nTitled twice.\n"),
                SitePlannerTest.doc("docs/zeta.md", "---\ntitle: Zeta\n---\nLast by name.\n"),
                SitePlannerTest.doc("plain.md", "# Plain\n\nNo front matter.\n"));
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
        b.append(site.nav()).append('\n').append(site.problems()).append('\n');
        site.catalog().items().forEach(i -> b.append(i.path()).append(' ').append(i.title()).append('\n'));
        return b.toString();
    }

    private static void assertPlansAsFresh(PlanMemo memo, List<Document> docs, boolean reused) {
        assertPlansAsFresh(CONFIG, memo, docs, reused);
    }

    private static void assertPlansAsFresh(SiteConfig config, PlanMemo memo, List<Document> docs, boolean reused) {
        SiteModel again = new SitePlanner(config, memo).plan(docs);
        assertEquals(reused, memo.reusedShape(), "previous plan taken over");
        assertEquals(describe(new SitePlanner(config).plan(docs)), describe(again));
    }

    private static String retitle(String text, String from, String to) {
        return text.replace("title: " + from + "\n", "title: " + to + "\n");
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
    void aRenamedFrontMatterTitleOfAOnePageDocumentTakesOverThePlanWithTheNewTitle() {
        PlanMemo memo = new PlanMemo();
        List<Document> docs = hugo();
        assertPlansAsFresh(memo, docs, false);
        // With a weight and without, quoted or not, in a folder section and the folder's own index.
        List<Document> renamed = edit(docs, "docs/beta.md", t -> retitle(t, "Beta", "Beta, renamed"));
        assertPlansAsFresh(memo, renamed, true);
        assertEquals(Set.of(), memo.reIded(), "a front matter title is no heading's id");
        assertTrue(describe(new SitePlanner(CONFIG).plan(renamed)).contains("title=Beta, renamed"), "the navigation shows it");
        renamed = edit(renamed, "docs/alpha.md", t -> retitle(t, "\"Alpha\"", "\"Alpha: a much longer title\""));
        assertPlansAsFresh(memo, renamed, true);
        renamed = edit(renamed, "docs/alpha.md", t -> retitle(t, "\"Alpha: a much longer title\"", "Alpha"));
        assertPlansAsFresh(memo, renamed, true); // the same title unquoted: the plan as it was
        renamed = edit(renamed, "docs/README.md", t -> retitle(t, "Docs", "Documentation"));
        assertPlansAsFresh(memo, renamed, true);
        // Named as its heading is, the heading is the title (its id the page's); named otherwise, it is not.
        renamed = edit(renamed, "docs/gamma.md", t -> retitle(t, "Gamma", "Gamma, not the heading"));
        assertPlansAsFresh(memo, renamed, true);
        assertTrue(describe(new SitePlanner(CONFIG).plan(renamed)).contains("docs/gamma/ PAGE Gamma, not the heading null"));
        renamed = edit(renamed, "docs/gamma.md", t -> retitle(t, "Gamma, not the heading", "Gamma"));
        assertPlansAsFresh(memo, renamed, true);
        assertTrue(describe(new SitePlanner(CONFIG).plan(renamed)).contains("docs/gamma/ PAGE Gamma gamma"));
        // A title that would sort first: siblings are ordered by weight, then file name, never by title.
        renamed = edit(renamed, "docs/zeta.md", t -> retitle(t, "Zeta", "Aardvark"));
        assertPlansAsFresh(memo, renamed, true);
        assertEquals(List.of("docs/gamma/", "docs/beta/", "docs/alpha/", "docs/zeta/"),
                new SitePlanner(CONFIG).plan(renamed).children("docs/").stream().map(Page::path).toList());
        // Two documents retitled in one build, and a body edit beside them.
        renamed = edit(edit(edit(renamed, "docs/beta.md", t -> retitle(t, "Beta, renamed", "Beta")),
                "docs/zeta.md", t -> retitle(t, "Aardvark", "Zeta")), "plain.md", t -> t + "\nMore.\n");
        assertPlansAsFresh(memo, renamed, true);
        assertPlansAsFresh(memo, docs, true);
    }

    @Test
    void aRenamedTitleOfTheHomePageTakesOverThePlanWithTheSitesNewTitle() {
        PlanMemo memo = new PlanMemo();
        List<Document> docs = hugo();
        assertPlansAsFresh(memo, docs, false);
        List<Document> renamed = edit(docs, "README.md", t -> retitle(t, "Home", "Home, renamed"));
        assertPlansAsFresh(memo, renamed, true);
        assertEquals("Home, renamed", new SitePlanner(CONFIG, memo).plan(renamed).title());
        assertPlansAsFresh(memo, docs, true);
        // By its heading too; and with the site's title configured, the site keeps it.
        List<Document> headed = site();
        assertPlansAsFresh(memo, headed, false);
        assertPlansAsFresh(memo, edit(headed, "README.md", t -> t.replace("# Home", "# Home renamed")), true);
        assertEquals(Set.of("README.md"), memo.reIded());
        SiteConfig titled = CONFIG.toBuilder().siteTitle("The site").build();
        PlanMemo other = new PlanMemo();
        assertPlansAsFresh(titled, other, docs, false);
        assertPlansAsFresh(titled, other, renamed, true);
        assertEquals("The site", new SitePlanner(titled, other).plan(renamed).title());
    }

    @Test
    void aFrontMatterTitleAddedOrRemovedTakesOverThePlan() {
        PlanMemo memo = new PlanMemo();
        List<Document> docs = hugo();
        assertPlansAsFresh(memo, docs, false);
        List<List<Document>> changes = List.of(
                edit(docs, "docs/gamma.md", t -> t.replace("title: Gamma\n", "")),               // the heading's again
                edit(docs, "docs/beta.md", t -> t.replace("title: Beta\n", "")),                 // the file's name
                edit(docs, "docs/zeta.md", t -> t.replace("---\ntitle: Zeta\n---\n", "")),       // and the block
                edit(docs, "plain.md", t -> "---\ntitle: Not plain\n---\n" + t),                 // a block added
                // Renamed and moved above the weight, whose value stays (its line does not).
                edit(docs, "docs/gamma.md", t -> t.replace("weight: 1\ntitle: Gamma\n", "title: Other\nweight: 1\n")));
        for (List<Document> changed : changes) {
            assertPlansAsFresh(memo, changed, true);
            assertEquals(Set.of(), memo.reIded());
            assertPlansAsFresh(memo, docs, true);
        }
    }

    @Test
    void aTitleChangedWithMoreOfTheFrontMatterPlansAgain() {
        PlanMemo memo = new PlanMemo();
        List<Document> docs = hugo();
        assertPlansAsFresh(memo, docs, false);
        List<List<Document>> changes = List.of(
                edit(docs, "docs/beta.md", t -> retitle(t, "Beta", "Beta, renamed").replace("weight: 2", "weight: 0")),
                edit(docs, "docs/beta.md", t -> retitle(t, "Beta", "Beta, renamed").replace("Second.", "Other.")),
                edit(docs, "docs/alpha.md", t -> t.replace("title: \"Alpha\"\n", "title: A\nweight: 9\n")),
                edit(docs, "docs/zeta.md", t -> retitle(t, "Zeta", "Zeta, renamed\nlang: ko")),
                edit(docs, "docs/zeta.md", t -> retitle(t, "Zeta", "Zeta, renamed\ndraft: true")),
                edit(docs, "docs/zeta.md", t -> retitle(t, "Zeta", "Zeta, renamed") + "\n## Added\n"));
        for (List<Document> changed : changes) {
            assertPlansAsFresh(memo, changed, false);
            assertPlansAsFresh(memo, docs, false);
        }
        // A split document's title: its first page's only, but a split document plans again.
        List<Document> book = edit(site(), "docs/book.md", t -> "---\ntitle: A book\n---\n" + t);
        assertPlansAsFresh(memo, book, false);
        assertPlansAsFresh(memo, edit(book, "docs/book.md", t -> retitle(t, "A book", "The book")), false);
    }

    @Test
    void aRenamedTitleInASiteWithCollectionsPlansAgain(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("posts"));
        SiteConfig config = SiteConfig.builder(tmp).outputDirectory(tmp.resolve("out"))
                .collections(List.of(new SiteConfig.Collection("posts", "posts", null, SiteConfig.Sort.TITLE, 0))).build();
        MarkdownParser parser = new MarkdownParser();
        UnaryOperator<String> post = title -> "---\ntitle: " + title + "\n---\nA post.\n";
        List<Document> docs = new ArrayList<>();
        for (String[] d : new String[][]{{"README.md", "# Blog\n"}, {"about.md", post.apply("About")},
                {"posts/a.md", post.apply("First")}, {"posts/b.md", post.apply("Second")}}) {
            docs.add(parser.parse(new Source(tmp.resolve(d[0]), d[0], d[0], d[1], FrontMatter.parse(d[1], d[0]))));
        }
        PlanMemo memo = new PlanMemo();
        assertPlansAsFresh(config, memo, docs, false);
        // An item's title orders its collection's listing ("A second" comes first now); a page's beside it plans
        // again too, as listings, feeds and term pages show titles.
        for (int i : new int[]{3, 1}) {
            List<Document> renamed = new ArrayList<>(docs);
            String path = docs.get(i).source().path();
            String text = post.apply("A second");
            renamed.set(i, parser.parse(new Source(tmp.resolve(path), path, path, text, FrontMatter.parse(text, path))));
            assertPlansAsFresh(config, memo, renamed, false);
            if (i == 3) {
                assertEquals(List.of("A second", "First"), new SitePlanner(config).plan(renamed).catalog().items().stream()
                        .map(Catalog.Item::title).toList());
            }
            assertPlansAsFresh(config, memo, docs, false);
        }
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
