package dev.sd101;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site of many small sections, built whole: what an article page carries does not grow with the number of
 * sections (twice the sections, the same largest article page), the whole tree is in {@code nav.json} once,
 * and following plain links from the home page, as a reader without JavaScript does, reaches every page.
 */
class LargeSiteNavigationTest {
    private static final Pattern HREF = Pattern.compile("<a\\s[^>]*href=\"([^\"#]*)[^\"]*\"");

    private static Path site(Path tmp, int sections) throws IOException {
        Path docs = Files.createDirectories(tmp.resolve("docs-" + sections));
        Files.writeString(docs.resolve("README.md"), "# Catalogue\n\nEvery part we stock, a section each.\n");
        for (int s = 1; s <= sections; s++) {
            Path dir = Files.createDirectories(docs.resolve(String.format(Locale.ROOT, "part-%04d", s)));
            Files.writeString(dir.resolve("README.md"), "---\ntitle: \"Part " + s + "\"\nweight: " + s + "\n---\n\nPart " + s
                    + ", what it fits.\n");
            for (int a = 1; a <= 2; a++) {
                Files.writeString(dir.resolve("sheet-" + a + ".md"), "---\ntitle: \"Sheet " + s + "." + a + "\"\nweight: "
                        + a + "\n---\n\nSizes and tolerances of part " + s + ".\n");
            }
        }
        Path out = tmp.resolve("site-" + sections);
        BuildResult r = new Sd101().generate(SiteConfig.builder(docs).contentRoot(docs).outputDirectory(out)
                .siteTitle("Catalogue").language("en").search(false).build());
        assertTrue(r.written(), r::toString);
        assertEquals(1 + 3 * sections, r.pages());
        return out;
    }

    private static long largestArticle(Path site) throws IOException {
        try (Stream<Path> s = Files.walk(site)) {
            return s.filter(p -> p.toString().contains("sheet-") && p.getFileName().toString().equals("index.html"))
                    .mapToLong(p -> p.toFile().length()).max().orElseThrow();
        }
    }

    private static int links(Path page) throws IOException {
        Matcher m = HREF.matcher(Files.readString(page));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void anArticlePageCarriesTheSameWhateverTheNumberOfSectionsAndPlainLinksReachEveryPage(@TempDir Path tmp)
            throws IOException {
        Path small = site(tmp, 180);
        Path large = site(tmp, 360);
        long a = largestArticle(small);
        long b = largestArticle(large);
        // Titles and paths are a digit longer here and there; the slice itself is the same size.
        assertTrue(Math.abs(b - a) < 600, "largest article page: " + a + " → " + b + " bytes");
        Path article = large.resolve("part-0180/sheet-1/index.html");
        assertTrue(links(article) < 60, "links on an article page: " + links(article));
        String tree = Files.readString(large.resolve("nav.json"));
        assertTrue(tree.startsWith("{\"nodes\":[[\"Part 1\",\"part-0001/\",[[\"Sheet 1.1\",\"part-0001/sheet-1/\"]"), tree.substring(0, 80));
        assertTrue(tree.contains("[\"Sheet 360.2\",\"part-0360/sheet-2/\"]"));

        // Without JavaScript: from the home page, links alone reach every page (the "n more" entries link the
        // section pages and the home page, which list every child).
        Set<String> seen = new HashSet<>();
        Deque<URI> todo = new ArrayDeque<>(List.of(large.toUri().resolve("index.html")));
        while (!todo.isEmpty()) {
            URI page = todo.pop();
            Path file = Path.of(page);
            if (!seen.add(large.relativize(file).toString()) || !Files.isRegularFile(file)) {
                continue;
            }
            Matcher m = HREF.matcher(Files.readString(file));
            while (m.find()) {
                String href = m.group(1);
                if (href.isEmpty() || href.contains("://") || href.contains("assets/")) {
                    continue;
                }
                URI next = page.resolve(href.endsWith("/") || href.equals(".") ? href + "index.html" : href).normalize();
                if (next.getScheme().equals("file") && Path.of(next).startsWith(large)) {
                    todo.push(next);
                }
            }
        }
        try (Stream<Path> s = Files.walk(large)) {
            List<String> unreached = s.filter(p -> p.getFileName().toString().equals("index.html"))
                    .map(p -> large.relativize(p).toString()).filter(p -> !seen.contains(p)).sorted().toList();
            assertEquals(List.of(), unreached, "pages no plain link reaches");
        }
        assertFalse(Files.exists(small.resolve("nav.json")) && Files.size(small.resolve("nav.json")) == 0);
    }

    @Test
    void aSiteUnderTheLimitCarriesTheWholeTreeOnEveryPageAndNoSharedFile(@TempDir Path tmp) throws IOException {
        Path site = site(tmp, 40);
        assertFalse(Files.exists(site.resolve("nav.json")));
        String page = Files.readString(site.resolve("part-0020/sheet-1/index.html"));
        assertTrue(page.contains("href=\"../../part-0040/sheet-2/\""), "every page's sidebar holds the whole tree");
        assertFalse(page.contains("data-nav-tree"));
    }
}
