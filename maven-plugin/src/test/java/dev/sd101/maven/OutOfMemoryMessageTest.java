package dev.sd101.maven;

import dev.sd101.OutOfMemory;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build that ran out of heap fails the goal with one sentence that says to raise Maven's heap, MAVEN_OPTS. */
class OutOfMemoryMessageTest {
    @Test
    void theGoalsFailureNamesMavenOpts() throws MojoExecutionException {
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");
        error.setStackTrace(new StackTraceElement[] {new StackTraceElement("dev.sd101.template.ThemeRenderer", "render",
                "ThemeRenderer.java", 1)});
        OutOfMemory oom = OutOfMemory.of(error);
        MojoFailureException e = new GenerateMojo().failure(oom);
        assertTrue(e.getMessage().startsWith("out of memory while rendering the pages (the Java heap is limited to "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; raise the heap: MAVEN_OPTS=-Xmx" + oom.suggestedHeap()), e.getMessage());
    }
}
