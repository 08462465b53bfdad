package dev.sd101;

/**
 * A running preview of a site ({@link Sd101#serve}): served over HTTP on 127.0.0.1, rebuilt on every change of
 * its sources or theme. Closing it stops the server and the watcher.
 */
public interface Preview extends AutoCloseable {
    /** The port the site is served on (the one asked for, or the free one picked for 0). */
    int port();

    /** Blocks until the calling thread is interrupted (Ctrl+C); {@link #close()} runs from the caller's shutdown hook. */
    void awaitStop() throws InterruptedException;

    /** Stops serving and watching; idempotent. */
    @Override
    void close();
}
