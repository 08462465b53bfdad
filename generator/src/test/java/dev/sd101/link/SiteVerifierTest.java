package dev.sd101.link;

import dev.sd101.BuildException;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteVerifierTest {
    private static final SiteVerifier NOTHING_EXCUSED = new SiteVerifier(Set.of(), Set.of());

    private static Map<String, byte[]> site(String... pathAndHtml) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathAndHtml.length; i += 2) {
            files.put(pathAndHtml[i], pathAndHtml[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static String failure(Map<String, byte[]> files) {
        return assertThrows(BuildException.class, () -> NOTHING_EXCUSED.verify(files, List.of())).getMessage();
    }

    @Test
    void linksThatLandPass() {
        Map<String, byte[]> files = site(
                "index.html", "<a href='#top'>t</a><a href='설치/'>a</a><a href='%EC%84%A4%EC%B9%98/#%EB%B0%A9%EB%B2%95'>b</a>"
                        + "<a href='설치/#방법'>c</a><a href='설치'>dir without slash</a><a href='https://example.org/x'>ext</a>"
                        + "<a href='mailto:a@b.c'>m</a><img src='img/a%20b.png'><link rel=stylesheet href='assets/site.css'>"
                        + "<a href='#content'>skip</a><main id='content'></main><a href='./'>home</a><a href=''>self</a>",
                "설치/index.html", "<h2 id='방법'>x</h2><a href='../'>up</a><a href='../#content'>up</a><a name='legacy'></a>"
                        + "<a href='#legacy'>legacy</a><a href='#%EF%B8%8F-warning'>w</a><h3 id='\uFE0F-warning'>⚠️ Warning</h3>",
                "assets/site.css", "body{}");
        assertDoesNotThrow(() -> NOTHING_EXCUSED.verify(files, List.of("img/a b.png")));
    }

    @Test
    void aMissingFileNamesThePageAndTheLink() {
        String m = failure(site("a/index.html", "<a href='../b/'>b</a>"));
        assertTrue(m.startsWith("a/index.html: a href=\"../b/\": no such file b/index.html in the site"), m);
    }

    @Test
    void fragmentsMatchIdsExactlyNotCaseInsensitively() {
        String m = failure(site("index.html", "<h2 id='install'>Install</h2><a href='#Install'>i</a>"));
        assertTrue(m.startsWith("index.html: a href=\"#Install\": no element with id \"Install\" in index.html"), m);
    }

    @Test
    void aDroppedVariationSelectorIsBroken() {
        String m = failure(site("index.html", "<h3 id='\uFE0F-warning'>⚠️ Warning</h3><a href='#-warning'>w</a>"));
        assertTrue(m.contains("no element with id \"-warning\""), m);
    }

    @Test
    void linksAboveTheSiteRootAndBadEscapesAreBroken() {
        String m = failure(site("index.html", "<a href='../x.html'>x</a><img src='a%ZZ.png'>"));
        assertTrue(m.contains("a href=\"../x.html\": leads outside the site"), m);
        assertTrue(m.contains("img src=\"a%ZZ.png\": the %-escapes of the path do not decode to UTF-8"), m);
        assertTrue(m.contains("2 broken internal link(s)"), m);
    }

    @Test
    void aFragmentOfAnotherPageMustBeThere() {
        String m = failure(site("a/index.html", "<a href='../b/#Setup'>s</a><a href='../b/x/../#setup'>ok</a>",
                "b/index.html", "<h2 id='setup'>Setup</h2><a href='../a/'>a</a><a href='../../a/'>above</a>"));
        assertTrue(m.startsWith("a/index.html: a href=\"../b/#Setup\": no element with id \"Setup\" in b/index.html"), m);
        assertTrue(m.contains("b/index.html: a href=\"../../a/\": leads outside the site"), m);
        assertTrue(m.contains("2 broken internal link(s)"), m);
    }

    @Test
    void aScanTakenOverChecksLinksIntoAPageWhoseIdsChangedAndOnlyThose() {
        byte[] a = "<a href='../b/#setup'>s</a>".getBytes(StandardCharsets.UTF_8);
        Set<String> files = Set.of("a/index.html", "b/index.html");
        SiteVerifier.Scan first = NOTHING_EXCUSED.scan();
        first.add("a/index.html", a);
        first.add("b/index.html", "<h2 id='setup'>Setup</h2>");
        NOTHING_EXCUSED.verify(first, files);

        // b's text changed, its ids did not: a's link, taken over unchecked, still lands.
        SiteVerifier.Scan edited = NOTHING_EXCUSED.scan();
        edited.addUnchanged("a/index.html", a, first);
        edited.add("b/index.html", "<h2 id='setup'>Setup</h2><p>more</p>");
        assertDoesNotThrow(() -> NOTHING_EXCUSED.verify(edited, files));

        // b's heading renamed: a's link, taken over, is checked again and no longer lands.
        SiteVerifier.Scan renamed = NOTHING_EXCUSED.scan();
        renamed.addUnchanged("a/index.html", a, edited);
        renamed.add("b/index.html", "<h2 id='install'>Install</h2><p>more</p>");
        String m = assertThrows(BuildException.class, () -> NOTHING_EXCUSED.verify(renamed, files)).getMessage();
        assertTrue(m.startsWith("a/index.html: a href=\"../b/#setup\": no element with id \"setup\" in b/index.html"), m);
    }

    @Test
    void aScanTakenOverWhileFilesCameAndWentChecksAgainThePagesThatMayLinkToThem() {
        byte[] a = "<img src='img/x%20y.png'><a href='../c'>c</a><a href='../b/#top'>b</a>".getBytes(StandardCharsets.UTF_8);
        byte[] b = "<h1 id='top'>B</h1><a href='../search/'>s</a>".getBytes(StandardCharsets.UTF_8);
        Set<String> files = Set.of("a/index.html", "b/index.html", "a/img/x y.png", "c/index.html",
                "search/index.html", "search/terms/61.json");
        SiteVerifier.Scan first = NOTHING_EXCUSED.scan();
        first.add("a/index.html", a);
        first.add("b/index.html", b);
        NOTHING_EXCUSED.verify(first, files);

        // A search chunk renamed: no page links to it, every check stands.
        Set<String> chunk = Set.of("a/index.html", "b/index.html", "a/img/x y.png", "c/index.html",
                "search/index.html", "search/terms/62.json");
        SiteVerifier.Scan renamed = NOTHING_EXCUSED.scan();
        renamed.addUnchanged("a/index.html", a, first);
        renamed.addUnchanged("b/index.html", b, first);
        assertDoesNotThrow(() -> NOTHING_EXCUSED.verify(renamed, chunk));

        // The image gone, then a folder's index a page links to without its slash, then one linked with it: the pages
        // taken over are checked again, and fail.
        Map<String, String> linkTo = Map.of("a/img/x y.png", "img src=\"img/x%20y.png\"", "c/index.html", "a href=\"../c\"",
                "search/index.html", "a href=\"../search/\"");
        for (String gone : List.of("a/img/x y.png", "c/index.html", "search/index.html")) {
            Set<String> fewer = new java.util.HashSet<>(chunk);
            fewer.remove(gone);
            SiteVerifier.Scan again = NOTHING_EXCUSED.scan();
            again.addUnchanged("a/index.html", a, renamed);
            again.addUnchanged("b/index.html", b, renamed);
            String m = assertThrows(BuildException.class, () -> NOTHING_EXCUSED.verify(again, fewer), gone).getMessage();
            assertTrue(m.contains(linkTo.get(gone) + ": no such file"), m);
            assertTrue(m.contains("1 broken internal link(s)"), m);
        }
    }

    @Test
    void theSamePathWrittenOnManyPagesResolvesFromEachPagesOwnFolder() {
        // Results are shared between pages whose leading ../ climb to the same folder; these pages write the same
        // paths from different folders and depths, where some land and some do not.
        String m = failure(site(
                "x/index.html", "<a href='sub/'>own</a><a href='../y/'>sibling</a><a href='..'>up</a><a href='../..'>above</a>",
                "x/sub/index.html", "<a href='../../y/'>root</a><a href='../sub/'>self</a><a href='sub/'>none</a><a href='/y/'>abs</a>",
                "y/index.html", "<a href='sub/'>none</a><a href='../x/sub/'>cousin</a><a href='..'>up</a><a href='../../y/'>above</a>",
                "y/deep/er/index.html", "<a href='../../../y/'>root</a><a href='../../../../y/'>above</a>",
                "index.html", "<a href='y/'>y</a>"));
        assertTrue(m.contains("x/index.html: a href=\"../..\": leads outside the site"), m);
        assertTrue(m.contains("x/sub/index.html: a href=\"sub/\": no such file x/sub/sub/index.html in the site"), m);
        assertTrue(m.contains("y/index.html: a href=\"sub/\": no such file y/sub/index.html in the site"), m);
        assertTrue(m.contains("y/index.html: a href=\"../../y/\": leads outside the site"), m);
        assertTrue(m.contains("y/deep/er/index.html: a href=\"../../../../y/\": leads outside the site"), m);
        assertTrue(m.contains("5 broken internal link(s)"), m);
    }

    @Test
    void theNotFoundPageIsNotFollowedItsBaseIsSetAtRunTime() {
        assertDoesNotThrow(() -> NOTHING_EXCUSED.verify(site("404.html", "<a href='./'>home</a><a href='#nowhere'>x</a>"), List.of()));
    }

    @Test
    void contentProblemsAlreadyReportedAreExcused() {
        SiteVerifier v = new SiteVerifier(Set.of("other.md"), Set.of("configuraton"));
        assertDoesNotThrow(() -> v.verify(site("index.html", "<a href='other.md'>o</a><a href='#configuraton'>c</a>"), List.of()));
    }

    @Test
    void joinResolvesLikeAUrl() {
        assertEquals("a/", SiteVerifier.join("a/b/index.html", "../"));
        assertEquals("a/b/", SiteVerifier.join("a/b/index.html", "./"));
        assertEquals("x/y", SiteVerifier.join("index.html", "x//y"));
        assertEquals("x", SiteVerifier.join("a/index.html", "/x"));
        assertEquals(null, SiteVerifier.join("index.html", "../x"));
    }

    /** A theme that links to a page that does not exist is a generator bug: generate fails and the old site stays. */
    @Test
    void generateFailsOnABrokenThemeLinkAndKeepsTheOldSite(@TempDir Path dir) throws IOException {
        Path content = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(content.resolve("README.md"), "# Guide\n\n- [A](#a)\n- [B](#b)\n- [C](#c)\n\n## A\n\nx\n\n## B\n\ny\n\n## C\n\nz\n");
        Path out = dir.resolve("site");
        SiteConfig good = SiteConfig.builder(content.resolve("README.md")).outputDirectory(out).search(false).build();
        new Sd101().generate(good);
        byte[] before = Files.readAllBytes(out.resolve("index.html"));

        Path theme = Files.createDirectories(dir.resolve("theme/partials"));
        Files.writeString(theme.resolve("header.peb"), "<header><a href=\"{{ page.root }}no-such-page/\">x</a></header>\n");
        SiteConfig broken = good.toBuilder().themeDirectory(dir.resolve("theme")).build();
        BuildException e = assertThrows(BuildException.class, () -> new Sd101().generate(broken));
        assertTrue(e.getMessage().startsWith("a/index.html: a href=\"../no-such-page/\": no such file no-such-page/index.html in the site"),
                e.getMessage());
        assertTrue(e.getMessage().contains("a generator bug"), e.getMessage());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(out.resolve("index.html")));
        assertFalse(Files.exists(out.resolve("no-such-page")));
    }
}
