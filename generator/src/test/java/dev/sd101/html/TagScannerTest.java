package dev.sd101.html;

import dev.sd101.BuildException;
import dev.sd101.Sd101;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser (raw HTML in Markdown) and the site check (generated pages) read HTML with {@link TagScanner} instead
 * of a Jsoup parse; what they read (each element's id, name, href, src and srcset, and where a tag, an attribute
 * and its value are) must be what Jsoup's parse gives, on every page the generator writes (README-ko, the golden
 * sites, the bad-input corpus with and without sanitising), on the raw HTML of README-ko and on hand-written markup
 * that tests the tokenizer's corners.
 */
class TagScannerTest {
    private static final Set<String> READ = Set.of("id", "name", "href", "src", "srcset");

    @Test
    void tokenizerCorners() {
        assertSameOnEach(TagScannerTest::jsoup, TagScannerTest::scanned,
                "<p id=a>x</p><A HREF='b.html' Href=\"dup\">B</A><img src=c.png alt>",
                "<a href=\"x?a=1&amp;b=2&lt;\" id=\"&quot;q&quot;\">t</a><a href=\"&notit;\" name=n>",
                "<script>var s = '<a href=\"no.html\">'; if (a</b) {}</script><a href=yes.html>",
                "<script type=application/json>{\"x\":\"</scriptx>\"}</script ><p id=after>",
                "<style>a[href='x']{}</style><textarea><a href=t.html></textarea><title><img src=t.png></title>",
                "<!-- <a href=c.html> --><!--><a href=d.html><!---><a href=e.html><!-- x --!><a href=f.html>",
                "<!DOCTYPE html><?xml x><! bogus <a href=g.html> ><a href=h.html>",
                "a < b and 1<2 <3 </ x><a href=i.html></a href=\"j.html\"><a href=k.html",
                "<template><img src=t.png></template><image src=img.png><svg><a href=s.html id=S></a></svg>",
                "<img srcset=\"a.png 1x, b.png 2x\" src=c.png><picture><source srcset=\"d.png\"></picture>",
                "<div id=\"\"></div><a name=\"\">x</a><a\nhref\n=\n'nl.html'\n>y</a><a href= x.html/>",
                "<xmp><a href=x.html></xmp><iframe><a href=y.html></iframe><noembed><a href=z.html></noembed>",
                "<p>before<plaintext><a href=never.html>",
                "<a href=\"unterminated.html>");
    }

    @Test
    void positionsAreJsoupsOnCorners() {
        assertSameOnEach(TagScannerTest::jsoupPositions, TagScannerTest::scannedPositions,
                "<p id=a>x</p><A HREF='b.html'>B</A><img src=c.png alt>",
                "<a\nhref\n=\n'nl.html'\n>y</a><a href= x.html/><a name = \"n\" href=\"q?a=1&amp;b\">",
                "  <a href=\"#install\">Install</a>\n  <img src=\"img/missing.png\">",
                "<div id=\"x\"></div><a href=u>");
    }

    private static void assertSameOnEach(Function<String, List<String>> jsoup, Function<String, List<String>> scanner,
                                         String... texts) {
        for (String text : texts) {
            assertEquals(jsoup.apply(text), scanner.apply(text), text);
        }
    }

    /** An empty value is where it is written, inside its quotes; an attribute without one has no value place (Jsoup places both at the name's end or at "="). */
    @Test
    void emptyValuesArePlacedInsideTheirQuotes() {
        assertEquals(List.of("div@0 id@5 [9,9)", "a@17 href@20 [-1,-1)", "img@34 src@39 [44,44)"),
                scannedPositions("<div id=\"\"></div><a href>empty</a><img src=''>"));
    }

    /**
     * A duplicate attribute is dropped and the first kept, its place too (Jsoup keeps the first value but tracks the
     * dropped duplicate's place, so a link would be reported where it is not, and never rewritten).
     */
    @Test
    void duplicateAttributeKeepsTheFirstPlace() {
        assertEquals(List.of("a@0 href@3 [9,15)"), scannedPositions("<A HREF='b.html' Href=\"dup\">B</A>"));
    }

    /** Where README-ko's raw HTML has its tags, attributes and values: the parser's link and anchor positions. */
    @Test
    void positionsAreJsoupsOnReadmeKo() throws IOException {
        Path repo = Path.of(System.getProperty("sd101.repo", "..")).toAbsolutePath().normalize();
        String markdown = Files.readString(repo.resolve("content/README-ko.md"));
        List<String> scanned = scannedPositions(markdown);
        assertEquals(jsoupPositions(markdown), scanned);
        assertTrue(scanned.size() > 5, "attributes compared: " + scanned.size());
    }

    @Test
    void readmeKoPagesReadTheSame() {
        Path repo = Path.of(System.getProperty("sd101.repo", "..")).toAbsolutePath().normalize();
        Path source = repo.resolve("content/README-ko.md");
        SiteBuild site = new Sd101().build(SiteConfig.builder(source).contentRoot(repo).outputDirectory(repo.resolve("target/unused"))
                .language("ko").imageBaseUrl("https://example.invalid/images/").build());
        int pages = assertSameOnEveryPage(site.files());
        assertTrue(pages > 80, "pages compared: " + pages);
    }

    @Test
    void goldenSitesReadTheSame() throws IOException {
        Path golden = Path.of("src/test/resources/golden");
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(golden)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".html")).toList()) {
                files.put(golden.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        assertTrue(assertSameOnEveryPage(files) > 10);
    }

    @Test
    void badInputPagesReadTheSame(@TempDir Path tmp) throws IOException {
        Path corpus = Path.of("src/test/resources/bad-input");
        int compared = 0;
        try (Stream<Path> s = Files.list(corpus)) {
            for (Path md : s.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                for (boolean sanitize : new boolean[] {true, false}) {
                    Path dir = Files.createDirectories(tmp.resolve(md.getFileName() + "-" + sanitize));
                    Path copy = Files.copy(md, dir.resolve("README.md"));
                    try {
                        SiteBuild site = new Sd101().build(SiteConfig.builder(copy).outputDirectory(tmp.resolve("out"))
                                .sanitizeHtml(sanitize).build());
                        compared += assertSameOnEveryPage(site.files());
                    } catch (BuildException e) {
                        // Inputs past the parser's limits fail with file:line; they make no pages to compare.
                    }
                }
            }
        }
        assertTrue(compared > 40, "pages compared: " + compared);
    }

    private static int assertSameOnEveryPage(Map<String, byte[]> files) {
        int n = 0;
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (e.getKey().endsWith(".html")) {
                String html = new String(e.getValue(), StandardCharsets.UTF_8);
                assertEquals(jsoup(html), scanned(html), e.getKey());
                n++;
            }
        }
        return n;
    }

    /** What the site check reads of each element, in document order, by Jsoup's parse. */
    private static List<String> jsoup(String html) {
        List<String> out = new ArrayList<>();
        for (Element el : Jsoup.parse(html).getAllElements()) {
            StringBuilder b = new StringBuilder();
            for (Attribute a : el.attributes()) {
                if (READ.contains(a.getKey())) {
                    b.append(' ').append(a.getKey()).append('=').append(a.getValue());
                }
            }
            if (!b.isEmpty()) {
                out.add(el.normalName() + b);
            }
        }
        return out;
    }

    /** Each id, name, href, src and srcset as "tag@start attribute@nameStart [valueStart,valueEnd)", by Jsoup. */
    private static List<String> jsoupPositions(String html) {
        List<String> out = new ArrayList<>();
        for (Element el : Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true)).getAllElements()) {
            if (!el.sourceRange().isTracked()) {
                continue; // an element the tree builder implied (html, head, body)
            }
            for (Attribute a : el.attributes()) {
                if (READ.contains(a.getKey())) {
                    Range.AttributeRange r = a.sourceRange();
                    boolean valued = r.valueRange().isTracked() && r.valueRange().startPos() >= 0;
                    out.add(position(el.normalName(), el.sourceRange().startPos(), a.getKey(), r.nameRange().startPos(),
                            valued ? r.valueRange().startPos() : -1, valued ? r.valueRange().endPos() : -1));
                }
            }
        }
        return out;
    }

    private static List<String> scannedPositions(String html) {
        List<String> out = new ArrayList<>();
        TagScanner.scan(html, tag -> {
            for (int i = 0; i < tag.size(); i++) {
                if (READ.contains(tag.attributeName(i))) {
                    out.add(position(tag.name(), tag.start(), tag.attributeName(i), tag.attributeStart(i),
                            tag.valueStart(i), tag.valueEnd(i)));
                }
            }
        });
        return out;
    }

    private static String position(String tag, int start, String attribute, int nameStart, int valueStart, int valueEnd) {
        return tag + "@" + start + " " + attribute + "@" + nameStart + " [" + valueStart + "," + valueEnd + ")";
    }

    /** The same, by the scanner. */
    private static List<String> scanned(String html) {
        List<String> out = new ArrayList<>();
        TagScanner.scan(html, tag -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < tag.size(); i++) {
                if (READ.contains(tag.attributeName(i))) {
                    b.append(' ').append(tag.attributeName(i)).append('=').append(tag.attributeValue(i));
                }
            }
            if (!b.isEmpty()) {
                out.add(tag.name() + b);
            }
        });
        return out;
    }
}
