package dev.sd101.output;

import dev.sd101.BuildException;
import dev.sd101.BuildResult;
import dev.sd101.Sd101;
import dev.sd101.SiteConfig;
import dev.sd101.SiteFiles;
import dev.sd101.cli.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build either replaces the whole site or leaves the previous one byte for byte as it was: on a
 * template error, in strict mode, and when the JVM is killed while writing. And the same input always
 * gives the same bytes, across JVMs.
 */
class AtomicityTest {
    private final Sd101 engine = new Sd101();

    private static Path corpus(Path dir) throws IOException {
        Path src = dir.resolve("docs/README.md");
        Files.createDirectories(src.getParent());
        StringBuilder md = new StringBuilder("# Guide\n\n- [One](#one)\n- [Two](#two)\n- [Last](#last)\n\n");
        for (String t : List.of("One", "Two", "Last")) {
            md.append("## ").append(t).append("\n\nThe ").append(t.toLowerCase()).append(" article, long enough for a description.\n\n");
        }
        Files.writeString(src, md);
        return src;
    }

    @Test
    void aTemplateErrorOnTheLastPageLeavesThePreviousSiteByteForByte(@TempDir Path tmp) throws IOException {
        Path src = corpus(tmp);
        Path site = tmp.resolve("site");
        SiteConfig config = SiteConfig.builder(src).outputDirectory(site).build();
        engine.generate(config);
        Map<String, String> before = SiteFiles.hashes(site);

        // A theme whose page template fails for one page only: the others render before the error.
        Path theme = tmp.resolve("theme");
        Files.createDirectories(theme);
        String page = new String(SiteFiles.class.getResourceAsStream("/sd101/theme/default/page.peb").readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(theme.resolve("page.peb"), page.replace("{% block main %}",
                "{% block main %}{% if page.title == \"Last\" %}{{ page.noSuchField }}{% endif %}"));
        Files.writeString(src, Files.readString(src) + "\nChanged text.\n");

        BuildException e = assertThrows(BuildException.class,
                () -> engine.generate(config.toBuilder().themeDirectory(theme).build()));
        assertTrue(e.getMessage().startsWith(theme.resolve("page.peb") + ":2: "), e.getMessage());
        assertEquals(before, SiteFiles.hashes(site));
        assertEquals(List.of(), SiteFiles.temporaryFolders(site));
    }

    @Test
    void strictModeWithAProblemWritesNothing(@TempDir Path tmp) throws IOException {
        Path src = corpus(tmp);
        Path site = tmp.resolve("site");
        SiteConfig config = SiteConfig.builder(src).outputDirectory(site).strict(true).build();
        engine.generate(config);
        Map<String, String> before = SiteFiles.hashes(site);
        Files.writeString(src, Files.readString(src) + "\n[broken](#nowhere)\n");
        BuildResult r = engine.generate(config);
        assertFalse(r.written());
        assertEquals(before, SiteFiles.hashes(site));
    }

    @Test
    void killingTheJvmWhileItWritesLeavesThePreviousSiteAndTheNextBuildCleansUp(@TempDir Path tmp) throws Exception {
        // Big enough that writing takes a while: 1,500 pages and 60 MB of images to copy.
        Path docs = tmp.resolve("docs");
        Files.createDirectories(docs.resolve("img"));
        Random random = new Random(7);
        byte[] image = new byte[1 << 20];
        for (int i = 0; i < 60; i++) {
            random.nextBytes(image);
            Files.write(docs.resolve("img/" + i + ".bin"), image);
        }
        for (int i = 0; i < 1500; i++) {
            Files.writeString(docs.resolve("page" + i + ".md"), "# Page " + i + "\n\n" + "Some words to index. ".repeat(200)
                    + "\n\n[image](img/" + (i % 60) + ".bin)\n");
        }
        Files.writeString(docs.resolve("README.md"), "# Home\n\nThe old site.\n");
        Path site = tmp.resolve("site");
        String[] args = {"generate", "--source", docs.toString(), "--output", site.toString(), "--no-search"};
        Path log = tmp.resolve("build.log");

        Files.writeString(docs.resolve("only-in-old.md"), "# Old\n");
        assertEquals(0, ChildJvm.run(log, args), () -> SiteFiles.text(log));
        Map<String, String> before = SiteFiles.hashes(site);
        Files.delete(docs.resolve("only-in-old.md"));

        boolean killedWhileWriting = false;
        for (int attempt = 0; attempt < 3 && !killedWhileWriting; attempt++) {
            Process p = ChildJvm.start(log, args);
            while (p.isAlive() && SiteFiles.temporaryFolders(site).stream().noneMatch(n -> n.contains(".sd101-tmp-"))) {
                Thread.onSpinWait();
            }
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
                killedWhileWriting = true;
            } else {
                // Too fast this time: the new site is in; make it the "previous" one and try again.
                before = SiteFiles.hashes(site);
                continue;
            }
            List<String> left = SiteFiles.temporaryFolders(site);
            assertFalse(left.isEmpty(), "a killed build leaves its temporary folder (cleared by the next)");
            if (Files.exists(site)) {
                assertEquals(before, SiteFiles.hashes(site), "the previous site changed");
            } else {
                // Killed between the two renames of the swap: the previous site waits beside it, whole.
                Path old = site.resolveSibling(left.stream().filter(n -> n.contains("-old-")).findFirst().orElseThrow());
                assertEquals(before, SiteFiles.hashes(old), "the previous site changed");
            }
        }
        assertTrue(killedWhileWriting, "the build was never caught writing; make the corpus bigger");

        assertEquals(0, ChildJvm.run(log, args), () -> SiteFiles.text(log));
        assertEquals(List.of(), SiteFiles.temporaryFolders(site));
        assertFalse(Files.exists(site.resolve("only-in-old/index.html")));
        assertTrue(Files.isRegularFile(site.resolve("img/59.bin")));
        try (Stream<Path> s = Files.list(site.resolve("img"))) {
            assertEquals(60, s.count());
        }
    }

    @Test
    void twoBuildsInTwoJvmsGiveByteIdenticalSites(@TempDir Path tmp) throws Exception {
        Path repo = Path.of(System.getProperty("sd101.repo", Path.of("").toAbsolutePath().getParent().toString()));
        Path readme = repo.resolve("content/README-ko.md");
        Path a = tmp.resolve("a/site");
        Path b = tmp.resolve("b/site");
        String base = "https://raw.githubusercontent.com/ByteByteGoHq/system-design-101/fb0fc45374b3c159ccd82207ef02ece0dc755f14/images/";
        engine.generate(SiteConfig.builder(readme).contentRoot(repo).outputDirectory(a).language("ko").imageBaseUrl(base)
                .siteUrl("https://example.org/sd101/").build());
        Path log = tmp.resolve("b.log");
        assertEquals(0, ChildJvm.run(log, "generate", "--source", readme.toString(), "--root", repo.toString(),
                "--output", b.toString(), "--lang", "ko", "--image-base-url", base, "--site-url", "https://example.org/sd101/"),
                () -> SiteFiles.text(log));
        Map<String, String> ha = SiteFiles.hashes(a);
        Map<String, String> hb = SiteFiles.hashes(b);
        assertEquals(ha.keySet(), hb.keySet());
        for (String f : ha.keySet()) {
            assertEquals(ha.get(f), hb.get(f), f + " differs between two builds of the same input");
        }
        assertNotEquals(0, ha.size());
    }

    @Test
    void htmlAnchorsComeOutInTheSameOrderInEveryJvm(@TempDir Path tmp) throws Exception {
        // README-ko has no <a id>; their order once depended on Map.copyOf, whose iteration order is salted per JVM.
        Path src = tmp.resolve("docs/README.md");
        Files.createDirectories(src.getParent());
        StringBuilder md = new StringBuilder("# Anchors\n\n- [A](#a)\n- [B](#b)\n- [C](#c)\n\n");
        for (String h : List.of("A", "B", "C")) {
            md.append("## ").append(h).append("\n\n");
            for (int i = 0; i < 12; i++) {
                md.append("<a id=\"").append(h).append("-anchor-").append(i).append("\"></a>text ").append(i).append("\n\n");
            }
        }
        Files.writeString(src, md);
        Path a = tmp.resolve("a");
        engine.generate(SiteConfig.builder(src).outputDirectory(a).build());
        for (int run = 0; run < 2; run++) {
            Path b = tmp.resolve("b" + run);
            Path log = tmp.resolve("b" + run + ".log");
            assertEquals(0, ChildJvm.run(log, "generate", "--source", src.toString(), "--output", b.toString()), () -> SiteFiles.text(log));
            assertEquals(SiteFiles.hashes(a), SiteFiles.hashes(b));
        }
    }
}
