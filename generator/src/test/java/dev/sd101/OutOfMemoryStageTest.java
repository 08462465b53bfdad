package dev.sd101;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a heap that ran out is told: the stage from where it was thrown, the setting, a heap twice as large. */
class OutOfMemoryStageTest {
    private static OutOfMemoryError thrownIn(String... classes) {
        OutOfMemoryError e = new OutOfMemoryError("Java heap space");
        StackTraceElement[] frames = new StackTraceElement[classes.length];
        for (int i = 0; i < classes.length; i++) {
            frames[i] = new StackTraceElement(classes[i], "run", classes[i] + ".java", 1);
        }
        e.setStackTrace(frames);
        return e;
    }

    @Test
    void theStageIsThePackageOfTheDeepestFrameOfThePipeline() {
        assertEquals("rendering the pages", OutOfMemory.of(thrownIn("java.lang.StringBuilder",
                "io.pebbletemplates.pebble.template.PebbleTemplateImpl", "dev.sd101.template.ThemeRenderer",
                "dev.sd101.BuildPipeline", "dev.sd101.Sd101")).stage());
        assertEquals("parsing the sources", OutOfMemory.of(thrownIn("com.vladsch.flexmark.parser.Parser",
                "dev.sd101.markdown.MarkdownParser", "dev.sd101.ParseCache", "dev.sd101.BuildPipeline")).stage());
        assertEquals("building the search index", OutOfMemory.of(thrownIn("dev.sd101.search.Postings",
                "dev.sd101.BuildPipeline")).stage());
        assertEquals("building the site", OutOfMemory.of(thrownIn("java.util.ArrayList", "dev.sd101.BuildPipeline")).stage());
    }

    @Test
    void aWorkerThreadsErrorRethrownForTheCallerIsToldByTheWorkersFrames() {
        // ForkJoin rethrows a worker's error in the waiting thread as a new error caused by the worker's.
        OutOfMemoryError rethrown = thrownIn("java.util.concurrent.ForkJoinTask", "dev.sd101.BuildPipeline");
        rethrown.initCause(thrownIn("dev.sd101.render.BodyRenderer", "java.util.stream.ForEachOps"));
        assertEquals("rendering the pages", OutOfMemory.of(rethrown).stage());
    }

    @Test
    void theErrorsTheHeapCausesAreKnownAndOthersAreNot() {
        assertTrue(OutOfMemory.causedBy(new OutOfMemoryError("Java heap space")));
        assertTrue(OutOfMemory.causedBy(new RuntimeException(new OutOfMemoryError())));
        assertTrue(OutOfMemory.causedBy(new ExceptionInInitializerError(
                "Exception java.lang.OutOfMemoryError: Java heap space [in thread \"main\"]")));
        assertFalse(OutOfMemory.causedBy(new StackOverflowError()));
        assertFalse(OutOfMemory.causedBy(new BuildException("a.md:3: broken")));
        assertFalse(OutOfMemory.causedBy(new IllegalStateException("x")));
    }

    @Test
    void theAdviceNamesEachSettingWithTwiceTheHeap() {
        OutOfMemory e = OutOfMemory.of(thrownIn("dev.sd101.render.PageViews"));
        String advice = e.advice("SD101_JAVA_OPTS=-Xmx%s", "MAVEN_OPTS=-Xmx%s");
        String heap = e.suggestedHeap();
        assertTrue(advice.startsWith("out of memory while rendering the pages (the Java heap is limited to "), advice);
        assertTrue(advice.endsWith("; raise the heap: SD101_JAVA_OPTS=-Xmx" + heap + " / MAVEN_OPTS=-Xmx" + heap), advice);
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        assertEquals(Math.max(256, 2 * mb), heap.endsWith("g") ? 1024 * Long.parseLong(heap.replace("g", ""))
                : Long.parseLong(heap.replace("m", "")));
    }
}
