package dev.sd101.engine;

import dev.sd101.search.AnalysisCache;
import dev.sd101.search.SearchIndexer;
import dev.sd101.search.SearchPage;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The index stage as the render pass feeds it, page by page: streamed ({@link SearchIndexer.Collector}: each page
 * analysed at once and its HTML dropped) or collected (the pages indexed at the end, which lets a long-lived
 * indexer reuse a page equal to one of its previous build's whole). The same files either way.
 */
interface SearchStage {
    /** Adds the page with order number {@code i}. */
    void add(int i, SearchPage page);

    /** The index files. */
    Map<String, byte[]> files();

    static SearchStage streamed(SearchIndexer indexer, int pages, AnalysisCache cache) {
        SearchIndexer.Collector collector = indexer.collector(pages, cache);
        return new SearchStage() {
            @Override
            public void add(int i, SearchPage page) {
                collector.add(i, page);
            }

            @Override
            public Map<String, byte[]> files() {
                return collector.build().files();
            }
        };
    }

    static SearchStage collected(SearchIndexer indexer, int pages, AnalysisCache cache) {
        SearchPage[] added = new SearchPage[pages];
        return new SearchStage() {
            @Override
            public void add(int i, SearchPage page) {
                added[i] = page; // each order number once, so no two threads write one slot
            }

            @Override
            public Map<String, byte[]> files() {
                return indexer.build(Arrays.stream(added).filter(Objects::nonNull).toList(), cache).files();
            }
        };
    }
}
