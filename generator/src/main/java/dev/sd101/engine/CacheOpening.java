package dev.sd101.engine;

import dev.sd101.SiteConfig;
import dev.sd101.search.AnalysisCache;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The previous build's search analysis cache, read on a spare core while the sources are loaded and parsed. A
 * cache that cannot be opened is no cache ({@link AnalysisCache#open} throws nothing for what is on disk).
 */
final class CacheOpening implements AutoCloseable {
    private final FutureTask<AnalysisCache> opening;

    private CacheOpening(FutureTask<AnalysisCache> opening) {
        this.opening = opening;
    }

    /** Starts opening the configured cache, or gives no cache when {@code wanted} is false or none is configured. */
    static CacheOpening start(SiteConfig config, boolean wanted) {
        boolean open = wanted && config.search() && config.cacheDirectory() != null;
        FutureTask<AnalysisCache> task = new FutureTask<>(() -> open ? AnalysisCache.open(config.cacheDirectory()) : AnalysisCache.none());
        if (open) {
            Thread opener = new Thread(task, "sd101-analysis-cache");
            opener.setDaemon(true);
            opener.start();
        } else {
            task.run();
        }
        return new CacheOpening(task);
    }

    /** The cache once opened (waits for it). */
    AnalysisCache cache() {
        try {
            return opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AnalysisCache.none();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            return AnalysisCache.none();
        }
    }

    boolean isEmpty() {
        return cache().isEmpty();
    }

    @Override
    public void close() {
        cache().close();
    }
}
