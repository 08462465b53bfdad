package dev.sd101.engine;

import dev.sd101.search.AnalysisCache;
import dev.sd101.search.SearchIndex;
import dev.sd101.search.SearchIndexer;
import dev.sd101.search.SearchPage;


/**
 * The index stage as the render pass feeds it, page by page ({@link SearchIndexer.Collector}: each page analysed at
 * once, its HTML not held). A kept stage (serve) leaves in its indexer what the next build reuses: an unchanged page
 * is not analysed again. The same files either way.
 */
final class SearchStage {
    private final SearchIndexer.Collector collector;

    private SearchStage(SearchIndexer.Collector collector) {
        this.collector = collector;
    }

    /** A build that keeps nothing for a next one (generate). */
    static SearchStage streamed(SearchIndexer indexer, int pages, AnalysisCache cache) {
        return new SearchStage(indexer.collector(pages, cache, false));
    }

    /** A build whose indexer builds again (serve, an in-memory build): unchanged pages are reused from the last. */
    static SearchStage kept(SearchIndexer indexer, int pages, AnalysisCache cache) {
        return new SearchStage(indexer.collector(pages, cache, true));
    }

    /** Adds the page with order number {@code i}. */
    void add(int i, SearchPage page) {
        collector.add(i, page);
    }

    /** The index files; a kept stage gives most of them {@linkplain SearchIndex#versioned versioned}. */
    SearchIndex files() {
        return collector.build();
    }
}
