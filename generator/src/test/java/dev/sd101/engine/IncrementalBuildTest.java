package dev.sd101.engine;

import dev.sd101.Sd101;
import dev.sd101.SiteBuild;
import dev.sd101.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
