package dev.sd101.engine;

import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import dev.sd101.SiteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An engine kept alive by {@code serve} reuses what the previous build rendered. Whatever it reuses, each rebuild
 * must give exactly the bytes a fresh engine gives for the same files: after a paragraph edit (only that page is
 * rendered again), a heading rename (every page's links and navigation change), an image added where a link was
 * missing, an image replaced by one of another size, a second document, and a theme change.
 */
class IncrementalBuildTest {
    private static final String GUIDE = """
            # Guide

            - [One](#one)
            - [Two](#two)
            - [Three](#three)

            ## One

            First, see [two](#two) and the [other file](other.md#details).

            ![diagram](img/diagram.png)

            ## Two

            Second, back to [one](#one).

            ## Three

            Third.
            """;

    @Test
    void everyRebuildEqualsAFreshBuildAndUnchangedPagesAreReused(@TempDir Path tmp) throws IOException {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Path guide = docs.resolve("README.md");
        Files.writeString(guide, GUIDE);
        Files.writeString(docs.resolve("other.md"), "# Other\n\n## Details\n\nSee the [guide](README.md#three).\n");
        SiteConfig config = SiteConfig.builder(docs).outputDirectory(tmp.resolve("site")).splitLevel(2).build();
        Sd101 warm = new Sd101();

        SiteBuild first = sameAsFresh(warm, config);
        String one = page(first, "one");
        String two = page(first, "two");

        Files.writeString(guide, GUIDE.replace("Second, back", "Second (edited), back"));
        SiteBuild edited = sameAsFresh(warm, config);
        assertSame(first.files().get(one), edited.files().get(one), "an unchanged page is reused as it was");
        assertNotSame(first.files().get(two), edited.files().get(two));
        assertTrue(new String(edited.files().get(two), java.nio.charset.StandardCharsets.UTF_8).contains("Second (edited)"));

        Files.writeString(guide, GUIDE.replace("## One", "## Uno").replace("(#one)", "(#uno)"));
        SiteBuild renamed = sameAsFresh(warm, config);
        assertTrue(renamed.files().containsKey("uno/index.html"), renamed.files().keySet().toString());

        Path image = Files.createDirectories(docs.resolve("img")).resolve("diagram.png");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        SiteBuild withImage = sameAsFresh(warm, config);
        assertTrue(html(withImage, "uno").contains("width=\"40\""), "the new image is copied and sized");

        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        Files.setLastModifiedTime(image, FileTime.fromMillis(Files.getLastModifiedTime(image).toMillis() + 2000));
        SiteBuild resized = sameAsFresh(warm, config);
        assertTrue(html(resized, "uno").contains("width=\"64\""), "the replaced image's size is read again");

        Files.writeString(docs.resolve("other.md"), "# Other\n\n## Details\n\nSee the [guide](README.md#two), changed.\n");
        sameAsFresh(warm, config);

        // Front matter of an unchanged file is reused with its source; an edited one is read again.
        Files.writeString(docs.resolve("other.md"), "---\ndraft: true\n---\n# Other\n\n## Details\n\nSee the [guide](README.md#two).\n");
        SiteBuild draft = sameAsFresh(warm, config);
        assertTrue(draft.files().keySet().stream().noneMatch(p -> p.startsWith("other")), "a draft is left out");
        Files.writeString(docs.resolve("other.md"), "---\ndraft: false\n---\n# Other\n\n## Details\n\nSee the [guide](README.md#two).\n");
        SiteBuild published = sameAsFresh(warm, config);
        assertTrue(published.files().keySet().stream().anyMatch(p -> p.startsWith("other")), "published again");

        Path theme = Files.createDirectories(tmp.resolve("theme/partials"));
        Files.writeString(theme.resolve("footer.peb"), "<footer class=\"custom\">Custom footer</footer>\n");
        SiteConfig themed = config.toBuilder().themeDirectory(tmp.resolve("theme")).build();
        SiteBuild custom = sameAsFresh(warm, themed);
        assertTrue(html(custom, "two").contains("Custom footer"));
        Files.writeString(theme.resolve("footer.peb"), "<footer class=\"custom\">Another footer</footer>\n");
        assertTrue(html(sameAsFresh(warm, themed), "two").contains("Another footer"));
    }

    @Test
    void warmUpWritesNothingAndLeavesTheEnginesOwnBuildsAlone(@TempDir Path tmp) throws IOException {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Path guide = docs.resolve("README.md");
        Files.writeString(guide, GUIDE);
        SiteConfig config = SiteConfig.builder(guide).outputDirectory(tmp.resolve("site")).splitLevel(2).build();
        Sd101 engine = new Sd101();
        SiteBuild first = engine.build(config);

        engine.warmUp(config, () -> false);
        assertTrue(Files.notExists(tmp.resolve("site")), "warm-up builds in memory only");
        SiteBuild again = engine.build(config);
        assertSame(first.files().get("one/index.html"), again.files().get("one/index.html"),
                "the engine's reuse state is its own, untouched by the warm-up's builds");
    }

    /**
     * Serve's way on a 1,000-page site: each rebuild told only the files that changed (as the watcher tells them),
     * written into the output folder the server answers from, only the files that changed. After each kind of edit
     * the output folder must hold byte for byte what a fresh {@code generate} writes, and the rebuild must name as
     * changed exactly the files that differ from the folder before it: a body edit, a heading renamed that other pages link to, a page's
     * title renamed (navigation, previous/next and section listings change), a front matter title renamed, a page deleted (its linkers' links
     * break), a page added (a broken link now lands), a page moved to another file name, an image added where a link
     * was missing, and another config. A body edit must leave the other pages' bytes as they were.
     */
    @Test
    void editScopedRebuildsOfAThousandPagesWriteWhatGenerateWrites(@TempDir Path tmp) throws IOException {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Thousand site = Thousand.write(docs);
        SiteConfig config = SiteConfig.builder(docs).outputDirectory(tmp.resolve("site")).siteTitle("Thousand").language("en")
                .build();
        Sd101 serve = new Sd101();
        dev.sd101.Rebuild first = serve.rebuild(config, null);
        assertEquals(1_001, first.result().pages());
        assertEquals(SiteFiles.read(tmp.resolve("site")).keySet(), first.changed(), "the first rebuild writes every file");

        // A body edit: one page rebuilt, every other page's bytes as they were.
        Path body = site.article(3, 7);
        Files.writeString(body, Files.readString(body).replace("Paragraph one", "Paragraph one, edited"));
        Set<String> differ = sameAsGenerate(serve, config, tmp, Set.of(body));
        assertTrue(differ.contains("s03/a07/index.html"), differ.toString());
        assertTrue(differ.stream().filter(p -> p.endsWith(".html")).allMatch(p -> p.equals("s03/a07/index.html")),
                "only the edited page's HTML changes: " + differ);

        // A heading that pages of another section link to, renamed with its links left as they were: they break.
        Path target = site.article(5, 2);
        Files.writeString(target, Files.readString(target).replace("## Details", "## Particulars"));
        sameAsGenerate(serve, config, tmp, Set.of(target));

        // A title renamed: the navigation of every page, the section's listing and the neighbours' links change.
        Path titled = site.article(8, 4);
        Files.writeString(titled, Files.readString(titled).replace("# Article 8.4", "# Article 8.4, renamed"));
        sameAsGenerate(serve, config, tmp, Set.of(titled));

        // A page titled by its front matter (no title heading: the index gives it one), then that title alone
        // changed (the plan is taken over, retitled), then its body, then another page's body (its search view kept).
        Path fronted = docs.resolve("s07/fronted.md");
        Files.writeString(fronted, "---\ntitle: Front matter page\nweight: 3\n---\n\nIts intro.\n\n## Details\n\nMore.\n");
        sameAsGenerate(serve, config, tmp, Set.of(fronted));
        Files.writeString(fronted, Files.readString(fronted).replace("title: Front matter page", "title: \"Front matter page, renamed\""));
        Set<String> retitled = sameAsGenerate(serve, config, tmp, Set.of(fronted));
        assertTrue(retitled.contains("s07/fronted/index.html"), retitled.toString());
        Files.writeString(fronted, Files.readString(fronted).replace("Its intro.", "Its intro, edited."));
        sameAsGenerate(serve, config, tmp, Set.of(fronted));
        Path beside = site.article(7, 1);
        Files.writeString(beside, Files.readString(beside).replace("Paragraph one", "Paragraph one, again"));
        sameAsGenerate(serve, config, tmp, Set.of(beside));

        // A page deleted (a link to it breaks), then written again (it lands) beside a new page; a page moved.
        Path deleted = site.article(9, 9);
        Files.delete(deleted);
        sameAsGenerate(serve, config, tmp, Set.of(deleted));
        Path added = docs.resolve("s01/new.md");
        Files.writeString(added, "# New page\n\nNext to [the first article](a01.md).\n");
        Files.writeString(deleted, "# Back again\n\n## Details\n\nThe links to this page land again.\n");
        sameAsGenerate(serve, config, tmp, Set.of(added, deleted));
        Path from = site.article(2, 5);
        Path to = from.resolveSibling("moved.md");
        Files.move(from, to);
        sameAsGenerate(serve, config, tmp, Set.of(from, to));

        // An image where a page's image link was missing.
        Path image = Files.createDirectories(docs.resolve("s04/img")).resolve("chart.png");
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        sameAsGenerate(serve, config, tmp, Set.of(image.getParent()));
        assertTrue(Files.readString(tmp.resolve("site/s04/a01/index.html")).contains("width=\"20\""),
                "the new image is copied and sized");

        // Another config (a config file edited): everything is built again.
        SiteConfig other = config.toBuilder().siteTitle("Thousand pages").build();
        sameAsGenerate(serve, other, tmp, Set.of(docs.resolve("sd101.yml")));

        // An edit that changes no byte of the site (a trailing space GitHub ignores) writes nothing.
        Path spaced = site.article(6, 6);
        Files.writeString(spaced, Files.readString(spaced) + "\n");
        assertEquals(Set.of(), sameAsGenerate(serve, other, tmp, Set.of(spaced)));
    }

    /** A site of 1,001 pages: a home page, 10 sections of 99 articles, each linking into other sections. */
    private record Thousand(Path docs) {
        static Thousand write(Path docs) throws IOException {
            Files.writeString(docs.resolve("README.md"), "# Thousand\n\nA site of sections: [the first](s00/README.md).\n");
            for (int s = 0; s < 10; s++) {
                Path section = Files.createDirectories(docs.resolve(String.format("s%02d", s)));
                Files.writeString(section.resolve("README.md"), "# Section " + s + "\n\nArticles about topic " + s + ".\n");
                for (int a = 0; a < 99; a++) {
                    int other = (s + 3) % 10;
                    Files.writeString(section.resolve(String.format("a%02d.md", a)), String.format("""
                            # Article %d.%d

                            Paragraph one of article %d.%d, about caches, queues and replicas number %d.

                            ## Details

                            See [article %d.%d](../s%02d/a%02d.md#details) and [the next one](a%02d.md).%s

                            ![chart](img/chart.png)

                            ## Notes

                            Term%d appears here only; shared words appear everywhere.
                            """, s, a, s, a, a * 7 % 13, other, a, other, a, (a + 1) % 99,
                            s == 1 && a == 1 ? " A [missing one](../s09/a09.md#details)." : "", s * 100 + a));
                }
            }
            return new Thousand(docs);
        }

        Path article(int section, int article) {
            return docs.resolve(String.format("s%02d/a%02d.md", section, article));
        }
    }

    /**
     * Rebuilds as serve does after a save (told {@code changed}) into the output folder; then generates the same
     * content afresh into another folder. Both folders must hold the same files, byte for byte, the builds report the
     * same problems, and the files the rebuild says it changed are exactly those that differ from the folder before.
     *
     * @return the files the rebuild changed
     */
    private static Set<String> sameAsGenerate(Sd101 serve, SiteConfig config, Path tmp, Set<Path> changed) throws IOException {
        Map<String, byte[]> before = SiteFiles.read(config.outputDirectory());
        dev.sd101.Rebuild next = serve.rebuild(config, changed);
        Path fresh = tmp.resolve("generated");
        BuildResult generated = new Sd101().generate(config.toBuilder().outputDirectory(fresh).build());
        assertEquals(generated.problems(), next.result().problems());
        Map<String, byte[]> after = SiteFiles.read(config.outputDirectory());
        SiteFiles.assertSameFiles(SiteFiles.read(fresh), after);
        Set<String> differ = new java.util.TreeSet<>();
        after.forEach((path, bytes) -> {
            if (!java.util.Arrays.equals(bytes, before.get(path))) {
                differ.add(path);
            }
        });
        before.keySet().stream().filter(p -> !after.containsKey(p)).forEach(differ::add);
        assertEquals(differ, new java.util.TreeSet<>(next.changed()), "the files the rebuild names as changed");
        return differ;
    }

    /** Builds with the warm engine and with a fresh one; asserts both sites are the same, byte for byte. */
    private static SiteBuild sameAsFresh(Sd101 warm, SiteConfig config) {
        SiteBuild incremental = warm.build(config);
        SiteBuild fresh = new Sd101().build(config);
        assertEquals(fresh.result().problems(), incremental.result().problems());
        assertEquals(fresh.files().keySet(), incremental.files().keySet());
        fresh.files().forEach((path, bytes) -> assertArrayEquals(bytes, incremental.files().get(path), path));
        assertEquals(new TreeMap<>(fresh.copies()), new TreeMap<>(incremental.copies()));
        return incremental;
    }

    private static String page(SiteBuild build, String slug) {
        String path = slug + "/index.html";
        assertTrue(build.files().containsKey(path), build.files().keySet().toString());
        return path;
    }

    private static String html(SiteBuild build, String slug) {
        return new String(build.files().get(page(build, slug)), java.nio.charset.StandardCharsets.UTF_8);
    }
}
