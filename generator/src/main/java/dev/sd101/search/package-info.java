/**
 * Stage 5, index: rendered pages → the static client-side search index (the only package that uses Lucene).
 *
 * <p>Front door: {@link dev.sd101.search.SearchIndexer#build} takes {@link dev.sd101.search.SearchPage}s and
 * returns a {@link dev.sd101.search.SearchIndex} whose files the output stage writes under the site root:
 * <pre>
 *   search/meta.json        format version, section count (n), total length (l), sections per fragment file
 *                           (g), chunk keys (the shortest prefix of each chunk's first term that sorts after
 *                           the chunk before)
 *   search/terms/K.json     sorted terms and their delta-encoded postings (per section a frequency level and a
 *                           length class: the browser scores BM25F); K is the chunk key's UTF-8 in hex
 *   search/f/K.json         fragments of sections K*g .. K*g+g-1 (JSON array): URL with #id, title, heading,
 *                           breadcrumb, text for snippets; section s is entry s%g of file floor(s/g)
 * </pre>
 * The browser side is {@code templates/theme/assets/search-engine.js} (DOM-free ES module, also run by Node in
 * the tests) and {@code search-ui.js}. The two sides share the surface analysis, pinned by
 * {@code src/test/resources/search/token-vectors.tsv}, which both the Java and the JS tests read.
 *
 * <p>Pipeline: {@code Sectioner} (Jsoup; sections at h2..h4 with ids) → {@code TermAnalysis} (Nori MIXED
 * morphemes + Hangul bigrams + folded/stemmed Latin) → {@code Postings} (local codes; {@code PostingsMemo} merges an edit's sections) →
 * {@code ClientIndexWriter} (chunks, fragment bundles).
 *
 * <p>Quality benchmark (recall@1/@5, MRR against a whitespace+prefix baseline, index size, first-query gzip
 * bytes, warm query times): {@code mvn -q -pl generator -am test -Dtest=SearchQualityIT
 * -Dsurefire.failIfNoSpecifiedTests=false}; afterwards the Node part alone:
 * {@code node generator/src/test/js/benchmark.mjs generator/target/search-bench/site templates/theme/assets
 * ../shared/sd101/search-queries.tsv generator/src/test/resources/search/hard-queries.tsv}.
 */
package dev.sd101.search;
