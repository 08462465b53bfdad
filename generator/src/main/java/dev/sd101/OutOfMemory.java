package dev.sd101;

import java.util.Locale;

/**
 * The build ran out of Java heap: a fatal error like any other, reported as a sentence that says in which stage and
 * how much heap there was, never as a stack trace, and the previous site stays as it was. Each front end adds how
 * to raise the heap there ({@link #advice}): the CLI's launcher reads {@code SD101_JAVA_OPTS}, Maven
 * {@code MAVEN_OPTS}.
 */
public final class OutOfMemory extends BuildException {
    private static final long serialVersionUID = 1L;

    private final String stage;
    private final long maxHeap;

    private OutOfMemory(String stage, long maxHeap, Throwable cause) {
        super("out of memory while " + stage + " (the Java heap is limited to " + megabytes(maxHeap) + ")", cause);
        this.stage = stage;
        this.maxHeap = maxHeap;
    }

    /**
     * The error as it reached the engine's front door; the stage is told by where in the pipeline it was thrown.
     *
     * @param e an {@link OutOfMemoryError}, or an error or exception {@link #causedBy caused by} one
     */
    public static OutOfMemory of(Throwable e) {
        return new OutOfMemory(stage(e), Runtime.getRuntime().maxMemory(), e);
    }

    /**
     * Whether the heap running out is behind {@code e}: itself, a cause of it, or a class whose initialiser it broke
     * ({@link ExceptionInInitializerError}, and the {@link NoClassDefFoundError} of each later use of that class, which
     * keeps only the text of the first error). Never a {@link BuildException} (an earlier one is reported as it is).
     */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BuildException && !(t instanceof OutOfMemory)) {
                return false;
            }
            if (t instanceof OutOfMemoryError || t instanceof OutOfMemory) {
                return true;
            }
            if ((t instanceof ExceptionInInitializerError || t instanceof NoClassDefFoundError)
                    && String.valueOf(t.getMessage()).contains("OutOfMemoryError")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** What the build was doing: "rendering the pages", "parsing the sources"… */
    public String stage() {
        return stage;
    }

    /** A heap twice the one that ran out, as a {@code -Xmx} value ({@code 1g}, {@code 768m}). */
    public String suggestedHeap() {
        long mb = Math.max(256, 2 * (maxHeap >> 20));
        return mb % 1024 == 0 ? mb / 1024 + "g" : mb + "m";
    }

    /**
     * The message, then how to raise the heap: each way a pattern whose {@code %s} is the suggested {@code -Xmx}
     * value, e.g. {@code "MAVEN_OPTS=-Xmx%s"}.
     */
    public String advice(String... ways) {
        StringBuilder b = new StringBuilder(getMessage()).append("; raise the heap: ");
        for (int i = 0; i < ways.length; i++) {
            b.append(i == 0 ? "" : " / ").append(ways[i].replace("%s", suggestedHeap()));
        }
        return b.toString();
    }

    private static String megabytes(long bytes) {
        return bytes == Long.MAX_VALUE ? "no limit" : String.format(Locale.ROOT, "%d MB", bytes >> 20);
    }

    /**
     * The stage of the deepest sd101 frame of the error (or of the one it was rethrown for, from a worker thread):
     * the pipeline's stages are packages, so the package names the stage.
     */
    private static String stage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement f : t.getStackTrace()) {
                String c = f.getClassName();
                if (!c.startsWith("dev.sd101.")) {
                    continue;
                }
                String pkg = c.substring("dev.sd101.".length(), Math.max("dev.sd101.".length(), c.lastIndexOf('.')));
                switch (pkg) {
                    case "content": return "loading the sources";
                    case "markdown", "anchor": return "parsing the sources";
                    case "site": return "planning the pages";
                    case "link": return "checking the links";
                    case "render", "template", "html": return "rendering the pages";
                    case "search": return "building the search index";
                    case "output": return "writing the site";
                    default: break; // the pipeline itself: look further up for the stage it called
                }
            }
        }
        return "building the site";
    }
}
