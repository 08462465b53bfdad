package dev.sd101.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containment through symbolic links at every place of a path, and one answer per path for a build. */
class ContentRootTest {
    @TempDir
    Path tmp;
    Path docs;
    Path outside;
    Path from;

    @BeforeEach
    void files() throws IOException {
        docs = Files.createDirectories(tmp.resolve("docs"));
        outside = Files.createDirectories(tmp.resolve("outside/dir"));
        Files.writeString(outside.resolve("secret.png"), "secret");
        Files.createDirectories(docs.resolve("guide/deep"));
        Files.writeString(docs.resolve("guide/deep/a.png"), "a");
        from = docs.resolve("guide/page.md");
        Files.writeString(from, "# Page\n");
    }

    @Test
    void plainFilesInsideAtAnyDepth() {
        ContentRoot root = new ContentRoot(docs);
        assertEquals(new ContentRoot.Resolved.Inside(docs.resolve("guide/deep/a.png"), "guide/deep/a.png", true),
                root.resolve(from, "deep/a.png"));
        assertEquals(new ContentRoot.Resolved.Inside(docs.resolve("guide/deep/b.png"), "guide/deep/b.png", false),
                root.resolve(from, "deep/b.png"));
        assertTrue(root.staysInsideThroughLinks(from));
    }

    @Test
    void aLinkedFolderAnywhereOnThePathLeadingOutIsRefused() throws IOException {
        Files.createSymbolicLink(docs.resolve("guide/out"), outside);
        Files.createDirectories(docs.resolve("guide/mid"));
        Files.createSymbolicLink(docs.resolve("guide/mid/up"), outside.getParent());
        ContentRoot root = new ContentRoot(docs);
        assertInstanceOf(ContentRoot.Resolved.Outside.class, root.resolve(from, "out/secret.png"));
        assertInstanceOf(ContentRoot.Resolved.Outside.class, root.resolve(from, "mid/up/dir/secret.png"));
        assertFalse(root.staysInsideThroughLinks(docs.resolve("guide/out/secret.png")));
    }

    @Test
    void linksThatStayInsideAreFollowed() throws IOException {
        Files.createSymbolicLink(docs.resolve("guide/alias"), docs.resolve("guide/deep"));
        Files.createSymbolicLink(docs.resolve("guide/b.png"), docs.resolve("guide/deep/a.png"));
        ContentRoot root = new ContentRoot(docs);
        assertEquals(new ContentRoot.Resolved.Inside(docs.resolve("guide/alias/a.png"), "guide/alias/a.png", true),
                root.resolve(from, "alias/a.png"));
        assertInstanceOf(ContentRoot.Resolved.Inside.class, root.resolve(from, "b.png"));
    }

    @Test
    void aRootReachedThroughALinkHoldsItsFiles() throws IOException {
        Path linkedRoot = Files.createSymbolicLink(tmp.resolve("linked-docs"), docs);
        ContentRoot root = new ContentRoot(linkedRoot);
        Path page = linkedRoot.resolve("guide/page.md");
        assertTrue(root.staysInsideThroughLinks(page));
        assertEquals(new ContentRoot.Resolved.Inside(linkedRoot.resolve("guide/deep/a.png"), "guide/deep/a.png", true),
                root.resolve(page, "deep/a.png"));
    }

    @Test
    void aBuildSeesOneAnswerPerPathANewBuildSeesTheDiskAgain() throws IOException {
        ContentRoot build = new ContentRoot(docs);
        assertFalse(((ContentRoot.Resolved.Inside) build.resolve(from, "late.png")).exists());
        Files.writeString(docs.resolve("guide/late.png"), "late");
        // Written while a build runs: that build keeps the answer it gave, so its link check, render and site
        // check agree; the next build (a new instance) finds the file.
        assertFalse(((ContentRoot.Resolved.Inside) build.resolve(docs.resolve("guide/other.md"), "late.png")).exists());
        assertTrue(((ContentRoot.Resolved.Inside) new ContentRoot(docs).resolve(from, "late.png")).exists());
    }
}
